// The WebSocket protocol: operations a client sends, events the server broadcasts.
// HTTP mutations are the same operations, so both paths commit and broadcast alike.
import { z } from "zod";
import type { Activity, BoardDetail } from "./api";
import { fields } from "./api";
import type { CommittedEvent } from "./events";

// Committed events and the pure functions that apply them live in events.ts (no zod, so the board
// page can load them without the schema library); they are part of this protocol all the same.
export type { BoardEvent, CommittedEvent } from "./events";
export { applyEvent, assertNever, byPosition, placeEvent } from "./events";

const { id, title, text, body, labelName, color, day } = fields;

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
		/** A day, or null to clear it. */
		dueDate: day.nullable().optional(),
	}),
	/** Place the card after `afterId` in `listId` (null: at the top). Moves never conflict. */
	z.object({ type: z.literal("card.move"), boardId: id, cardId: id, listId: id, afterId: id.nullable() }),
	z.object({ type: z.literal("card.archive"), boardId: id, cardId: id }),
	/** Brings an archived card back, at the end of its list. */
	z.object({ type: z.literal("card.restore"), boardId: id, cardId: id }),
	z.object({ type: z.literal("comment.create"), boardId: id, cardId: id, body }),
	/** Its author may delete a comment, and so may owners and admins. */
	z.object({ type: z.literal("comment.delete"), boardId: id, cardId: id, commentId: id }),
	// Labels belong to a board; a card carries any of its board's labels. Deleting a label takes
	// it off every card. Adding and removing a label or an assignee never conflicts with an edit.
	z.object({ type: z.literal("label.create"), boardId: id, name: labelName, color }),
	z.object({
		type: z.literal("label.update"),
		boardId: id,
		labelId: id,
		version: z.number().int(),
		name: labelName.optional(),
		color: color.optional(),
	}),
	z.object({ type: z.literal("label.delete"), boardId: id, labelId: id }),
	z.object({ type: z.literal("card.label"), boardId: id, cardId: id, labelId: id }),
	z.object({ type: z.literal("card.unlabel"), boardId: id, cardId: id, labelId: id }),
	/** Assignees are members of the tenant. */
	z.object({ type: z.literal("card.assign"), boardId: id, cardId: id, userId: id }),
	z.object({ type: z.literal("card.unassign"), boardId: id, cardId: id, userId: id }),
]);
export type Operation = z.infer<typeof operationSchema>;
export type OperationType = Operation["type"];

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
	/** Everyone on the board: sent to a socket when it syncs. */
	| { type: "presence"; entries: PresenceEntry[] }
	/**
	 * What changed since: entries that joined or changed (replace by connectionId) and connections
	 * that left. Sent to the board's synced sockets, a few changes at a time.
	 */
	| { type: "presence.changed"; entries: PresenceEntry[]; gone: string[] }
	| { type: "error"; code: string; message: string };

export type { Activity };
