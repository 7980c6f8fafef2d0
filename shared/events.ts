// Committed board events, and how a copy of a board follows them: the client's replica and the
// server both use these. Plain TypeScript with no zod, so the board page's bundle stays small;
// protocol.ts re-exports all of it as part of the WebSocket protocol.
import type { Attachment, Board, BoardDetail, Card, Comment, List } from "./api";

/** What a committed change looks like to everyone watching the board. */
export type BoardEvent =
	| { type: "board.updated"; board: Board }
	| { type: "list.created" | "list.updated"; list: List }
	| { type: "list.archived"; listId: string }
	/** A restored list comes back with the cards it was archived with. */
	| { type: "list.restored"; list: List; cards: Card[] }
	| { type: "card.created" | "card.updated" | "card.moved" | "card.restored"; card: Card }
	/** `card` is its last state, so a PATCH that archives can answer with it. */
	| { type: "card.archived"; cardId: string; card: Card }
	| { type: "comment.created"; comment: Comment; card: Card }
	| { type: "attachment.added"; attachment: Attachment; card: Card }
	| { type: "attachment.removed"; attachmentId: string; card: Card };

/**
 * An event as committed: numbered by the tenant-wide sequence, and linked to the previous event
 * of the same board, so a replica can tell a duplicate (seq already applied) from a gap (an event
 * of its board it never saw) and re-sync instead of drifting.
 */
export interface CommittedEvent {
	seq: number;
	/** The seq of this board's previous event, 0 for its first. */
	prevSeq: number;
	boardId: string;
	actorId: string;
	opId: string | null;
	event: BoardEvent;
}

/**
 * Where an event stands against a board a replica holds at `board.seq`: already in it, the very
 * next change, or past a gap (some event of this board was missed, so the replica must re-sync).
 */
export function placeEvent(board: BoardDetail, committed: CommittedEvent): "seen" | "next" | "gap" {
	if (committed.seq <= board.seq) return "seen";
	return committed.prevSeq <= board.seq ? "next" : "gap";
}

/** Applies the next committed event (see placeEvent) to a board a replica holds; returns a new board. */
export function applyEvent(board: BoardDetail, committed: CommittedEvent): BoardDetail {
	const next = { ...board, seq: committed.seq };
	const e = committed.event;
	const upsertCards = (cards: Card[]) => {
		const ids = new Set(cards.map((c) => c.id));
		return [...next.cards.filter((c) => !ids.has(c.id)), ...cards].sort(byPosition);
	};
	switch (e.type) {
		case "board.updated":
			return { ...next, ...e.board, lists: next.lists, cards: next.cards, members: next.members, seq: committed.seq };
		case "list.created":
		case "list.updated":
			return { ...next, lists: [...next.lists.filter((l) => l.id !== e.list.id), e.list].sort(byPosition) };
		case "list.archived":
			return {
				...next,
				lists: next.lists.filter((l) => l.id !== e.listId),
				cards: next.cards.filter((c) => c.listId !== e.listId),
			};
		case "list.restored":
			return {
				...next,
				lists: [...next.lists.filter((l) => l.id !== e.list.id), e.list].sort(byPosition),
				cards: upsertCards(e.cards),
			};
		case "card.created":
		case "card.updated":
		case "card.moved":
		case "card.restored":
			return { ...next, cards: upsertCards([e.card]) };
		case "card.archived":
			return { ...next, cards: next.cards.filter((c) => c.id !== e.cardId) };
		case "comment.created":
		case "attachment.added":
		case "attachment.removed":
			return { ...next, cards: upsertCards([e.card]) };
		default:
			return assertNever(e);
	}
}

export function byPosition(a: { position: string; id: string }, b: { position: string; id: string }): number {
	if (a.position !== b.position) return a.position < b.position ? -1 : 1;
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function assertNever(value: never): never {
	throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
