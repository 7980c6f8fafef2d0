// Who a card is assigned to and when it is due: assignees are members of the tenant (a removed
// member drops off), due dates are days, set and cleared with the card's version.
import { describe, expect, it } from "vitest";
import type { Card } from "../../shared/api";
import { call } from "../helpers/api";
import { addCard, applyOp, readBoard, sendOp, sharedBoard, syncedSocket } from "../helpers/board-ops";

describe("assignees", () => {
	it("are assigned and unassigned live, and must be members of the workspace", async () => {
		const { slug, token, board, alice, watcher, bob, listId } = await sharedBoard();
		const card = await addCard(slug, board.id, listId, "Ship it", token);
		const seq = await applyOp(alice, { type: "card.assign", boardId: board.id, cardId: card.id, userId: bob.id });
		expect((await watcher.next("event", (m) => m.event.seq === seq)).event.event).toMatchObject({
			type: "card.assigned",
			card: { id: card.id, assigneeIds: [bob.id] },
			assignee: { id: bob.id, name: "bob" },
		});
		expect((await readBoard(slug, board.id, token)).cards[0]?.assigneeIds).toEqual([bob.id]);
		const twice = await sendOp(alice, { type: "card.assign", boardId: board.id, cardId: card.id, userId: bob.id });
		expect(twice).toMatchObject({ ok: false, code: "conflict" });
		const stranger = await sendOp(alice, {
			type: "card.assign",
			boardId: board.id,
			cardId: card.id,
			userId: "u_nobody",
		});
		expect(stranger).toMatchObject({ ok: false, code: "not_found" });
		await applyOp(alice, { type: "card.unassign", boardId: board.id, cardId: card.id, userId: bob.id });
		expect((await readBoard(slug, board.id, token)).cards[0]?.assigneeIds).toEqual([]);
	});

	it("cannot be changed by a viewer", async () => {
		const { slug, token, board, bob, tokens, listId } = await sharedBoard();
		const card = await addCard(slug, board.id, listId, "Mine", token);
		const viewer = await syncedSocket(slug, board.id, tokens.vera);
		const outcome = await sendOp(viewer, { type: "card.assign", boardId: board.id, cardId: card.id, userId: bob.id });
		expect(outcome).toMatchObject({ ok: false, code: "forbidden" });
	});

	it("drop off a card when they leave the workspace", async () => {
		const { slug, token, board, alice, bob, listId } = await sharedBoard();
		const card = await addCard(slug, board.id, listId, "Handover", token);
		await applyOp(alice, { type: "card.assign", boardId: board.id, cardId: card.id, userId: bob.id });
		expect((await call(`/api/t/${slug}/members/${bob.id}`, { method: "DELETE", token })).status).toBe(204);
		expect((await readBoard(slug, board.id, token)).cards[0]?.assigneeIds).toEqual([]);
	});
});

describe("due dates", () => {
	it("are set, changed and cleared with the card's version, over HTTP and over the socket", async () => {
		const { slug, token, board, alice, watcher, listId } = await sharedBoard();
		const card = await addCard(slug, board.id, listId, "Report", token);
		expect(card.dueDate).toBeNull();
		const patch = (json: unknown) => call(`/api/t/${slug}/cards/${card.id}`, { method: "PATCH", json, token });
		const set = await patch({ version: 1, dueDate: "2031-03-31" });
		expect(set.status).toBe(200);
		expect(await set.json()).toMatchObject({ dueDate: "2031-03-31", version: 2 });
		const live = await watcher.next("event", (m) => m.event.event.type === "card.updated");
		expect(live.event.event).toMatchObject({ card: { dueDate: "2031-03-31" } });

		expect((await patch({ version: 1, dueDate: "2031-04-01" })).status).toBe(409);
		await applyOp(alice, { type: "card.update", boardId: board.id, cardId: card.id, version: 2, dueDate: null });
		expect((await readBoard(slug, board.id, token)).cards[0]?.dueDate).toBeNull();
	});

	it("must be real calendar days", async () => {
		const { slug, token, board, listId } = await sharedBoard();
		const card = await addCard(slug, board.id, listId, "Report", token);
		for (const dueDate of ["2031-02-30", "2031-13-01", "31/03/2031", "2031-03-31T10:00:00Z", 20310331]) {
			const res = await call(`/api/t/${slug}/cards/${card.id}`, {
				method: "PATCH",
				json: { version: 1, dueDate },
				token,
			});
			expect(res.status, String(dueDate)).toBe(422);
		}
		const leap = await call(`/api/t/${slug}/cards/${card.id}`, {
			method: "PATCH",
			json: { version: 1, dueDate: "2032-02-29" },
			token,
		});
		expect(((await leap.json()) as Card).dueDate).toBe("2032-02-29");
	});
});
