// Archiving a board and bringing it back. Not board operations of the WebSocket protocol: a
// socket watches one live board, and an archived board has no sockets to send a restore from,
// while restoring must also respect the plan's board limit, which only the tenant knows. Both
// commit like operations all the same (idempotent under an operation id, planned again after a
// conflict) and tell the board's sockets with an event.
import type { Board } from "../../shared/api";
import { fail, ok, type Result } from "../../shared/errors";
import { canWrite } from "../../shared/tenant";
import { readOnly } from "./change-set";
import { now } from "./clock";
import { type Actor, planAndCommit } from "./operations";
import type { BoardStore } from "./store";

/** Archives a board (its lists and cards go with it, untouched) or brings one back. */
export async function setBoardArchived(
	store: BoardStore,
	actor: Actor,
	boardId: string,
	archived: boolean,
	opId: string | null,
	maxBoards: number,
): Promise<Result<Board>> {
	if (!canWrite(actor.role)) return readOnly();
	const request = { type: archived ? "board.archive" : "board.restore", boardId };
	const applied = await planAndCommit(store, actor, request, opId, async () => {
		if (archived) {
			const board = await store.board(boardId);
			if (!board) return fail("not_found", "No such board.");
			return ok({
				boardId,
				changes: [{ archive: "board", id: boardId, at: now() }],
				expects: [{ live: "board", id: boardId }],
				event: { type: "board.archived", board },
			});
		}
		const board = await store.archivedBoard(boardId);
		if (!board) return fail("not_found", "No archived board like that.");
		// Archived boards do not count against the plan; a restored one does again.
		if ((await store.boards()).length >= maxBoards)
			return fail("plan_limit", `This plan allows ${maxBoards} boards. Archive one or upgrade the plan.`, {
				maxBoards,
			});
		return ok({
			boardId,
			changes: [{ restore: "board", id: boardId }],
			expects: [{ archived: "board", id: boardId }],
			event: { type: "board.restored", board },
		});
	});
	if (!applied.ok) return applied;
	const { event } = applied.value.committed;
	return event.type === "board.archived" || event.type === "board.restored"
		? ok(event.board)
		: fail("idempotency_key_reused", "This operation id was used for a different request. Send a new one.");
}
