// A board's labels and the cards that carry them, over the board's sockets: every change is live
// for everyone on the board, viewers change nothing, and a replica that applies the events ends
// where the server is.
import { describe, expect, it } from "vitest";
import type { BoardDetail, Label } from "../../shared/api";
import { call } from "../helpers/api";
import { addCard, applyOp, readBoard, replicaOf, seen, sendOp, sharedBoard, syncedSocket } from "../helpers/board-ops";

async function createLabel(setup: Awaited<ReturnType<typeof sharedBoard>>, name: string, color = "red") {
	const { alice, watcher, board } = setup;
	const seq = await applyOp(alice, { type: "label.create", boardId: board.id, name, color });
	const event = (await watcher.next("event", (m) => m.event.seq === seq)).event.event;
	if (event.type !== "label.created") throw new Error(`Expected label.created, got ${event.type}`);
	return event.label;
}

describe("a board's labels", () => {
	it("are created, renamed, recoloured and deleted live for everyone on the board", async () => {
		const setup = await sharedBoard();
		const { slug, token, board, alice, watcher } = setup;
		const label = await createLabel(setup, "Urgent");
		expect(label).toMatchObject({ boardId: board.id, name: "Urgent", color: "red", version: 1 });
		expect((await readBoard(slug, board.id, token)).labels).toEqual([label]);

		const renamed = await applyOp(alice, {
			type: "label.update",
			...{ boardId: board.id, labelId: label.id, version: 1, name: "Blocker", color: "orange" },
		});
		const updated = (await watcher.next("event", (m) => m.event.seq === renamed)).event.event;
		expect(updated).toMatchObject({ type: "label.updated", label: { name: "Blocker", color: "orange", version: 2 } });

		const deleted = await applyOp(alice, { type: "label.delete", boardId: board.id, labelId: label.id });
		expect((await watcher.next("event", (m) => m.event.seq === deleted)).event.event).toEqual({
			type: "label.deleted",
			labelId: label.id,
		});
		expect((await readBoard(slug, board.id, token)).labels).toEqual([]);
	});

	it("refuses a rename made from a stale version, and one with a colour outside the palette", async () => {
		const setup = await sharedBoard();
		const { alice, board } = setup;
		const label = await createLabel(setup, "Design", "blue");
		await applyOp(alice, { type: "label.update", boardId: board.id, labelId: label.id, version: 1, name: "UX" });
		const stale = await sendOp(alice, {
			type: "label.update",
			boardId: board.id,
			labelId: label.id,
			version: 1,
			name: "UI",
		});
		expect(stale).toMatchObject({ ok: false, code: "version_conflict" });
		alice.send({
			type: "op",
			opId: "op-bad-colour",
			op: { type: "label.create", boardId: board.id, name: "X", color: "#f00" },
		});
		expect((await alice.next("error")).code).toBe("bad_request");
	});

	it("go on and off cards live, and a card takes only its own board's labels", async () => {
		const setup = await sharedBoard();
		const { slug, token, board, alice, watcher, listId } = setup;
		const label = await createLabel(setup, "Urgent");
		const card = await addCard(slug, board.id, listId, "Fix the login", token);
		const seq = await applyOp(alice, { type: "card.label", boardId: board.id, cardId: card.id, labelId: label.id });
		const event = (await watcher.next("event", (m) => m.event.seq === seq)).event.event;
		expect(event).toMatchObject({ type: "card.labeled", card: { id: card.id, labelIds: [label.id] }, label });
		expect((await readBoard(slug, board.id, token)).cards[0]?.labelIds).toEqual([label.id]);

		const again = await sendOp(alice, { type: "card.label", boardId: board.id, cardId: card.id, labelId: label.id });
		expect(again).toMatchObject({ ok: false, code: "conflict" });

		const other = (await (
			await call(`/api/t/${slug}/boards`, { method: "POST", json: { title: "Other" }, token })
		).json()) as { id: string };
		const otherSocket = await syncedSocket(slug, other.id, token);
		const foreign = await applyOp(otherSocket, {
			type: "label.create",
			boardId: other.id,
			name: "Theirs",
			color: "gray",
		});
		const theirs = (await otherSocket.next("event", (m) => m.event.seq === foreign)).event.event as {
			label: Label;
		};
		const wrongBoard = await sendOp(alice, {
			type: "card.label",
			...{ boardId: board.id, cardId: card.id, labelId: theirs.label.id },
		});
		expect(wrongBoard).toMatchObject({ ok: false, code: "not_found" });

		await applyOp(alice, { type: "card.unlabel", boardId: board.id, cardId: card.id, labelId: label.id });
		expect((await readBoard(slug, board.id, token)).cards[0]?.labelIds).toEqual([]);
	});

	it("come off every card when deleted", async () => {
		const setup = await sharedBoard();
		const { slug, token, board, alice, listId } = setup;
		const [urgent, later] = [await createLabel(setup, "Urgent"), await createLabel(setup, "Later", "gray")];
		const cards = [
			await addCard(slug, board.id, listId, "One", token),
			await addCard(slug, board.id, listId, "Two", token),
		];
		for (const card of cards)
			for (const label of [urgent, later])
				await applyOp(alice, { type: "card.label", boardId: board.id, cardId: card.id, labelId: label.id });
		await applyOp(alice, { type: "label.delete", boardId: board.id, labelId: urgent.id });
		const after = await readBoard(slug, board.id, token);
		expect(after.cards.map((c) => c.labelIds)).toEqual([[later.id], [later.id]]);
		const detail = (await (await call(`/api/t/${slug}/cards/${cards[0]?.id}`, { token })).json()) as {
			labelIds: string[];
		};
		expect(detail.labelIds).toEqual([later.id]);
	});

	it("cannot be changed by a viewer, who still sees them", async () => {
		const setup = await sharedBoard();
		const { slug, token, board, tokens, listId } = setup;
		const label = await createLabel(setup, "Urgent");
		const card = await addCard(slug, board.id, listId, "Read me", token);
		const viewer = await syncedSocket(slug, board.id, tokens.vera);
		const ops = [
			{ type: "label.create", boardId: board.id, name: "Mine", color: "green" },
			{ type: "label.update", boardId: board.id, labelId: label.id, version: 1, name: "Mine" },
			{ type: "label.delete", boardId: board.id, labelId: label.id },
			{ type: "card.label", boardId: board.id, cardId: card.id, labelId: label.id },
		];
		for (const op of ops) expect(await sendOp(viewer, op)).toMatchObject({ ok: false, code: "forbidden" });
		expect((await readBoard(slug, board.id, tokens.vera)).labels).toEqual([label]);
	});

	it("move the card's version, so an edit sent from before them conflicts instead of overwriting", async () => {
		const setup = await sharedBoard();
		const { slug, token, board, alice, listId } = setup;
		const label = await createLabel(setup, "Urgent");
		const card = await addCard(slug, board.id, listId, "Versioned", token);
		await applyOp(alice, { type: "card.label", boardId: board.id, cardId: card.id, labelId: label.id });
		const stale = await sendOp(alice, {
			type: "card.update",
			...{ boardId: board.id, cardId: card.id, version: card.version, title: "Stale" },
		});
		expect(stale).toMatchObject({ ok: false, code: "version_conflict" });
		const res = await call(`/api/t/${slug}/cards/${card.id}`, {
			method: "PATCH",
			json: { version: card.version + 1, title: "Fresh" },
			token,
		});
		expect(await res.json()).toMatchObject({ title: "Fresh", labelIds: [label.id], version: card.version + 2 });
	});
});

describe("replicas of a board with labels, assignees and due dates", () => {
	it("end where the server is after every kind of change", async () => {
		const setup = await sharedBoard();
		const { slug, token, board, alice, watcher, bob, listId } = setup;
		const [a, b] = [await createLabel(setup, "A"), await createLabel(setup, "B", "teal")];
		const one = await addCard(slug, board.id, listId, "One", token);
		const two = await addCard(slug, board.id, listId, "Two", token);
		const ops = [
			{ type: "card.label", boardId: board.id, cardId: one.id, labelId: a.id },
			{ type: "card.label", boardId: board.id, cardId: one.id, labelId: b.id },
			{ type: "card.label", boardId: board.id, cardId: two.id, labelId: a.id },
			{ type: "card.assign", boardId: board.id, cardId: one.id, userId: bob.id },
			{ type: "card.update", boardId: board.id, cardId: two.id, version: 2, dueDate: "2030-01-31" },
			{ type: "label.update", boardId: board.id, labelId: b.id, version: 1, color: "purple" },
			{ type: "label.delete", boardId: board.id, labelId: a.id },
			{ type: "card.unassign", boardId: board.id, cardId: one.id, userId: bob.id },
			{ type: "card.assign", boardId: board.id, cardId: two.id, userId: bob.id },
		];
		let last = 0;
		for (const op of ops) last = await applyOp(alice, op);
		await seen(watcher, last);
		const server: BoardDetail = await readBoard(slug, board.id, token);
		expect(replicaOf(watcher)).toEqual(server);
		expect(server.labels.map((l) => [l.name, l.color])).toEqual([["B", "purple"]]);
		expect(server.cards.map((c) => [c.title, c.labelIds, c.assigneeIds, c.dueDate])).toEqual([
			["One", [b.id], [], null],
			["Two", [], [bob.id], "2030-01-31"],
		]);
	});
});
