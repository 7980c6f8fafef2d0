// How each row-level Change of the storage seam is written to the tenant's SQLite. Called only
// inside SqliteBoardStore.commit's transaction.

import type { Change } from "../domain/store";
import type { Sql } from "./sql";

export function writeChange(sql: Sql, change: Change): void {
	if ("archive" in change) {
		const table = change.archive === "card" ? "cards" : "lists";
		sql.run(`UPDATE ${table} SET archived = 1, archived_at = ? WHERE id = ?`, change.at, change.id);
		return;
	}
	if ("restore" in change) {
		const table = change.restore === "card" ? "cards" : "lists";
		sql.run(`UPDATE ${table} SET archived = 0, archived_at = NULL WHERE id = ?`, change.id);
		return;
	}
	if ("remove" in change) {
		if (change.remove === "attachment") sql.run("DELETE FROM attachments WHERE id = ?", change.id);
		else {
			sql.run("DELETE FROM upload_parts WHERE upload_id = ?", change.id);
			sql.run("DELETE FROM uploads WHERE id = ?", change.id);
		}
		return;
	}
	switch (change.put) {
		case "board": {
			const b = change.row;
			sql.run(
				`INSERT INTO boards (id, title, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (id) DO UPDATE SET title = excluded.title, version = excluded.version, updated_at = excluded.updated_at`,
				b.id,
				b.title,
				b.version,
				b.createdAt,
				b.updatedAt,
			);
			return;
		}
		case "list": {
			const l = change.row;
			sql.run(
				`INSERT INTO lists (id, board_id, title, position, version) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (id) DO UPDATE SET title = excluded.title, position = excluded.position, version = excluded.version`,
				l.id,
				l.boardId,
				l.title,
				l.position,
				l.version,
			);
			return;
		}
		case "card": {
			const c = change.row;
			sql.run(
				`INSERT INTO cards (id, board_id, list_id, title, description, position, version, created_by, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (id) DO UPDATE SET list_id = excluded.list_id, title = excluded.title,
					description = excluded.description, position = excluded.position, version = excluded.version,
					updated_at = excluded.updated_at`,
				c.id,
				c.boardId,
				c.listId,
				c.title,
				c.description,
				c.position,
				c.version,
				c.createdBy,
				c.createdAt,
				c.updatedAt,
			);
			return;
		}
		case "comment": {
			const m = change.row;
			sql.run(
				"INSERT INTO comments (id, card_id, author_id, body, created_at) VALUES (?, ?, ?, ?, ?)",
				m.id,
				m.cardId,
				m.authorId,
				m.body,
				m.createdAt,
			);
			return;
		}
		case "attachment": {
			const a = change.row;
			sql.run(
				`INSERT INTO attachments (id, card_id, name, size, content_type, sha256, uploaded_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
				a.id,
				a.cardId,
				a.name,
				a.size,
				a.contentType,
				a.sha256,
				a.uploadedBy,
				a.createdAt,
			);
			return;
		}
	}
}
