// The WebSocket protocol: operations a client sends, events the server broadcasts.
// HTTP mutations are the same operations, so both paths commit and broadcast alike.
import { z } from "zod";
import type { Activity, Attachment, Board, BoardDetail, Card, Comment, List } from "./api";
import { fields } from "./api";

const { id, title, text, body } = fields;

/** A change to board content. Every operation names its board so it can be authorised and broadcast. */
export const operationSchema = z.discriminatedUnion("type", [
	z.object({ type: z.literal("board.rename"), boardId: id, title, version: z.number().int() }),
	z.object({ type: z.literal("list.create"), boardId: id, title }),
	z.object({ type: z.literal("list.rename"), boardId: id, listId: id, title, version: z.number().int() }),
	z.object({ type: z.literal("list.move"), boardId: id, listId: id, afterId: id.nullable() }),
	/** Archives the list with its cards; list.restore brings both back. */
	z.object({ type: z.literal("list.archive"), boardId: id, listId: id }),
	z.object({ type: z.literal("list.restore"), boardId: id, listId: id }),
	z.object({ type: z.literal("card.create"), boardId: id, listId: id, title, description: text.optional() }),
	/**
	 * A versioned change to one card: edit, move (`listId`, after `afterId`) and archive in one
	 * step that commits whole or not at all. HTTP PATCH /cards/:id is exactly this operation.
	 */
	z.object({
		type: z.literal("card.update"),
		boardId: id,
		cardId: id,
		version: z.number().int(),
		title: title.optional(),
		description: text.optional(),
		listId: id.optional(),
		afterId: id.nullable().optional(),
		archived: z.literal(true).optional(),
	}),
	/** Place the card after `afterId` in `listId` (null: at the top). Moves never conflict. */
	z.object({ type: z.literal("card.move"), boardId: id, cardId: id, listId: id, afterId: id.nullable() }),
	z.object({ type: z.literal("card.archive"), boardId: id, cardId: id }),
	/** Brings an archived card back, at the end of its list. */
	z.object({ type: z.literal("card.restore"), boardId: id, cardId: id }),
	z.object({ type: z.literal("comment.create"), boardId: id, cardId: id, body }),
]);
export type Operation = z.infer<typeof operationSchema>;
export type OperationType = Operation["type"];

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

export interface PresenceEntry {
	connectionId: string;
	userId: string;
	name: string;
	cardId: string | null;
}

// ── Frames ──────────────────────────────────────────────────────────────────

/** An operation id, or an HTTP Idempotency-Key: 8 to 64 visible ASCII characters. */
export const opIdSchema = z
	.string()
	.regex(/^[\x21-\x7e]{8,64}$/, "An operation id has 8 to 64 visible ASCII characters.");
const opId = opIdSchema;

export const clientMessageSchema = z.discriminatedUnion("type", [
	/** Sent on every (re)connect: the last sequence seen, or null for a fresh snapshot. */
	z.object({ type: z.literal("sync"), since: z.number().int().nonnegative().nullable() }),
	z.object({ type: z.literal("op"), opId, op: operationSchema }),
	z.object({ type: z.literal("presence.update"), cardId: id.nullable() }),
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;

export type ServerMessage =
	| { type: "hello"; connectionId: string; userId: string; role: string }
	| { type: "board.snapshot"; board: BoardDetail }
	| { type: "events.replay"; events: CommittedEvent[] }
	| { type: "event"; event: CommittedEvent }
	| { type: "op.ack"; opId: string; seq: number }
	| { type: "op.error"; opId: string; code: string; message: string; details?: unknown }
	| { type: "presence"; entries: PresenceEntry[] }
	| { type: "error"; code: string; message: string };

export type { Activity };

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
