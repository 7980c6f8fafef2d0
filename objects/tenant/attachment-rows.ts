// Attachment metadata rows, read by the board store and written by the attachment module.
import type { Attachment } from "../../shared/api";
import type { Row } from "../domain/rows";
import type { Sql } from "./sql";

export function listAttachments(sql: Sql, cardId: string): Attachment[] {
	return sql.all<Row>("SELECT * FROM attachments WHERE card_id = ? ORDER BY created_at, id", cardId).map(toAttachment);
}

export function getAttachment(sql: Sql, attachmentId: string): Attachment | undefined {
	const row = sql.one<Row>("SELECT * FROM attachments WHERE id = ?", attachmentId);
	return row && toAttachment(row);
}

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
