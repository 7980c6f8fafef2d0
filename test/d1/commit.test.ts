// A commit is one D1 batch: all of it or none of it, refused with the domain's own errors when
// what the plan relied on changed (CommitConflict) or its operation id is taken (DuplicateOperation).
import { describe, expect, it } from "vitest";
import { newId } from "../../objects/domain/ids";
import { type Commit, CommitConflict, DuplicateOperation, type Expectation } from "../../objects/domain/store";
import type { Card } from "../../shared/api";
import { rowsOf, storeFor, tenantWithBoard, testEnv } from "./helpers";

/** A commit that adds a card with a comment to the first list, relying on `expects`. */
function cardWithComment(boardId: string, listId: string, expects: Expectation[], opId: string | null = null): Commit {
	const at = new Date().toISOString();
	const card: Card = {
		...{ id: newId("c"), boardId, listId, title: "Guarded", description: "", position: "a0", version: 1 },
		...{ createdBy: "u_x", createdAt: at, updatedAt: at, commentCount: 0, attachmentCount: 0 },
		...{ labelIds: [], assigneeIds: [], dueDate: null },
	};
	const comment = { id: newId("m"), cardId: card.id, authorId: "u_x", authorName: "X", body: "Hi", createdAt: at };
	return {
		changes: [
			{ put: "card", row: card },
			{ put: "comment", row: comment },
		],
		expects,
		boardId,
		actorId: "u_x",
		opId,
		fingerprint: opId && "fp",
		event: { type: "card.created", card },
	};
}

/** Everything a commit could have written for this tenant. */
async function written(tenantId: string) {
	const [cards, comments, events, operations, ledger] = await Promise.all(
		["cards", "comments", "events", "operations", "usage_ledger"].map((table) => rowsOf(table, tenantId)),
	);
	const guards = await testEnv.DB.prepare("SELECT count(*) AS n FROM guards").first<number>("n");
	return { cards, comments, events, operations, ledger, guards };
}

describe("a commit is one batch", () => {
	it("a failed guard rolls back every change, the event, the operation id and the ledger statements", async () => {
		const { tenantId, store: setup, board, lists } = await tenantWithBoard();
		const before = await written(tenantId);
		const calls: string[] = [];
		const store = storeFor(tenantId, {
			ledger: () => [
				testEnv.DB.prepare("INSERT INTO usage_ledger (tenant_id, hour, meter, quantity) VALUES (?, 'h', 'm', 1)").bind(
					tenantId,
				),
			],
			after: () => calls.push("after"),
			failed: () => calls.push("failed"),
		});
		const listId = lists[0]?.id ?? "";
		const expects: Expectation[] = [
			{ live: "list", id: listId },
			{ version: "board", id: board.id, is: 1 },
			{ version: "board", id: board.id, is: 7 },
		];
		await expect(store.commit(cardWithComment(board.id, listId, expects, "op-1"))).rejects.toBeInstanceOf(
			CommitConflict,
		);
		expect(calls).toEqual(["failed"]);
		expect(await written(tenantId)).toEqual(before);
		expect(await setup.cardsInList(listId)).toEqual([]);
	});

	it("a commit whose guards hold writes everything, numbers its event and leaves no guard row behind", async () => {
		const { tenantId, board, lists } = await tenantWithBoard();
		const committed: number[] = [];
		const store = storeFor(tenantId, {
			ledger: (commit) => [
				testEnv.DB.prepare("INSERT INTO usage_ledger (tenant_id, hour, meter, quantity) VALUES (?, 'h', ?, 1)").bind(
					tenantId,
					commit.event.type,
				),
			],
			after: (event) => committed.push(event.seq),
		});
		const listId = lists[0]?.id ?? "";
		const commit = cardWithComment(board.id, listId, [{ live: "list", id: listId }], "op-2");
		const event = await store.commit(commit);
		expect(event).toMatchObject({ seq: 2, prevSeq: 1, boardId: board.id, opId: "op-2" });
		expect(committed).toEqual([2]);
		const after = await written(tenantId);
		expect(after.cards).toHaveLength(1);
		expect(after.comments).toHaveLength(1);
		expect(after.operations).toEqual([expect.objectContaining({ op_id: "op-2", seq: 2, fingerprint: "fp" })]);
		expect(after.ledger).toEqual([expect.objectContaining({ meter: "card.created", quantity: 1 })]);
		expect(after.guards).toBe(0);
		expect(await store.event(2)).toEqual(event);
	});

	it("an operation id committed meanwhile is refused as a duplicate, not as a conflict", async () => {
		const { tenantId, board, lists } = await tenantWithBoard();
		const store = storeFor(tenantId);
		const listId = lists[0]?.id ?? "";
		await store.commit(cardWithComment(board.id, listId, [], "op-3"));
		const again = store.commit(cardWithComment(board.id, listId, [{ version: "board", id: board.id, is: 99 }], "op-3"));
		await expect(again).rejects.toBeInstanceOf(DuplicateOperation);
		expect(await rowsOf("cards", tenantId)).toHaveLength(1);
	});

	it("any other database error reaches the caller as it was, and nothing is written", async () => {
		const { tenantId, board, lists } = await tenantWithBoard();
		const store = storeFor(tenantId, { ledger: () => [testEnv.DB.prepare("INSERT INTO no_such_table VALUES (1)")] });
		const failing = store.commit(cardWithComment(board.id, lists[0]?.id ?? "", []));
		await expect(failing).rejects.toThrow(/no such table/);
		await expect(failing).rejects.not.toBeInstanceOf(CommitConflict);
		expect(await rowsOf("cards", tenantId)).toEqual([]);
	});

	it("every kind of expectation refuses the commit once it no longer holds", async () => {
		const { tenantId, store, board, lists } = await tenantWithBoard();
		const [todo, doing] = lists;
		if (!todo || !doing) throw new Error("A new board has lists.");
		await store.commit({ ...cardWithComment(board.id, todo.id, []), expects: [] });
		const [card] = await store.cardsInList(todo.id);
		if (!card) throw new Error("The card was written.");
		await store.commit({
			changes: [{ archive: "list", id: doing.id, at: "now" }],
			expects: [],
			...{ boardId: board.id, actorId: "u_x", opId: null, fingerprint: null },
			event: { type: "list.archived", listId: doing.id },
		});
		const refused: Expectation[] = [
			{ version: "card", id: card.id, is: 2 },
			{ version: "list", id: "l_missing", is: 1 },
			{ live: "list", id: doing.id },
			{ live: "card", id: "c_missing" },
			{ archived: "list", id: todo.id },
			{ archived: "card", id: card.id },
			{ gap: "cards", parentId: todo.id, after: null, before: null, except: null },
			{ gap: "cards", parentId: todo.id, after: "Zz", before: "a1", except: null },
			{ gap: "lists", parentId: board.id, after: todo.position, before: null, except: null },
			{ count: "comments", cardId: card.id, is: 0 },
			{ count: "attachments", cardId: card.id, is: 1 },
		];
		const held: Expectation[] = [
			{ version: "card", id: card.id, is: 1 },
			{ live: "board", id: board.id },
			{ live: "card", id: card.id },
			{ archived: "list", id: doing.id },
			{ gap: "cards", parentId: todo.id, after: card.position, before: null, except: null },
			{ gap: "cards", parentId: todo.id, after: null, before: null, except: card.id },
			{ gap: "cards", parentId: doing.id, after: null, before: null, except: null },
			{ gap: "lists", parentId: board.id, after: null, before: todo.position, except: null },
			{ count: "comments", cardId: card.id, is: 1 },
			{ count: "attachments", cardId: card.id, is: 0 },
		];
		// Each attempt is a request of its own (a fresh store), as a refused plan's retry would be.
		const attempt = (expects: Expectation[]) => storeFor(tenantId).commit(cardWithComment(board.id, todo.id, expects));
		for (const expectation of refused)
			await expect(attempt([expectation]), JSON.stringify(expectation)).rejects.toBeInstanceOf(CommitConflict);
		await expect(attempt(held)).resolves.toMatchObject({ boardId: board.id });
	});
});
