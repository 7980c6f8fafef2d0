// The board domain: permissions, validation, ordering and events for every operation,
// written once against the BoardStore seam. HTTP and WebSocket mutations both come here.
import type { Board, Card, List } from "../../shared/api";
import { fail, ok, type Result } from "../../shared/errors";
import { keyAfterLast, keyBetween } from "../../shared/ordering";
import type { CommittedEvent, Operation } from "../../shared/protocol";
import { assertNever } from "../../shared/protocol";
import { canWrite, type Role } from "../../shared/tenant";
import { newId } from "./ids";
import { now } from "./migrations";
import type { BoardStore, Change, Commit } from "./store";

export interface Actor {
	userId: string;
	name: string;
	role: Role;
}

/** An applied operation's committed event; `replayed` when the operation id was seen before. */
export interface Applied {
	replayed: boolean;
	committed: CommittedEvent;
}

type Plan = Result<Omit<Commit, "actorId" | "opId">>;

/**
 * Applies one operation in one transaction. A repeated `opId` is acknowledged with its first
 * outcome and changes nothing, so clients may re-send whatever they are unsure about.
 */
export async function applyOperation(
	store: BoardStore,
	actor: Actor,
	op: Operation,
	opId: string | null,
): Promise<Result<Applied>> {
	if (opId) {
		const seq = await store.operationSeq(opId);
		const committed = seq === undefined ? undefined : await store.event(seq);
		if (committed) return ok({ replayed: true, committed });
	}
	if (!canWrite(actor.role)) return fail("forbidden", "Viewers can read boards but not change them.");
	const board = await store.board(op.boardId);
	if (!board) return fail("not_found", "No such board.");
	const plan = await planOperation(store, actor, board, op);
	if (!plan.ok) return plan;
	return ok({ replayed: false, committed: await store.commit({ ...plan.value, actorId: actor.userId, opId }) });
}

/** Creates a board with the three lists most teams start from. */
export async function createBoard(
	store: BoardStore,
	actor: Actor,
	title: string,
	opId: string | null,
): Promise<Result<Board>> {
	if (!canWrite(actor.role)) return fail("forbidden", "Viewers can read boards but not change them.");
	const seen = opId === null ? undefined : await store.operationSeq(opId);
	const earlier = seen === undefined ? undefined : (await store.event(seen))?.event;
	if (earlier?.type === "board.updated") return ok(earlier.board);
	const at = now();
	const board: Board = { id: newId("b"), title, version: 1, createdAt: at, updatedAt: at };
	const changes: Change[] = [{ put: "board", row: board }];
	let position: string | null = null;
	for (const listTitle of ["To do", "Doing", "Done"]) {
		position = keyBetween(position, null);
		changes.push({ put: "list", row: { id: newId("l"), boardId: board.id, title: listTitle, position, version: 1 } });
	}
	await store.commit({
		changes,
		boardId: board.id,
		actorId: actor.userId,
		opId,
		event: { type: "board.updated", board },
	});
	return ok(board);
}

async function planOperation(store: BoardStore, actor: Actor, board: Board, op: Operation): Promise<Plan> {
	const at = now();
	const boardId = board.id;
	switch (op.type) {
		case "board.rename": {
			if (op.version !== board.version) return conflict("board", board);
			const next = { ...board, title: op.title, version: board.version + 1, updatedAt: at };
			return ok({ boardId, changes: [{ put: "board", row: next }], event: { type: "board.updated", board: next } });
		}
		case "list.create": {
			const list: List = {
				id: newId("l"),
				boardId,
				title: op.title,
				position: keyAfterLast((await store.lists(boardId)).map((l) => l.position)),
				version: 1,
			};
			return ok({ boardId, changes: [{ put: "list", row: list }], event: { type: "list.created", list } });
		}
		case "list.rename":
		case "list.move":
		case "list.archive":
			return planListChange(store, boardId, op);
		case "card.create": {
			const list = await store.list(op.listId);
			if (!list || list.boardId !== boardId) return fail("not_found", "No such list on this board.");
			const position = keyBetween(await store.lastCardPosition(list.id), null);
			const card: Card = {
				id: newId("c"),
				boardId,
				listId: list.id,
				title: op.title,
				description: op.description ?? "",
				position,
				version: 1,
				createdBy: actor.userId,
				createdAt: at,
				updatedAt: at,
				commentCount: 0,
				attachmentCount: 0,
			};
			return ok({ boardId, changes: [{ put: "card", row: card }], event: { type: "card.created", card } });
		}
		case "card.update":
		case "card.move":
		case "card.archive":
		case "comment.create":
			return planCardChange(store, actor, boardId, op, at);
		default:
			return assertNever(op);
	}
}

type ListOp = Extract<Operation, { type: "list.rename" | "list.move" | "list.archive" }>;

async function planListChange(store: BoardStore, boardId: string, op: ListOp): Promise<Plan> {
	const list = await store.list(op.listId);
	if (!list || list.boardId !== boardId) return fail("not_found", "No such list on this board.");
	if (op.type === "list.archive") {
		return ok({
			boardId,
			changes: [{ archive: "list", id: list.id }],
			event: { type: "list.archived", listId: list.id },
		});
	}
	if (op.type === "list.rename") {
		if (op.version !== list.version) return conflict("list", list);
		const next = { ...list, title: op.title, version: list.version + 1 };
		return ok({ boardId, changes: [{ put: "list", row: next }], event: { type: "list.updated", list: next } });
	}
	const others = (await store.lists(boardId)).filter((l) => l.id !== list.id);
	const position = positionAfter(others, op.afterId);
	if (!position.ok) return position;
	const next = { ...list, position: position.value, version: list.version + 1 };
	return ok({ boardId, changes: [{ put: "list", row: next }], event: { type: "list.updated", list: next } });
}

type CardOp = Extract<Operation, { type: "card.update" | "card.move" | "card.archive" | "comment.create" }>;

async function planCardChange(store: BoardStore, actor: Actor, boardId: string, op: CardOp, at: string): Promise<Plan> {
	const card = await store.card(op.cardId);
	if (!card || card.boardId !== boardId) return fail("not_found", "No such card on this board.");
	switch (op.type) {
		case "card.update": {
			if (op.version !== card.version) return conflict("card", card);
			const next = {
				...card,
				title: op.title ?? card.title,
				description: op.description ?? card.description,
				version: card.version + 1,
				updatedAt: at,
			};
			return ok({ boardId, changes: [{ put: "card", row: next }], event: { type: "card.updated", card: next } });
		}
		case "card.move": {
			const list = await store.list(op.listId);
			if (!list || list.boardId !== boardId) return fail("not_found", "No such list on this board.");
			const siblings = (await store.cardsInList(list.id)).filter((c) => c.id !== card.id);
			const position = positionAfter(siblings, op.afterId);
			if (!position.ok) return position;
			const next = { ...card, listId: list.id, position: position.value, version: card.version + 1, updatedAt: at };
			return ok({ boardId, changes: [{ put: "card", row: next }], event: { type: "card.moved", card: next } });
		}
		case "card.archive":
			return ok({
				boardId,
				changes: [{ archive: "card", id: card.id }],
				event: { type: "card.archived", cardId: card.id },
			});
		case "comment.create": {
			const comment = {
				id: newId("m"),
				cardId: card.id,
				authorId: actor.userId,
				authorName: actor.name,
				body: op.body,
				createdAt: at,
			};
			const next = { ...card, commentCount: card.commentCount + 1 };
			return ok({
				boardId,
				changes: [{ put: "comment", row: comment }],
				event: { type: "comment.created", comment, card: next },
			});
		}
	}
}

/** A key that places an item right after `afterId` among `items` (sorted), or first when null. */
function positionAfter(items: readonly { id: string; position: string }[], afterId: string | null): Result<string> {
	if (afterId === null) return ok(keyBetween(null, items[0]?.position ?? null));
	const index = items.findIndex((item) => item.id === afterId);
	const before = items[index];
	if (!before) return fail("not_found", "The item to place after is not there any more.");
	return ok(keyBetween(before.position, items[index + 1]?.position ?? null));
}

function conflict(noun: string, current: unknown): Result<never> {
	return fail("version_conflict", `This ${noun} was changed by someone else. Reload it and try again.`, { current });
}
