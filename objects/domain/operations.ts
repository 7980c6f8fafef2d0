// The board domain: permissions, validation, ordering and events for every operation,
// written once against the BoardStore seam. HTTP and WebSocket mutations both come here.
import type { Board, Card, List } from "../../shared/api";
import { fail, ok, type Result } from "../../shared/errors";
import { keyBetween } from "../../shared/ordering";
import type { CommittedEvent, Operation } from "../../shared/protocol";
import { assertNever } from "../../shared/protocol";
import { canWrite, type Role } from "../../shared/tenant";
import { planCardChange } from "./card-changes";
import { type ChangeSet, conflict, gapFor, noList, positionAtEnd, readOnly } from "./change-set";
import { now } from "./clock";
import { retryingConflicts } from "./conflict-backoff";
import { fingerprintOf } from "./fingerprint";
import { newId } from "./ids";
import { planLabelChange } from "./label-changes";
import { planListChange } from "./list-changes";
import type { BoardStore, Change } from "./store";

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

/**
 * Applies one operation in one transaction. A repeated `opId` from the same caller for the same
 * request is acknowledged with its first outcome and changes nothing, so clients may re-send
 * whatever they are unsure about; the same id for a different request is refused.
 */
export async function applyOperation(
	store: BoardStore,
	actor: Actor,
	op: Operation,
	opId: string | null,
): Promise<Result<Applied>> {
	if (!canWrite(actor.role)) return readOnly();
	return planAndCommit(store, actor, op, opId, async () => {
		const board = await store.board(op.boardId);
		if (!board) return fail("not_found", "No such board.");
		return planOperation(store, actor, board, op);
	});
}

/**
 * Answers a repeated operation id with its first outcome, or plans (`plan`) and commits. Another
 * writer may get in between the reads and the commit (a shared database): the whole change is
 * then planned again from fresh reads, and the same id committed meanwhile replays.
 */
export async function planAndCommit(
	store: BoardStore,
	actor: Actor,
	request: { type: string },
	opId: string | null,
	plan: () => Promise<ChangeSet>,
): Promise<Result<Applied>> {
	const fingerprint = opId === null ? null : fingerprintOf(request);
	return retryingConflicts(async () => {
		const earlier = await replay(store, actor, opId, fingerprint);
		if (earlier) return earlier;
		const planned = await plan();
		if (!planned.ok) return planned;
		const committed = await store.commit({ ...planned.value, actorId: actor.userId, opId, fingerprint });
		return ok({ replayed: false, committed });
	});
}

/** Creates a board with the three lists most teams start from, if the plan has room for it. */
export async function createBoard(
	store: BoardStore,
	actor: Actor,
	title: string,
	opId: string | null,
	maxBoards: number,
): Promise<Result<Board>> {
	if (!canWrite(actor.role)) return readOnly();
	const fingerprint = opId === null ? null : fingerprintOf({ type: "board.create", title });
	const earlier = await replay(store, actor, opId, fingerprint);
	if (earlier && !earlier.ok) return earlier;
	if (earlier?.value.committed.event.type === "board.updated") return ok(earlier.value.committed.event.board);
	if ((await store.boards()).length >= maxBoards)
		return fail("plan_limit", `This plan allows ${maxBoards} boards. Archive one or upgrade the plan.`, { maxBoards });
	const at = now();
	const board: Board = { id: newId("b"), title, version: 1, createdAt: at, updatedAt: at };
	const changes: Change[] = [{ put: "board", row: board }];
	let position: string | null = null;
	for (const listTitle of ["To do", "Doing", "Done"]) {
		position = keyBetween(position, null);
		changes.push({ put: "list", row: { id: newId("l"), boardId: board.id, title: listTitle, position, version: 1 } });
	}
	const event = { type: "board.updated", board } as const;
	await store.commit({ changes, expects: [], boardId: board.id, actorId: actor.userId, opId, fingerprint, event });
	return ok(board);
}

/** The first outcome of an operation id this actor used before, or a refusal if it asked for something else. */
async function replay(
	store: BoardStore,
	actor: Actor,
	opId: string | null,
	fingerprint: string | null,
): Promise<Result<Applied> | undefined> {
	if (opId === null) return undefined;
	const seen = await store.operation(actor.userId, opId);
	if (!seen) return undefined;
	if (seen.fingerprint !== null && seen.fingerprint !== fingerprint)
		return fail(
			"idempotency_key_reused",
			"This operation id (Idempotency-Key) was already used for a different request. Send a new one.",
		);
	const committed = await store.event(seen.seq);
	return committed ? ok({ replayed: true, committed }) : fail("conflict", "This operation was applied long ago.");
}

async function planOperation(store: BoardStore, actor: Actor, board: Board, op: Operation): Promise<ChangeSet> {
	const boardId = board.id;
	switch (op.type) {
		case "board.rename": {
			if (op.version !== board.version) return conflict("board", board);
			const next = { ...board, title: op.title, version: board.version + 1, updatedAt: now() };
			const expects = [{ version: "board", id: boardId, is: board.version } as const];
			return ok({
				boardId,
				changes: [{ put: "board", row: next }],
				expects,
				event: { type: "board.updated", board: next },
			});
		}
		case "list.create": {
			const placement = positionAtEnd((await store.lists(boardId)).at(-1)?.position ?? null);
			const list: List = { id: newId("l"), boardId, title: op.title, position: placement.position, version: 1 };
			const expects = [{ live: "board", id: boardId } as const, gapFor("lists", boardId, placement, null)];
			return ok({ boardId, changes: [{ put: "list", row: list }], expects, event: { type: "list.created", list } });
		}
		case "list.rename":
		case "list.move":
		case "list.archive":
		case "list.restore":
			return planListChange(store, boardId, op);
		case "card.create": {
			const list = await store.list(op.listId);
			if (!list || list.boardId !== boardId) return noList();
			const at = now();
			const placement = positionAtEnd(await store.lastCardPosition(list.id));
			const card: Card = {
				id: newId("c"),
				boardId,
				listId: list.id,
				title: op.title,
				description: op.description ?? "",
				position: placement.position,
				version: 1,
				createdBy: actor.userId,
				createdAt: at,
				updatedAt: at,
				commentCount: 0,
				attachmentCount: 0,
				labelIds: [],
				assigneeIds: [],
				dueDate: null,
			};
			const expects = [{ live: "list", id: list.id } as const, gapFor("cards", list.id, placement, null)];
			return ok({ boardId, changes: [{ put: "card", row: card }], expects, event: { type: "card.created", card } });
		}
		case "card.update":
		case "card.move":
		case "card.archive":
		case "card.restore":
		case "comment.create":
		case "comment.delete":
			return planCardChange(store, actor, boardId, op);
		case "label.create":
		case "label.update":
		case "label.delete":
		case "card.label":
		case "card.unlabel":
		case "card.assign":
		case "card.unassign":
			return planLabelChange(store, boardId, op);
		default:
			return assertNever(op);
	}
}
