// The export archive's format, written down once for the writer and the reader. An archive is one
// gzip-compressed JSON Lines file in R2: a header line, then every row of the tenant's data, table
// by table (parents first, so a restore can insert in file order), then one line per attachment
// (the manifest), then a trailer with the counts, so a cut-short archive is noticed. Rows are
// arrays in the column order the header names; the columns are the same in both designs (minus
// D1's tenant_id), so an archive made by either restores into either.
//
//   {"format":"boardroom-export","version":1,"exportId":…,"createdAt":…,"source":{…},"columns":{…}}
//   {"table":"boards","row":["b_…","Launch",3,0,null,"2026-…","2026-…"]}
//   (search indexes are not carried: the restored rows rebuild them as they are inserted)
//   {"file":{"attachmentId":"a_…","key":"exports/t_…/x_…/files/a_…","size":123,"contentType":…,"sha256":…}}
//   {"end":true,"counts":{"boards":1,…,"files":1}}

export const ARCHIVE_FORMAT = "boardroom-export";
export const ARCHIVE_VERSION = 1;

/**
 * What an archive carries: the tenant's content and its members (with password hashes, so people
 * sign in to the restored tenant as before). Not carried: sessions, API keys and WebSocket tickets
 * (credentials of the old tenant), sign-in throttles, idempotency keys, uploads still in flight,
 * and the usage ledger and plan history (the new tenant is billed from its own start).
 */
export const ARCHIVE_TABLES = {
	members: ["id", "email", "name", "role", "password_hash", "created_at"],
	boards: ["id", "title", "version", "archived", "archived_at", "created_at", "updated_at"],
	lists: ["id", "board_id", "title", "position", "version", "archived", "archived_at"],
	labels: ["id", "board_id", "name", "color", "version", "created_at"],
	cards: [
		"id",
		"board_id",
		"list_id",
		"title",
		"description",
		"position",
		"version",
		"archived",
		"archived_at",
		"created_by",
		"created_at",
		"updated_at",
		"due_date",
	],
	card_labels: ["card_id", "label_id"],
	card_assignees: ["card_id", "user_id"],
	comments: ["id", "card_id", "author_id", "body", "created_at"],
	attachments: ["id", "card_id", "name", "size", "content_type", "sha256", "uploaded_by", "created_at"],
	events: ["seq", "prev_seq", "board_id", "actor_id", "op_id", "type", "payload", "at"],
} as const;

export type ArchiveTable = keyof typeof ARCHIVE_TABLES;
export const ARCHIVE_TABLE_NAMES = Object.keys(ARCHIVE_TABLES) as ArchiveTable[];

/** The columns a table is read in order of (and paged by): its primary key. */
export function keyColumns(table: ArchiveTable): readonly string[] {
	if (table === "events") return ["seq"];
	if (table === "card_labels" || table === "card_assignees") return ARCHIVE_TABLES[table];
	return ["id"];
}

export type CellValue = string | number | null;

export interface ArchiveHeader {
	format: typeof ARCHIVE_FORMAT;
	version: typeof ARCHIVE_VERSION;
	exportId: string;
	createdAt: string;
	source: { tenantId: string; slug: string; name: string; plan: string; variant: string };
	columns: typeof ARCHIVE_TABLES;
}

/** One attachment in the manifest: where the export keeps its copy, and what it must be. */
export interface ManifestFile {
	attachmentId: string;
	key: string;
	size: number;
	contentType: string;
	sha256: string;
}

export type ArchiveLine =
	| { table: ArchiveTable; row: CellValue[] }
	| { file: ManifestFile }
	| { end: true; counts: Record<string, number> };

/** Where an export's archive lives. Exports are kept apart from tenants/, so purging a tenant keeps its backups. */
export function archiveKey(tenantId: string, exportId: string): string {
	return `exports/${tenantId}/${exportId}.jsonl.gz`;
}

/** Where an export keeps its copy of an attachment, so the archive restores after the tenant is gone. */
export function exportFileKey(tenantId: string, exportId: string, attachmentId: string): string {
	return `exports/${tenantId}/${exportId}/files/${attachmentId}`;
}
