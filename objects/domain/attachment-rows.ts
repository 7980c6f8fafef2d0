// Attachment metadata rows, read by the board stores and written by the attachment modules.
import type { Attachment } from "../../shared/api";
import type { Db } from "./db";
import type { Row } from "./rows";

export async function getAttachment(db: Db, attachmentId: string): Promise<Attachment | undefined> {
	const row = await db.one<Row>("SELECT * FROM attachments WHERE @tenant AND id = ?", attachmentId);
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
