// Planning the list operations: create happens in operations.ts; rename, move, archive (with its
// cards) and restore (with the same cards) here.
import { fail, ok } from "../../shared/errors";
import type { Operation } from "../../shared/protocol";
import { type ChangeSet, conflict, gapFor, noList, positionAfter, positionAtEnd } from "./change-set";
import { now } from "./clock";
import type { BoardStore, Change } from "./store";

type ListOp = Extract<Operation, { type: "list.rename" | "list.move" | "list.archive" | "list.restore" }>;

export async function planListChange(store: BoardStore, boardId: string, op: ListOp): Promise<ChangeSet> {
	if (op.type === "list.restore") {
		const archived = await store.archivedList(op.listId);
		if (!archived || archived.boardId !== boardId)
			return fail("not_found", "No archived list like that on this board.");
		// Back at the end of the board, with the cards it was archived with, in their order.
		const placement = positionAtEnd((await store.lists(boardId)).at(-1)?.position ?? null);
		const list = { ...archived, position: placement.position, version: archived.version + 1 };
		const cards = await store.cardsOfArchivedList(list.id);
		const changes: Change[] = [
			{ restore: "list", id: list.id },
			{ put: "list", row: list },
		];
		const expects = [
			{ archived: "list", id: list.id } as const,
			gapFor("lists", boardId, placement, list.id),
			// The cards it brings back are exactly those the event lists.
			...cards.map((card) => ({ version: "card", id: card.id, is: card.version }) as const),
		];
		return ok({ boardId, changes, expects, event: { type: "list.restored", list, cards } });
	}
	const list = await store.list(op.listId);
	if (!list || list.boardId !== boardId) return noList();
	switch (op.type) {
		case "list.archive":
			return ok({
				boardId,
				changes: [{ archive: "list", id: list.id, at: now() }],
				expects: [{ live: "list", id: list.id }],
				event: { type: "list.archived", listId: list.id },
			});
		case "list.rename": {
			if (op.version !== list.version) return conflict("list", list);
			const next = { ...list, title: op.title, version: list.version + 1 };
			const expects = [
				{ version: "list", id: list.id, is: list.version } as const,
				{ live: "list", id: list.id } as const,
			];
			return ok({
				boardId,
				changes: [{ put: "list", row: next }],
				expects,
				event: { type: "list.updated", list: next },
			});
		}
		case "list.move": {
			const others = (await store.lists(boardId)).filter((l) => l.id !== list.id);
			const placed = positionAfter(others, op.afterId);
			if (!placed.ok) return placed;
			const next = { ...list, position: placed.value.position, version: list.version + 1 };
			const expects = [
				{ version: "list", id: list.id, is: list.version } as const,
				{ live: "list", id: list.id } as const,
				gapFor("lists", boardId, placed.value, list.id),
			];
			return ok({
				boardId,
				changes: [{ put: "list", row: next }],
				expects,
				event: { type: "list.updated", list: next },
			});
		}
	}
}
