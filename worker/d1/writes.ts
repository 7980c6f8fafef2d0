// How each row-level Change of the storage seam is written to the shared database: the same
// writes as objects/tenant/sqlite-writes.ts, with the tenant's id on every row and in every
// WHERE. Only ever part of D1BoardStore.commit's batch. (The search index follows cards and
// comments by itself, through the triggers of migrations/0003_labels_assignees_search.sql.)
import type { Change } from "../../objects/domain/store";
import type { TenantScope } from "./tenant-scope";

const TABLES = { board: "boards", list: "lists", card: "cards" } as const;
const LINKS = {
	label: { table: "card_labels", column: "label_id" },
	assignee: { table: "card_assignees", column: "user_id" },
} as const;

export function changeStatements(scope: TenantScope, change: Change): D1PreparedStatement[] {
	if ("archive" in change) {
		const sql = `UPDATE ${TABLES[change.archive]} SET archived = 1, archived_at = ?3 WHERE tenant_id = ?1 AND id = ?2`;
		return [scope.statement(sql, change.id, change.at)];
	}
	if ("restore" in change) {
		const sql = `UPDATE ${TABLES[change.restore]} SET archived = 0, archived_at = NULL WHERE tenant_id = ?1 AND id = ?2`;
		return [scope.statement(sql, change.id)];
	}
	if ("remove" in change) return removeStatements(scope, change);
	if ("link" in change) {
		const { table, column } = LINKS[change.link];
		const sql = `INSERT INTO ${table} (tenant_id, card_id, ${column}) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING`;
		return [scope.statement(sql, change.cardId, change.id)];
	}
	if ("unlink" in change) {
		const { table, column } = LINKS[change.unlink];
		const sql = `DELETE FROM ${table} WHERE tenant_id = ?1 AND card_id = ?2 AND ${column} = ?3`;
		return [scope.statement(sql, change.cardId, change.id)];
	}
	return putStatements(scope, change);
}

function removeStatements(scope: TenantScope, change: Extract<Change, { remove: unknown }>): D1PreparedStatement[] {
	switch (change.remove) {
		case "attachment":
			return [scope.statement("DELETE FROM attachments WHERE tenant_id = ?1 AND id = ?2", change.id)];
		case "upload":
			return [
				scope.statement("DELETE FROM upload_parts WHERE tenant_id = ?1 AND upload_id = ?2", change.id),
				scope.statement("DELETE FROM uploads WHERE tenant_id = ?1 AND id = ?2", change.id),
			];
		case "comment":
			return [scope.statement("DELETE FROM comments WHERE tenant_id = ?1 AND id = ?2", change.id)];
		case "label":
			// Off every card first: the links' foreign key points at the label.
			return [
				scope.statement("DELETE FROM card_labels WHERE tenant_id = ?1 AND label_id = ?2", change.id),
				scope.statement("DELETE FROM labels WHERE tenant_id = ?1 AND id = ?2", change.id),
			];
	}
}

function putStatements(scope: TenantScope, change: Extract<Change, { put: unknown }>): D1PreparedStatement[] {
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
					created_by, created_at, updated_at, due_date)
				VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
				ON CONFLICT (tenant_id, id) DO UPDATE SET list_id = excluded.list_id, title = excluded.title,
					description = excluded.description, position = excluded.position, version = excluded.version,
					updated_at = excluded.updated_at, due_date = excluded.due_date`;
			const params = [c.id, c.boardId, c.listId, c.title, c.description, c.position, c.version];
			return [scope.statement(sql, ...params, c.createdBy, c.createdAt, c.updatedAt, c.dueDate)];
		}
		case "comment": {
			const m = change.row;
			const sql = `INSERT INTO comments (tenant_id, id, card_id, author_id, body, created_at)
				VALUES (?1, ?2, ?3, ?4, ?5, ?6)`;
			return [scope.statement(sql, m.id, m.cardId, m.authorId, m.body, m.createdAt)];
		}
		case "label": {
			const g = change.row;
			const sql = `INSERT INTO labels (tenant_id, id, board_id, name, color, version, created_at)
				VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
				ON CONFLICT (tenant_id, id) DO UPDATE SET name = excluded.name, color = excluded.color,
					version = excluded.version`;
			return [scope.statement(sql, g.id, g.boardId, g.name, g.color, g.version, g.createdAt)];
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
