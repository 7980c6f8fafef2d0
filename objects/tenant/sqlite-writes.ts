// How each row-level Change of the storage seam is written to the tenant's SQLite. Called only
// inside SqliteBoardStore.commit's transaction. (The search index follows cards and comments by
// itself: see search-schema.ts.)

import type { Change } from "../domain/store";
import type { Sql } from "./sql";

const TABLES = { board: "boards", list: "lists", card: "cards" } as const;

export function writeChange(sql: Sql, change: Change): void {
	if ("archive" in change) {
		sql.run(`UPDATE ${TABLES[change.archive]} SET archived = 1, archived_at = ? WHERE id = ?`, change.at, change.id);
		return;
	}
	if ("restore" in change) {
		sql.run(`UPDATE ${TABLES[change.restore]} SET archived = 0, archived_at = NULL WHERE id = ?`, change.id);
		return;
	}
	if ("remove" in change) {
		remove(sql, change);
		return;
	}
	if ("link" in change) {
		if (change.link === "label")
			sql.run(
				"INSERT INTO card_labels (card_id, label_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
				change.cardId,
				change.id,
			);
		else
			sql.run(
				"INSERT INTO card_assignees (card_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
				change.cardId,
				change.id,
			);
		return;
	}
	if ("unlink" in change) {
		if (change.unlink === "label")
			sql.run("DELETE FROM card_labels WHERE card_id = ? AND label_id = ?", change.cardId, change.id);
		else sql.run("DELETE FROM card_assignees WHERE card_id = ? AND user_id = ?", change.cardId, change.id);
		return;
	}
	put(sql, change);
}

function remove(sql: Sql, change: Extract<Change, { remove: unknown }>): void {
	switch (change.remove) {
		case "attachment":
			sql.run("DELETE FROM attachments WHERE id = ?", change.id);
			return;
		case "upload":
			sql.run("DELETE FROM upload_parts WHERE upload_id = ?", change.id);
			sql.run("DELETE FROM uploads WHERE id = ?", change.id);
			return;
		case "comment":
			sql.run("DELETE FROM comments WHERE id = ?", change.id);
			return;
		case "label":
			// Off every card first, then the label itself.
			sql.run("DELETE FROM card_labels WHERE label_id = ?", change.id);
			sql.run("DELETE FROM labels WHERE id = ?", change.id);
			return;
	}
}

function put(sql: Sql, change: Extract<Change, { put: unknown }>): void {
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
				`INSERT INTO cards (id, board_id, list_id, title, description, position, version, created_by, created_at,
					updated_at, due_date)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (id) DO UPDATE SET list_id = excluded.list_id, title = excluded.title,
					description = excluded.description, position = excluded.position, version = excluded.version,
					updated_at = excluded.updated_at, due_date = excluded.due_date`,
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
				c.dueDate,
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
		case "label": {
			const g = change.row;
			sql.run(
				`INSERT INTO labels (id, board_id, name, color, version, created_at) VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (id) DO UPDATE SET name = excluded.name, color = excluded.color, version = excluded.version`,
				g.id,
				g.boardId,
				g.name,
				g.color,
				g.version,
				g.createdAt,
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
