// One afternoon of work on a board, as a script the board domain plays against any BoardStore:
// the Durable Object's and the D1 one must leave the same events and the same board behind.
import { setBoardArchived } from "../../objects/domain/board-archive";
import type { Db } from "../../objects/domain/db";
import type { Actor, Applied } from "../../objects/domain/operations";
import { applyOperation, createBoard } from "../../objects/domain/operations";
import { search } from "../../objects/domain/search";
import type { BoardStore } from "../../objects/domain/store";
import type { Card, SearchResult } from "../../shared/api";
import type { Result } from "../../shared/errors";
import type { Operation } from "../../shared/protocol";

export const ALICE: Actor = { userId: "u_alice", name: "Alice", role: "owner" };

/**
 * Plays the script and returns everything a client could observe afterwards. With the store's
 * `db`, searches too (the one search query, through each design's Db).
 */
export async function playScript(store: BoardStore, db?: Db, actor: Actor = ALICE) {
	const outcomes: unknown[] = [];
	const created = await createBoard(store, actor, "Roadmap", null, 10);
	if (!created.ok) throw new Error(`createBoard: ${created.code}`);
	const boardId = created.value.id;
	const [todo, doing, done] = await store.lists(boardId);
	if (!todo || !doing || !done) throw new Error("A new board has three lists.");
	const apply = async (op: Operation, opId: string | null = null): Promise<Result<Applied>> => {
		const result = await applyOperation(store, actor, op, opId);
		outcomes.push(result.ok ? { replayed: result.value.replayed, seq: result.value.committed.seq } : result.code);
		return result;
	};
	const cardOf = async (op: Operation) => {
		const result = await apply(op);
		if (!result.ok || !("card" in result.value.committed.event)) throw new Error(`${op.type} made no card`);
		return result.value.committed.event.card;
	};
	await apply({ type: "board.rename", boardId, title: "Roadmap 2027", version: 1 });
	const later = await apply({ type: "list.create", boardId, title: "Later" });
	const laterId = later.ok && "list" in later.value.committed.event ? later.value.committed.event.list.id : "";
	await apply({ type: "list.rename", boardId, listId: laterId, title: "Someday", version: 1 });
	await apply({ type: "list.move", boardId, listId: laterId, afterId: null });
	const a = await cardOf({ type: "card.create", boardId, listId: todo.id, title: "Write the brief" });
	const b = await cardOf({ type: "card.create", boardId, listId: todo.id, title: "Pick a name" });
	const c = await cardOf({ type: "card.create", boardId, listId: todo.id, title: "Book a room", description: "Big" });
	await apply({ type: "card.update", boardId, cardId: a.id, version: 1, title: "Write the brief (v2)" });
	await apply({ type: "card.update", boardId, cardId: a.id, version: 1, title: "A stale edit" });
	await apply({ type: "card.move", boardId, cardId: c.id, listId: todo.id, afterId: null });
	await apply({ type: "card.move", boardId, cardId: b.id, listId: doing.id, afterId: null });
	// One comment per card: comments of one card made in the same millisecond are ordered by their
	// random ids (in both stores), which two runs cannot agree on.
	await apply({ type: "comment.create", boardId, cardId: b.id, body: "First draft is in." });
	await apply({ type: "comment.create", boardId, cardId: a.id, body: "Reviewed." }, "op-review");
	await apply({ type: "comment.create", boardId, cardId: a.id, body: "Reviewed." }, "op-review");
	await apply({ type: "comment.create", boardId, cardId: a.id, body: "Something else" }, "op-review");
	await apply({ type: "card.archive", boardId, cardId: c.id });
	await apply({ type: "card.restore", boardId, cardId: c.id });
	await apply({ type: "card.update", boardId, cardId: b.id, version: 2, listId: done.id, afterId: null });
	await apply({ type: "list.archive", boardId, listId: done.id });
	const whileArchived = await store.cardsOfArchivedList(done.id);
	await apply({ type: "list.restore", boardId, listId: done.id });
	await apply({ type: "card.update", boardId, cardId: c.id, version: 3, archived: true });
	await apply({ type: "card.move", boardId, cardId: a.id, listId: "l_missing", afterId: null });
	const relational = await playRelational(store, apply, boardId, { a, b });
	const archivedBoards = await archiveAndRestore(store, actor, boardId, outcomes);
	const board = await store.boardDetail(boardId);
	return {
		outcomes,
		whileArchived,
		// Cards of different lists may share a position; their order then depends on random ids.
		board: board && { ...board, cards: board.cards.sort(byPositionThenTitle) },
		cardA: await store.cardDetail(a.id),
		cardB: await store.cardDetail(b.id),
		archivedC: await store.archivedCard(c.id),
		lastInTodo: await store.lastCardPosition(todo.id),
		events: await store.eventsSince(0, boardId),
		resumeFromTheFuture: await store.eventsSince(999, boardId),
		activity: await store.activity(boardId, 100),
		boards: await store.boards(),
		archive: await store.boardArchive(boardId),
		archivedBoards,
		...relational,
		searches: db && {
			brief: withoutRanks(await search(db, "brief")),
			reviewed: withoutRanks(await search(db, "reviewed OR draft")),
			archived: withoutRanks(await search(db, "room")),
		},
	};
}

type Apply = (op: Operation, opId?: string | null) => Promise<Result<Applied>>;

/** Labels, assignees, due dates and a deleted comment, with their refusals. */
async function playRelational(store: BoardStore, apply: Apply, boardId: string, cards: { a: Card; b: Card }) {
	const { a, b } = cards;
	const labelOf = (result: Result<Applied>) =>
		result.ok && "label" in result.value.committed.event ? result.value.committed.event.label.id : "";
	const urgent = labelOf(await apply({ type: "label.create", boardId, name: "Urgent", color: "red" }));
	const later = labelOf(await apply({ type: "label.create", boardId, name: "Later", color: "gray" }));
	await apply({ type: "label.update", boardId, labelId: urgent, version: 1, name: "Blocker" });
	await apply({ type: "label.update", boardId, labelId: urgent, version: 1, color: "blue" });
	await apply({ type: "card.label", boardId, cardId: a.id, labelId: urgent });
	await apply({ type: "card.label", boardId, cardId: a.id, labelId: urgent });
	await apply({ type: "card.label", boardId, cardId: b.id, labelId: later });
	await apply({ type: "card.label", boardId, cardId: a.id, labelId: "lb_missing" });
	await apply({ type: "card.assign", boardId, cardId: a.id, userId: ALICE.userId });
	await apply({ type: "card.assign", boardId, cardId: a.id, userId: "u_nobody" });
	const version = (await store.card(b.id))?.version ?? 0;
	await apply({ type: "card.update", boardId, cardId: b.id, version, dueDate: "2030-01-31" });
	await apply({ type: "card.update", boardId, cardId: b.id, version, dueDate: "2030-02-01" });
	await apply({ type: "label.delete", boardId, labelId: later });
	const firstDraft = (await store.cardDetail(b.id))?.comments[0]?.id ?? "";
	await apply({ type: "comment.delete", boardId, cardId: b.id, commentId: firstDraft });
	await apply({ type: "comment.delete", boardId, cardId: b.id, commentId: firstDraft });
	return {
		labelled: await store.label(urgent),
		deletedLabel: await store.label(later),
		cardBAfter: await store.cardDetail(b.id),
	};
}

/** The board leaves and comes back; what the archived list said in between. */
async function archiveAndRestore(store: BoardStore, actor: Actor, boardId: string, outcomes: unknown[]) {
	const record = (result: Result<unknown>) => outcomes.push(result.ok ? "ok" : result.code);
	record(await setBoardArchived(store, actor, boardId, true, "op-archive-board", 10));
	record(await setBoardArchived(store, actor, boardId, true, "op-archive-board", 10));
	record(await setBoardArchived(store, actor, boardId, true, null, 10));
	const whileArchived = { archived: await store.archivedBoards(), live: await store.boards() };
	record(await setBoardArchived(store, actor, boardId, false, null, 10));
	return whileArchived;
}

/**
 * Search results without their bm25 rank: D1's index is shared by every tenant of the database,
 * so its statistics (and the scores) differ from a tenant's own index; the matches do not.
 */
function withoutRanks(result: Result<SearchResult[]>) {
	if (!result.ok) return result.code;
	return result.value
		.map(({ rank: _rank, ...rest }) => rest)
		.sort((x, y) => `${x.kind}${x.snippet}`.localeCompare(`${y.kind}${y.snippet}`));
}

function byPositionThenTitle(x: Card, y: Card): number {
	if (x.position !== y.position) return x.position < y.position ? -1 : 1;
	return x.title.localeCompare(y.title);
}

/**
 * The script's observations with what differs by nature between two runs taken out: random ids
 * become #1, #2, … in order of appearance, and timestamps become "<time>".
 */
export function normalise(value: unknown): unknown {
	const ids = new Map<string, string>();
	const text = JSON.stringify(value)
		.replace(/\b[a-z]{1,3}_[0-9a-z]{16}\b/g, (id) => {
			if (!ids.has(id)) ids.set(id, `#${ids.size + 1}`);
			return ids.get(id) ?? id;
		})
		.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g, "<time>");
	return JSON.parse(text);
}
