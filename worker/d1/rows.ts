// Row mappers the D1 store needs beyond objects/domain/rows.ts. They repeat the Durable Object's
// own (objects/tenant/attachment-rows.ts, and the activity mapping in sqlite-store.ts) so this
// folder does not reach into objects/tenant/; they belong in objects/domain/rows.ts, for both stores.

import { type Row, summarise, toCommitted } from "../../objects/domain/rows";
import type { Activity, Attachment, User } from "../../shared/api";
import { roleSchema } from "../../shared/tenant";

export function toAttachment(r: Row): Attachment {
	return {
		id: String(r.id),
		cardId: String(r.card_id),
		name: String(r.name),
		size: Number(r.size),
		contentType: String(r.content_type),
		sha256: String(r.sha256),
		uploadedBy: String(r.uploaded_by),
		createdAt: String(r.created_at),
	};
}

/** A member row as the contract's user. The role is parsed: a text column could hold anything. */
export function toUser(r: Row): User {
	return { id: String(r.id), email: String(r.email), name: String(r.name), role: roleSchema.parse(r.role) };
}

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
