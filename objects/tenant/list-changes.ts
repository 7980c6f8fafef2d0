// Planning the list operations: create happens in operations.ts; rename, move, archive (with its
// cards) and restore (with the same cards) here.
import { fail, ok } from "../../shared/errors";
import { keyAfterLast } from "../../shared/ordering";
import type { Operation } from "../../shared/protocol";
import { type ChangeSet, conflict, noList, positionAfter } from "./change-set";
import { now } from "./migrations";
import type { BoardStore, Change } from "./store";

type ListOp = Extract<Operation, { type: "list.rename" | "list.move" | "list.archive" | "list.restore" }>;

export async function planListChange(store: BoardStore, boardId: string, op: ListOp): Promise<ChangeSet> {
	if (op.type === "list.restore") {
		const archived = await store.archivedList(op.listId);
		if (!archived || archived.boardId !== boardId)
			return fail("not_found", "No archived list like that on this board.");
		// Back at the end of the board, with the cards it was archived with, in their order.
		const position = keyAfterLast((await store.lists(boardId)).map((l) => l.position));
		const list = { ...archived, position, version: archived.version + 1 };
		const cards = await store.cardsOfArchivedList(list.id);
		const changes: Change[] = [
			{ restore: "list", id: list.id },
			{ put: "list", row: list },
		];
		return ok({ boardId, changes, event: { type: "list.restored", list, cards } });
	}
	const list = await store.list(op.listId);
	if (!list || list.boardId !== boardId) return noList();
	switch (op.type) {
		case "list.archive":
			return ok({
				boardId,
				changes: [{ archive: "list", id: list.id, at: now() }],
				event: { type: "list.archived", listId: list.id },
			});
		case "list.rename": {
			if (op.version !== list.version) return conflict("list", list);
			const next = { ...list, title: op.title, version: list.version + 1 };
			return ok({ boardId, changes: [{ put: "list", row: next }], event: { type: "list.updated", list: next } });
		}
		case "list.move": {
			const others = (await store.lists(boardId)).filter((l) => l.id !== list.id);
			const position = positionAfter(others, op.afterId);
			if (!position.ok) return position;
			const next = { ...list, position: position.value, version: list.version + 1 };
			return ok({ boardId, changes: [{ put: "list", row: next }], event: { type: "list.updated", list: next } });
		}
	}
}
