// Mapping SQLite rows (snake_case, loosely typed) to the contract's entities, and the one-line
// summaries the activity feed shows for each event.
import type { Activity, Board, Card, Comment, Label, List, User } from "../../shared/api";
import type { LabelColor } from "../../shared/labels";
import type { BoardEvent, CommittedEvent } from "../../shared/protocol";
import { roleSchema } from "../../shared/tenant";

export type Row = Record<string, string | number | null>;

/** A member row as the contract's user. The role is parsed: a text column could hold anything. */
export function toUser(r: Row): User {
	return { id: String(r.id), email: String(r.email), name: String(r.name), role: roleSchema.parse(r.role) };
}

export function toBoard(r: Row): Board {
	return {
		id: String(r.id),
		title: String(r.title),
		version: Number(r.version),
		createdAt: String(r.created_at),
		updatedAt: String(r.updated_at),
	};
}

export function toList(r: Row): List {
	return {
		id: String(r.id),
		boardId: String(r.board_id),
		title: String(r.title),
		position: String(r.position),
		version: Number(r.version),
	};
}

/**
 * The card columns, in the order `toCardFromValues` reads them; a store selects them (never
 * `c.*`, which would also carry columns the card does not show) and appends the two counts.
 */
export const CARD_COLUMNS =
	"c.id, c.board_id, c.list_id, c.title, c.description, c.position, c.version, c.created_by, c.created_at, c.updated_at, c.due_date";

export function toCard(r: Row): Card {
	return {
		id: String(r.id),
		boardId: String(r.board_id),
		listId: String(r.list_id),
		title: String(r.title),
		description: String(r.description),
		position: String(r.position),
		version: Number(r.version),
		createdBy: String(r.created_by),
		createdAt: String(r.created_at),
		updatedAt: String(r.updated_at),
		commentCount: Number(r.comment_count ?? 0),
		attachmentCount: Number(r.attachment_count ?? 0),
		labelIds: idsOf(r.label_ids),
		assigneeIds: idsOf(r.assignee_ids),
		dueDate: r.due_date === null || r.due_date === undefined ? null : String(r.due_date),
	};
}

/** A JSON array of ids (json_group_array's answer) as a sorted list; nothing read means none. */
function idsOf(value: string | number | null | undefined): string[] {
	if (typeof value !== "string") return [];
	return (JSON.parse(value) as unknown[]).filter((id): id is string => typeof id === "string").sort();
}

export function toLabel(r: Row): Label {
	return {
		id: String(r.id),
		boardId: String(r.board_id),
		name: String(r.name),
		color: String(r.color) as LabelColor,
		version: Number(r.version),
		createdAt: String(r.created_at),
	};
}

/**
 * A card from a row read as plain values (CARD_COLUMNS, then comment_count, attachment_count,
 * label_ids, assignee_ids). For a big board's thousands of cards: the Durable Object's SQLite hands
 * back arrays about twice as fast as one object per row, and the result is exactly what toCard makes.
 */
export function toCardFromValues(v: readonly (string | number | null | ArrayBuffer)[]): Card {
	const text = (i: number) => v[i] as string | number | null | undefined;
	return {
		id: String(v[0]),
		boardId: String(v[1]),
		listId: String(v[2]),
		title: String(v[3]),
		description: String(v[4]),
		position: String(v[5]),
		version: Number(v[6]),
		createdBy: String(v[7]),
		createdAt: String(v[8]),
		updatedAt: String(v[9]),
		dueDate: v[10] === null || v[10] === undefined ? null : String(v[10]),
		commentCount: Number(v[11] ?? 0),
		attachmentCount: Number(v[12] ?? 0),
		labelIds: idsOf(text(13)),
		assigneeIds: idsOf(text(14)),
	};
}

export function toComment(r: Row): Comment {
	return {
		id: String(r.id),
		cardId: String(r.card_id),
		authorId: String(r.author_id),
		authorName: String(r.author_name),
		body: String(r.body),
		createdAt: String(r.created_at),
	};
}

export function toCommitted(r: Row): CommittedEvent {
	return {
		seq: Number(r.seq),
		prevSeq: Number(r.prev_seq ?? 0),
		boardId: String(r.board_id),
		actorId: String(r.actor_id),
		opId: r.op_id === null ? null : String(r.op_id),
		event: withCardDefaults(JSON.parse(String(r.payload)) as BoardEvent),
	};
}

/**
 * Events logged before cards had labels, assignees and due dates carry cards without them; a
 * replica replaying one would lose track of what a card is. They read as "none".
 */
function withCardDefaults(event: BoardEvent): BoardEvent {
	const fill = (card: Card): Card => ({
		...card,
		labelIds: card.labelIds ?? [],
		assigneeIds: card.assigneeIds ?? [],
		dueDate: card.dueDate ?? null,
	});
	if ("cards" in event) return { ...event, cards: event.cards.map(fill) };
	if ("card" in event) return { ...event, card: fill(event.card) };
	return event;
}

/** A line for the activity feed. */
/** An event row (with actor_name and key_name joined in) as a line of the activity feed. */
export function toActivity(row: Row): Activity {
	const committed = toCommitted(row);
	const summary = summarise(committed.event, actorName(committed.actorId, row));
	const { seq, boardId, actorId } = committed;
	return { seq, boardId, actorId, type: committed.event.type, summary, at: String(row.at) };
}

/** Who an activity line names: the member, the API key (ids "k_…"), or one since removed. */
function actorName(actorId: string, row: Row): string {
	if (typeof row.actor_name === "string") return row.actor_name;
	if (typeof row.key_name === "string") return `API key “${row.key_name}”`;
	return actorId.startsWith("k_") ? "A revoked API key" : "A former member";
}

export function summarise(event: BoardEvent, actor: string): string {
	switch (event.type) {
		case "board.updated":
			return `${actor} renamed the board to “${event.board.title}”`;
		case "board.archived":
			return `${actor} archived the board`;
		case "board.restored":
			return `${actor} restored the board “${event.board.title}”`;
		case "label.created":
			return `${actor} added the label “${event.label.name}”`;
		case "label.updated":
			return `${actor} changed the label “${event.label.name}”`;
		case "label.deleted":
			return `${actor} deleted a label`;
		case "card.labeled":
			return `${actor} labelled “${event.card.title}” ${event.label.name}`;
		case "card.unlabeled":
			return `${actor} took the label ${event.label.name} off “${event.card.title}”`;
		case "card.assigned":
			return `${actor} assigned ${event.assignee.name} to “${event.card.title}”`;
		case "card.unassigned":
			return `${actor} unassigned ${event.assignee.name} from “${event.card.title}”`;
		case "comment.deleted":
			return `${actor} deleted a comment on “${event.card.title}”`;
		case "list.created":
			return `${actor} added the list “${event.list.title}”`;
		case "list.updated":
			return `${actor} changed the list “${event.list.title}”`;
		case "list.archived":
			return `${actor} archived a list`;
		case "list.restored":
			return `${actor} restored the list “${event.list.title}”`;
		case "card.created":
			return `${actor} added “${event.card.title}”`;
		case "card.updated":
			return `${actor} edited “${event.card.title}”`;
		case "card.moved":
			return `${actor} moved “${event.card.title}”`;
		case "card.archived":
			return `${actor} archived “${event.card.title}”`;
		case "card.restored":
			return `${actor} restored “${event.card.title}”`;
		case "comment.created":
			return `${actor} commented on “${event.card.title}”`;
		case "attachment.added":
			return `${actor} attached “${event.attachment.name}” to “${event.card.title}”`;
		case "attachment.removed":
			return `${actor} removed an attachment from “${event.card.title}”`;
	}
}

/** Something archived, with when (its row's archived_at). */
export function toArchived<T>(r: Row, item: T): T & { archivedAt: string } {
	return { ...item, archivedAt: String(r.archived_at ?? "") };
}
