// Where a card lands: from a drop position, or from a keyboard move by one step.
import type { BoardDetail, Card } from "../../shared/api";
import { byPosition } from "../../shared/events";
import { cardsIn } from "./board-state";

export interface CardTarget {
	listId: string;
	afterId: string | null;
}

/** The target for dropping `cardId` at `index` among the list's other cards (its own slot excluded). */
export function targetAtIndex(board: BoardDetail, listId: string, cardId: string, index: number): CardTarget {
	const others = cardsIn(board, listId).filter((c) => c.id !== cardId);
	return { listId, afterId: index > 0 ? (others[index - 1]?.id ?? null) : null };
}

/** True when the target is where the card already is, so no operation is needed. */
export function isNoop(board: BoardDetail, card: Card, target: CardTarget): boolean {
	if (card.listId !== target.listId) return false;
	const inList = cardsIn(board, card.listId);
	const index = inList.findIndex((c) => c.id === card.id);
	const previous = index > 0 ? (inList[index - 1]?.id ?? null) : null;
	return previous === target.afterId;
}

export type Step = "up" | "down" | "left" | "right";

/** One keyboard step: up/down within the list, left/right to the end of the neighbouring list. */
export function stepTarget(board: BoardDetail, card: Card, step: Step): CardTarget | null {
	if (step === "up" || step === "down") {
		const inList = cardsIn(board, card.listId);
		const index = inList.findIndex((c) => c.id === card.id);
		const others = inList.filter((c) => c.id !== card.id);
		const newIndex = step === "up" ? index - 1 : index + 1;
		if (index < 0 || newIndex < 0 || newIndex > others.length) return null;
		return { listId: card.listId, afterId: newIndex > 0 ? (others[newIndex - 1]?.id ?? null) : null };
	}
	const lists = [...board.lists].sort(byPosition);
	const listIndex = lists.findIndex((l) => l.id === card.listId) + (step === "left" ? -1 : 1);
	const list = lists[listIndex];
	return list ? toEndOf(board, list.id, card.id) : null;
}

/** The bottom of a list, the natural place for a card moved there from elsewhere. */
export function toEndOf(board: BoardDetail, listId: string, cardId: string): CardTarget {
	const others = cardsIn(board, listId).filter((c) => c.id !== cardId);
	return { listId, afterId: others.at(-1)?.id ?? null };
}
