// Many Workers writing one tenant at once. Each "Worker" here is its own D1BoardStore running the
// real domain, and all of them run together (Promise.all), so their reads and batches interleave
// in the database the way requests on different machines would.
import { describe, expect, it } from "vitest";
import { type Actor, applyOperation, createBoard } from "../../objects/domain/operations";
import type { Operation } from "../../shared/protocol";
import { rowsOf, storeFor, tenantWithBoard } from "./helpers";

/** Each operation applied by its own store, all at once. */
function concurrently(tenantId: string, actor: Actor, ops: Operation[], opId: string | null = null) {
	return Promise.all(ops.map((op) => applyOperation(storeFor(tenantId), actor, op, opId)));
}

/** The committed event (seq) of each successful result. */
function seqsOf(results: Awaited<ReturnType<typeof concurrently>>): number[] {
	return results.flatMap((result) => (result.ok ? [result.value.committed.seq] : []));
}

describe("concurrent writers on one shared database", () => {
	it("30 cards created at once in one list all commit, each at its own position, in commit order", async () => {
		const { tenantId, owner, store, board, lists } = await tenantWithBoard();
		const listId = lists[0]?.id ?? "";
		const ops = Array.from(
			{ length: 30 },
			(_, i): Operation => ({ type: "card.create", boardId: board.id, listId, title: `Card ${i}` }),
		);
		const results = await concurrently(tenantId, owner, ops);
		expect(results.filter((r) => !r.ok)).toEqual([]);
		const cards = await store.cardsInList(listId);
		expect(cards).toHaveLength(30);
		expect(new Set(cards.map((c) => c.position)).size).toBe(30);
		// Each card was appended after the last one committed before it, so position order is commit order.
		const seqOf = new Map(
			results.flatMap((r) =>
				r.ok && "card" in r.value.committed.event ? [[r.value.committed.event.card.id, r.value.committed.seq]] : [],
			),
		);
		const seqs = cards.map((c) => seqOf.get(c.id) ?? 0);
		expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
	});

	it("of ten edits of one card made against the same version, exactly one wins", async () => {
		const { tenantId, owner, store, board, lists } = await tenantWithBoard();
		const created = await applyOperation(
			store,
			owner,
			{ type: "card.create", boardId: board.id, listId: lists[0]?.id ?? "", title: "Draft" },
			null,
		);
		if (!created.ok || !("card" in created.value.committed.event)) throw new Error("card.create failed");
		const cardId = created.value.committed.event.card.id;
		const ops = Array.from(
			{ length: 10 },
			(_, i): Operation => ({ type: "card.update", boardId: board.id, cardId, version: 1, title: `Edit ${i}` }),
		);
		const results = await concurrently(tenantId, owner, ops);
		const winners = results.filter((r) => r.ok);
		expect(winners).toHaveLength(1);
		expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(Array(9).fill("version_conflict"));
		const winner = winners[0]?.ok && winners[0].value.committed.event;
		expect(await store.card(cardId)).toMatchObject({
			version: 2,
			title: winner && "card" in winner ? winner.card.title : "",
		});
	});

	it("the same operation id sent by five Workers at once commits once, and all five get its event", async () => {
		const { tenantId, owner, store, board, lists } = await tenantWithBoard();
		const created = await applyOperation(
			store,
			owner,
			{ type: "card.create", boardId: board.id, listId: lists[0]?.id ?? "", title: "Retry me" },
			null,
		);
		if (!created.ok || !("card" in created.value.committed.event)) throw new Error("card.create failed");
		const op: Operation = {
			type: "comment.create",
			boardId: board.id,
			cardId: created.value.committed.event.card.id,
			body: "Once",
		};
		const results = await concurrently(tenantId, owner, Array(5).fill(op), "op-retried");
		const applied = results.map((r) => (r.ok ? r.value : undefined));
		expect(applied.filter((a) => a?.replayed === false)).toHaveLength(1);
		expect(applied.filter((a) => a?.replayed === true)).toHaveLength(4);
		expect(new Set(applied.map((a) => JSON.stringify(a?.committed))).size).toBe(1);
		expect(await rowsOf("comments", tenantId)).toHaveLength(1);
		expect(await rowsOf("operations", tenantId)).toHaveLength(1);
	});

	it("50 writes at once get the tenant's next sequence numbers without gaps, and each board's chain holds", async () => {
		const { tenantId, owner, store, board, lists } = await tenantWithBoard();
		const second = await tenantWithBoardIn(tenantId, owner);
		const cards: { boardId: string; cardId: string }[] = [];
		for (let i = 0; i < 25; i++) {
			const target = i % 2 === 0 ? { boardId: board.id, listId: lists[0]?.id ?? "" } : second;
			const made = await applyOperation(store, owner, { type: "card.create", ...target, title: `Card ${i}` }, null);
			if (made.ok && "card" in made.value.committed.event)
				cards.push({ boardId: target.boardId, cardId: made.value.committed.event.card.id });
		}
		const before = (await rowsOf("events", tenantId)).length;
		// A comment and an edit on each card: fifty writes, none relying on what another one changes.
		const ops = cards.flatMap(({ boardId, cardId }): Operation[] => [
			{ type: "comment.create", boardId, cardId, body: "Looks good" },
			{ type: "card.update", boardId, cardId, version: 1, title: "Edited" },
		]);
		const results = await concurrently(tenantId, owner, ops);
		expect(results.filter((r) => !r.ok)).toEqual([]);
		expect(seqsOf(results).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => before + i + 1));
		const events = (await rowsOf("events", tenantId)).map((e) => ({
			seq: Number(e.seq),
			prev: Number(e.prev_seq),
			board: String(e.board_id),
		}));
		expect(events.map((e) => e.seq).sort((a, b) => a - b)).toEqual(
			Array.from({ length: before + 50 }, (_, i) => i + 1),
		);
		for (const boardId of [board.id, second.boardId]) {
			const chain = events.filter((e) => e.board === boardId).sort((a, b) => a.seq - b.seq);
			expect(chain.map((e) => e.prev)).toEqual([0, ...chain.slice(0, -1).map((e) => e.seq)]);
		}
	});

	it("labels and people added to one card by many Workers at once all stay, and every event tells the truth", async () => {
		const { tenantId, owner, store, board, lists } = await tenantWithBoard();
		const made = await applyOperation(
			store,
			owner,
			{ type: "card.create", boardId: board.id, listId: lists[0]?.id ?? "", title: "Busy card" },
			null,
		);
		if (!made.ok || !("card" in made.value.committed.event)) throw new Error("card.create failed");
		const cardId = made.value.committed.event.card.id;
		const labelIds: string[] = [];
		for (const name of ["A", "B", "C", "D", "E", "F"]) {
			const label = await applyOperation(
				store,
				owner,
				{ type: "label.create", boardId: board.id, name, color: "red" },
				null,
			);
			if (label.ok && "label" in label.value.committed.event) labelIds.push(label.value.committed.event.label.id);
		}
		const ops: Operation[] = [
			...labelIds.map((labelId): Operation => ({ type: "card.label", boardId: board.id, cardId, labelId })),
			{ type: "card.assign", boardId: board.id, cardId, userId: owner.userId },
		];
		const results = await concurrently(tenantId, owner, ops);
		expect(results.filter((r) => !r.ok)).toEqual([]);
		const card = await store.card(cardId);
		expect(card?.labelIds).toEqual([...labelIds].sort());
		expect(card?.assigneeIds).toEqual([owner.userId]);
		expect(card?.version).toBe(1 + ops.length);
		// Each event's card is the card as that commit left it: versions 2, 3, … and growing label sets.
		const events = results.flatMap((r) =>
			r.ok && "card" in r.value.committed.event ? [r.value.committed.event.card] : [],
		);
		const byVersion = events.sort((x, y) => x.version - y.version);
		expect(byVersion.map((c) => c.version)).toEqual(ops.map((_, i) => i + 2));
		expect(byVersion.map((c) => c.labelIds.length + c.assigneeIds.length)).toEqual(ops.map((_, i) => i + 1));
	});
});

/** A second board in the same tenant, and its first list. */
async function tenantWithBoardIn(tenantId: string, owner: Actor): Promise<{ boardId: string; listId: string }> {
	const store = storeFor(tenantId);
	const made = await createBoard(store, owner, "Second", null, 10);
	if (!made.ok) throw new Error("createBoard failed");
	const [first] = await store.lists(made.value.id);
	return { boardId: made.value.id, listId: first?.id ?? "" };
}
