// The WebSocket protocol: operations a client sends, events the server broadcasts.
// HTTP mutations are the same operations, so both paths commit and broadcast alike.
import { z } from "zod";
import type { Activity, Attachment, Board, BoardDetail, Card, Comment, List } from "./api";
import { fields } from "./api";

const { id, title, text } = fields;

/** A change to board content. Every operation names its board so it can be authorised and broadcast. */
export const operationSchema = z.discriminatedUnion("type", [
	z.object({ type: z.literal("board.rename"), boardId: id, title, version: z.number().int() }),
	z.object({ type: z.literal("list.create"), boardId: id, title }),
	z.object({ type: z.literal("list.rename"), boardId: id, listId: id, title, version: z.number().int() }),
	z.object({ type: z.literal("list.move"), boardId: id, listId: id, afterId: id.nullable() }),
	z.object({ type: z.literal("list.archive"), boardId: id, listId: id }),
	z.object({ type: z.literal("card.create"), boardId: id, listId: id, title, description: text.optional() }),
	z.object({
		type: z.literal("card.update"),
		boardId: id,
		cardId: id,
		version: z.number().int(),
		title: title.optional(),
		description: text.optional(),
	}),
	/** Place the card after `afterId` in `listId` (null: at the top). Moves never conflict. */
	z.object({ type: z.literal("card.move"), boardId: id, cardId: id, listId: id, afterId: id.nullable() }),
	z.object({ type: z.literal("card.archive"), boardId: id, cardId: id }),
	z.object({ type: z.literal("comment.create"), boardId: id, cardId: id, body: z.string().trim().min(1).max(10_000) }),
]);
export type Operation = z.infer<typeof operationSchema>;
export type OperationType = Operation["type"];

/** What a committed change looks like to everyone watching the board. */
export type BoardEvent =
	| { type: "board.updated"; board: Board }
	| { type: "list.created" | "list.updated"; list: List }
	| { type: "list.archived"; listId: string }
	| { type: "card.created" | "card.updated" | "card.moved"; card: Card }
	| { type: "card.archived"; cardId: string }
	| { type: "comment.created"; comment: Comment; card: Card }
	| { type: "attachment.added"; attachment: Attachment; card: Card }
	| { type: "attachment.removed"; attachmentId: string; card: Card };

/** An event as committed: numbered by the tenant-wide sequence. */
export interface CommittedEvent {
	seq: number;
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

const opId = z.string().min(8).max(64);

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

/** Applies a committed event to a board the client holds; returns a new board. */
export function applyEvent(board: BoardDetail, committed: CommittedEvent): BoardDetail {
	if (committed.boardId !== board.id || committed.seq <= board.seq) return board;
	const next = { ...board, seq: committed.seq };
	const e = committed.event;
	const upsertCard = (card: Card) => [...next.cards.filter((c) => c.id !== card.id), card].sort(byPosition);
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
		case "card.created":
		case "card.updated":
		case "card.moved":
			return { ...next, cards: upsertCard(e.card) };
		case "card.archived":
			return { ...next, cards: next.cards.filter((c) => c.id !== e.cardId) };
		case "comment.created":
		case "attachment.added":
		case "attachment.removed":
			return { ...next, cards: upsertCard(e.card) };
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
