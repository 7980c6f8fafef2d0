// Committed board events, and how a copy of a board follows them: the client's replica and the
// server both use these. Plain TypeScript with no zod, so the board page's bundle stays small;
// protocol.ts re-exports all of it as part of the WebSocket protocol.
import type { Attachment, Board, BoardDetail, Card, Comment, Label, List } from "./api";

/** What a committed change looks like to everyone watching the board. */
export type BoardEvent =
	| { type: "board.updated"; board: Board }
	/** The board left the boards page; everyone on it is told, and its sockets stay until they leave. */
	| { type: "board.archived" | "board.restored"; board: Board }
	| { type: "list.created" | "list.updated"; list: List }
	| { type: "list.archived"; listId: string }
	/** A restored list comes back with the cards it was archived with. */
	| { type: "list.restored"; list: List; cards: Card[] }
	| { type: "card.created" | "card.updated" | "card.moved" | "card.restored"; card: Card }
	/** `card` is its last state, so a PATCH that archives can answer with it. */
	| { type: "card.archived"; cardId: string; card: Card }
	| { type: "comment.created"; comment: Comment; card: Card }
	| { type: "comment.deleted"; commentId: string; card: Card }
	| { type: "label.created" | "label.updated"; label: Label }
	/** The label is gone from the board and from every card that carried it. */
	| { type: "label.deleted"; labelId: string }
	| { type: "card.labeled" | "card.unlabeled"; card: Card; label: Label }
	| { type: "card.assigned" | "card.unassigned"; card: Card; assignee: { id: string; name: string } }
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
		const known = new Set(next.labels.map((l) => l.id));
		return [...next.cards.filter((c) => !ids.has(c.id)), ...cards.map((c) => withKnownLabels(c, known))].sort(
			byPosition,
		);
	};
	switch (e.type) {
		case "board.updated":
		case "board.restored":
			return { ...next, ...e.board, lists: next.lists, cards: next.cards, members: next.members, seq: committed.seq };
		case "board.archived":
			// Nothing on the board changes; the page tells its people that the board was archived.
			return next;
		case "label.created":
		case "label.updated":
			return { ...next, labels: [...next.labels.filter((l) => l.id !== e.label.id), e.label].sort(byCreation) };
		case "label.deleted":
			return {
				...next,
				labels: next.labels.filter((l) => l.id !== e.labelId),
				cards: next.cards.map((c) =>
					c.labelIds.includes(e.labelId) ? { ...c, labelIds: c.labelIds.filter((id) => id !== e.labelId) } : c,
				),
			};
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
		case "comment.deleted":
		case "attachment.added":
		case "attachment.removed":
		case "card.labeled":
		case "card.unlabeled":
		case "card.assigned":
		case "card.unassigned":
			return { ...next, cards: upsertCards([e.card]) };
		default:
			return assertNever(e);
	}
}

/**
 * A card as committed may name a label deleted after it was read (an edit planned before the
 * deletion, committed after it): the label is gone from the board, so it is gone from the card.
 */
function withKnownLabels(card: Card, known: ReadonlySet<string>): Card {
	return card.labelIds.every((id) => known.has(id))
		? card
		: { ...card, labelIds: card.labelIds.filter((id) => known.has(id)) };
}

/** Labels in the order they were made (ties broken by id), as the server lists them. */
export function byCreation(a: { createdAt: string; id: string }, b: { createdAt: string; id: string }): number {
	if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function byPosition(a: { position: string; id: string }, b: { position: string; id: string }): number {
	if (a.position !== b.position) return a.position < b.position ? -1 : 1;
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function assertNever(value: never): never {
	throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
