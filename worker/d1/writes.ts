// How each row-level Change of the storage seam is written to the shared database: the same
// writes as objects/tenant/sqlite-writes.ts, with the tenant's id on every row and in every
// WHERE. Only ever part of D1BoardStore.commit's batch.
import type { Change } from "../../objects/domain/store";
import type { TenantScope } from "./tenant-scope";

export function changeStatements(scope: TenantScope, change: Change): D1PreparedStatement[] {
	if ("archive" in change) {
		const table = change.archive === "card" ? "cards" : "lists";
		const sql = `UPDATE ${table} SET archived = 1, archived_at = ?3 WHERE tenant_id = ?1 AND id = ?2`;
		return [scope.statement(sql, change.id, change.at)];
	}
	if ("restore" in change) {
		const table = change.restore === "card" ? "cards" : "lists";
		const sql = `UPDATE ${table} SET archived = 0, archived_at = NULL WHERE tenant_id = ?1 AND id = ?2`;
		return [scope.statement(sql, change.id)];
	}
	if ("remove" in change) {
		if (change.remove === "attachment")
			return [scope.statement("DELETE FROM attachments WHERE tenant_id = ?1 AND id = ?2", change.id)];
		return [
			scope.statement("DELETE FROM upload_parts WHERE tenant_id = ?1 AND upload_id = ?2", change.id),
			scope.statement("DELETE FROM uploads WHERE tenant_id = ?1 AND id = ?2", change.id),
		];
	}
	switch (change.put) {
		case "board": {
			const b = change.row;
			const sql = `INSERT INTO boards (tenant_id, id, title, version, created_at, updated_at)
				VALUES (?1, ?2, ?3, ?4, ?5, ?6)
				ON CONFLICT (tenant_id, id) DO UPDATE SET title = excluded.title, version = excluded.version,
					updated_at = excluded.updated_at`;
			return [scope.statement(sql, b.id, b.title, b.version, b.createdAt, b.updatedAt)];
		}
		case "list": {
			const l = change.row;
			const sql = `INSERT INTO lists (tenant_id, id, board_id, title, position, version) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
				ON CONFLICT (tenant_id, id) DO UPDATE SET title = excluded.title, position = excluded.position,
					version = excluded.version`;
			return [scope.statement(sql, l.id, l.boardId, l.title, l.position, l.version)];
		}
		case "card": {
			const c = change.row;
			const sql = `INSERT INTO cards (tenant_id, id, board_id, list_id, title, description, position, version,
					created_by, created_at, updated_at)
				VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
				ON CONFLICT (tenant_id, id) DO UPDATE SET list_id = excluded.list_id, title = excluded.title,
					description = excluded.description, position = excluded.position, version = excluded.version,
					updated_at = excluded.updated_at`;
			const params = [c.id, c.boardId, c.listId, c.title, c.description, c.position, c.version];
			return [scope.statement(sql, ...params, c.createdBy, c.createdAt, c.updatedAt)];
		}
		case "comment": {
			const m = change.row;
			const sql = `INSERT INTO comments (tenant_id, id, card_id, author_id, body, created_at)
				VALUES (?1, ?2, ?3, ?4, ?5, ?6)`;
			return [scope.statement(sql, m.id, m.cardId, m.authorId, m.body, m.createdAt)];
		}
		case "attachment": {
			const a = change.row;
			const sql = `INSERT INTO attachments (tenant_id, id, card_id, name, size, content_type, sha256, uploaded_by,
					created_at)
				VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)`;
			return [scope.statement(sql, a.id, a.cardId, a.name, a.size, a.contentType, a.sha256, a.uploadedBy, a.createdAt)];
		}
	}
}
