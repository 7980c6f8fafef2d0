// Where a list lands: from a drop position among the columns, or one step left or right.
import type { BoardDetail } from "../../shared/api";
import { byPosition } from "../../shared/events";

/** `list.move` places a list after `afterId` (null: first). */
export interface ListTarget {
	afterId: string | null;
}

function ordered(board: BoardDetail) {
	return [...board.lists].sort(byPosition);
}

/** The target for dropping `listId` at `index` among the other lists (its own slot excluded). */
export function listAtIndex(board: BoardDetail, listId: string, index: number): ListTarget {
	const others = ordered(board).filter((l) => l.id !== listId);
	return { afterId: index > 0 ? (others[index - 1]?.id ?? null) : null };
}

/** True when the list already sits right after `afterId`, so no operation is needed. */
export function isListNoop(board: BoardDetail, listId: string, target: ListTarget): boolean {
	const lists = ordered(board);
	const index = lists.findIndex((l) => l.id === listId);
	return index >= 0 && (index > 0 ? (lists[index - 1]?.id ?? null) : null) === target.afterId;
}

/** One step left or right, or null at either end. */
export function stepList(board: BoardDetail, listId: string, step: "left" | "right"): ListTarget | null {
	const index = ordered(board).findIndex((l) => l.id === listId);
	const newIndex = step === "left" ? index - 1 : index + 1;
	if (index < 0 || newIndex < 0 || newIndex > board.lists.length - 1) return null;
	return listAtIndex(board, listId, newIndex);
}
