// Schema migrations: an ordered list bundled into the Worker, each step applied in one
// transaction and recorded in `schema_migrations`. Cheap when current: one indexed read.
import { evenKeys } from "../../shared/ordering";
import { now } from "../domain/clock";
import { SEARCH_SCHEMA } from "./search-schema";
import type { Sql } from "./sql";

export interface Migration {
	version: number;
	name: string;
	statements: string[];
	/** Work SQL alone cannot express, run after the statements in the same transaction. */
	run?: (sql: Sql) => void;
}

export const MIGRATIONS: readonly Migration[] = [
	{
		version: 1,
		name: "tenant, members, boards, lists, cards, comments, events",
		statements: [
			`CREATE TABLE tenant (id TEXT PRIMARY KEY, slug TEXT NOT NULL, name TEXT NOT NULL, plan TEXT NOT NULL,
				status TEXT NOT NULL, created_at TEXT NOT NULL)`,
			`CREATE TABLE members (id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT NOT NULL, role TEXT NOT NULL,
				password_hash TEXT NOT NULL, created_at TEXT NOT NULL)`,
			`CREATE TABLE api_keys (id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, key_hash TEXT NOT NULL UNIQUE,
				created_by TEXT NOT NULL, created_at TEXT NOT NULL, last_used_at TEXT)`,
			`CREATE TABLE sign_in_failures (email TEXT PRIMARY KEY, failures INTEGER NOT NULL, window_start INTEGER NOT NULL)`,
			`CREATE TABLE boards (id TEXT PRIMARY KEY, title TEXT NOT NULL, version INTEGER NOT NULL,
				archived INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)`,
			`CREATE TABLE lists (id TEXT PRIMARY KEY, board_id TEXT NOT NULL REFERENCES boards(id), title TEXT NOT NULL,
				position TEXT NOT NULL, version INTEGER NOT NULL, archived INTEGER NOT NULL DEFAULT 0)`,
			"CREATE INDEX lists_by_board ON lists(board_id, position)",
			`CREATE TABLE cards (id TEXT PRIMARY KEY, board_id TEXT NOT NULL REFERENCES boards(id), list_id TEXT NOT NULL,
				title TEXT NOT NULL, description TEXT NOT NULL, position TEXT NOT NULL, version INTEGER NOT NULL,
				archived INTEGER NOT NULL DEFAULT 0, created_by TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)`,
			"CREATE INDEX cards_by_list ON cards(list_id, position)",
			"CREATE INDEX cards_by_board ON cards(board_id)",
			`CREATE TABLE comments (id TEXT PRIMARY KEY, card_id TEXT NOT NULL REFERENCES cards(id), author_id TEXT NOT NULL,
				body TEXT NOT NULL, created_at TEXT NOT NULL)`,
			"CREATE INDEX comments_by_card ON comments(card_id, created_at)",
			// The event log is both the activity feed and what reconnecting clients resume from.
			`CREATE TABLE events (seq INTEGER PRIMARY KEY AUTOINCREMENT, board_id TEXT NOT NULL, actor_id TEXT NOT NULL,
				op_id TEXT, type TEXT NOT NULL, payload TEXT NOT NULL, at TEXT NOT NULL)`,
			"CREATE INDEX events_by_board ON events(board_id, seq)",
			// Idempotency: an operation id seen before answers with its first outcome.
			`CREATE TABLE operations (op_id TEXT PRIMARY KEY, actor_id TEXT NOT NULL, seq INTEGER NOT NULL, at TEXT NOT NULL)`,
		],
	},
	{
		version: 2,
		name: "attachments and resumable uploads",
		statements: [
			`CREATE TABLE attachments (id TEXT PRIMARY KEY, card_id TEXT NOT NULL, name TEXT NOT NULL, size INTEGER NOT NULL,
				content_type TEXT NOT NULL, sha256 TEXT NOT NULL, uploaded_by TEXT NOT NULL, created_at TEXT NOT NULL)`,
			"CREATE INDEX attachments_by_card ON attachments(card_id)",
			// An upload is a quota reservation for bytes on their way to R2; its id becomes the
			// attachment's id. r2_upload_id is null for a single-request upload.
			`CREATE TABLE uploads (id TEXT PRIMARY KEY, card_id TEXT NOT NULL, name TEXT NOT NULL, size INTEGER NOT NULL,
				content_type TEXT NOT NULL, r2_upload_id TEXT, part_size INTEGER NOT NULL, created_by TEXT NOT NULL,
				created_at TEXT NOT NULL, expires_at INTEGER NOT NULL)`,
			"CREATE INDEX uploads_by_expiry ON uploads(expires_at)",
			"CREATE INDEX uploads_by_card ON uploads(card_id)",
			`CREATE TABLE upload_parts (upload_id TEXT NOT NULL, part_number INTEGER NOT NULL, etag TEXT NOT NULL,
				size INTEGER NOT NULL, sha256 TEXT NOT NULL, PRIMARY KEY (upload_id, part_number))`,
		],
	},
	{
		version: 3,
		name: "idempotency keys per caller with a fingerprint, archive times, ordering keys renumbered",
		statements: [
			// A key belongs to whoever sent it, and remembers what was asked, so reusing it for
			// something else is refused instead of answered with another write's outcome. Keys
			// written before this step have no fingerprint and replay as they did.
			`CREATE TABLE operations_by_actor (actor_id TEXT NOT NULL, op_id TEXT NOT NULL, fingerprint TEXT,
				seq INTEGER NOT NULL, at TEXT NOT NULL, PRIMARY KEY (actor_id, op_id))`,
			"INSERT INTO operations_by_actor (actor_id, op_id, seq, at) SELECT actor_id, op_id, seq, at FROM operations",
			"DROP TABLE operations",
			"ALTER TABLE operations_by_actor RENAME TO operations",
			// Each event names the board's previous event, so a replica can tell a gap from a duplicate.
			"ALTER TABLE events ADD COLUMN prev_seq INTEGER NOT NULL DEFAULT 0",
			`UPDATE events SET prev_seq = coalesce((SELECT max(e.seq) FROM events e
				WHERE e.board_id = events.board_id AND e.seq < events.seq), 0)`,
			// Archived things stay restorable; their files are purged a while after archiving.
			"ALTER TABLE boards ADD COLUMN archived_at TEXT",
			"ALTER TABLE lists ADD COLUMN archived_at TEXT",
			"ALTER TABLE cards ADD COLUMN archived_at TEXT",
			"UPDATE boards SET archived_at = strftime('%Y-%m-%dT%H:%M:%fZ') WHERE archived = 1",
			"UPDATE lists SET archived_at = strftime('%Y-%m-%dT%H:%M:%fZ') WHERE archived = 1",
			"UPDATE cards SET archived_at = strftime('%Y-%m-%dT%H:%M:%fZ') WHERE archived = 1",
		],
		run: renumberPositions,
	},
	{
		version: 4,
		name: "server-side sessions, used WebSocket tickets, sign-in throttle per (email, client)",
		statements: [
			// A session token is honoured only while its row exists; expires_at is in ms.
			`CREATE TABLE sessions (id TEXT PRIMARY KEY, user_id TEXT NOT NULL, created_at TEXT NOT NULL,
				expires_at INTEGER NOT NULL)`,
			"CREATE INDEX sessions_by_user ON sessions(user_id)",
			"CREATE INDEX sessions_by_expiry ON sessions(expires_at)",
			// Ticket ids already let in, kept until the ticket would have expired anyway.
			"CREATE TABLE used_tickets (id TEXT PRIMARY KEY, expires_at INTEGER NOT NULL)",
			"CREATE INDEX used_tickets_by_expiry ON used_tickets(expires_at)",
			// Failures were counted per email, which let anyone lock an owner out; now per (email,
			// client). The old counts are only minutes of throttle state, so they are dropped.
			"DROP TABLE sign_in_failures",
			`CREATE TABLE sign_in_failures (email TEXT NOT NULL, client TEXT NOT NULL, failures INTEGER NOT NULL,
				blocked_until INTEGER NOT NULL, last_failure_at INTEGER NOT NULL, PRIMARY KEY (email, client))`,
			"CREATE INDEX sign_in_failures_by_age ON sign_in_failures(last_failure_at)",
		],
	},
	{
		version: 5,
		name: "the exact usage ledger: hourly meters, active members, gauges, plan history",
		statements: [
			// One row per meter per hour: what invoices are computed from.
			`CREATE TABLE usage_ledger (hour TEXT NOT NULL, meter TEXT NOT NULL, quantity INTEGER NOT NULL,
				PRIMARY KEY (hour, meter)) WITHOUT ROWID`,
			// Who did anything, per hour, so "active members" can be counted for any period.
			`CREATE TABLE member_activity (hour TEXT NOT NULL, member_id TEXT NOT NULL,
				PRIMARY KEY (hour, member_id)) WITHOUT ROWID`,
			// A level (bytes stored) and since when (ms); integrated into byte-seconds as it changes.
			"CREATE TABLE gauges (meter TEXT PRIMARY KEY, level INTEGER NOT NULL, since INTEGER NOT NULL)",
			"CREATE TABLE plan_changes (effective_at TEXT PRIMARY KEY, plan TEXT NOT NULL)",
			"INSERT INTO plan_changes (effective_at, plan) SELECT created_at, plan FROM tenant",
			`INSERT INTO gauges (meter, level, since) SELECT 'storage.byte_seconds', coalesce(sum(size), 0),
				CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) FROM attachments`,
		],
	},
	{
		version: 6,
		name: "invites: single-use links to join with a role",
		statements: [
			// The link is a signed token naming this row; the row is what makes it single use. An
			// invite is pending while accepted_at and revoked_at are null and expires_at (ms) is ahead.
			`CREATE TABLE invites (id TEXT PRIMARY KEY, email TEXT NOT NULL, role TEXT NOT NULL, created_by TEXT NOT NULL,
				created_at TEXT NOT NULL, expires_at INTEGER NOT NULL, accepted_at TEXT, accepted_by TEXT, revoked_at TEXT)`,
			"CREATE INDEX invites_by_expiry ON invites(expires_at)",
			"CREATE INDEX invites_by_email ON invites(email)",
		],
	},
	{
		version: 7,
		name: "labels, assignees and due dates; full-text search over cards and comments",
		statements: [
			"ALTER TABLE cards ADD COLUMN due_date TEXT",
			`CREATE TABLE labels (id TEXT PRIMARY KEY, board_id TEXT NOT NULL REFERENCES boards(id), name TEXT NOT NULL,
				color TEXT NOT NULL, version INTEGER NOT NULL, created_at TEXT NOT NULL)`,
			"CREATE INDEX labels_by_board ON labels(board_id, created_at)",
			// Which labels and members a card has: many to many, a row per pair.
			`CREATE TABLE card_labels (card_id TEXT NOT NULL, label_id TEXT NOT NULL,
				PRIMARY KEY (card_id, label_id)) WITHOUT ROWID`,
			"CREATE INDEX card_labels_by_label ON card_labels(label_id)",
			`CREATE TABLE card_assignees (card_id TEXT NOT NULL, user_id TEXT NOT NULL,
				PRIMARY KEY (card_id, user_id)) WITHOUT ROWID`,
			"CREATE INDEX card_assignees_by_user ON card_assignees(user_id)",
			...SEARCH_SCHEMA,
		],
	},
];

export const LATEST_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

/** True once this object has been provisioned (its migration table exists). */
export function isProvisioned(sql: Sql): boolean {
	return (
		sql.one("SELECT 1 AS found FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'") !== undefined
	);
}

/** The schema version this database is at (0 when nothing was applied). */
export function schemaVersion(sql: Sql): number {
	if (!isProvisioned(sql)) return 0;
	return sql.one<{ v: number | null }>("SELECT max(version) AS v FROM schema_migrations")?.v ?? 0;
}

/**
 * Brings the schema up to date. Each pending step runs in its own transaction, so a failed
 * step leaves the database at the previous version rather than half-migrated.
 */
export function migrate(
	storage: DurableObjectStorage,
	sql: Sql,
	migrations: readonly Migration[] = MIGRATIONS,
): number {
	sql.run(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,
		applied_at TEXT NOT NULL)`);
	let current = schemaVersion(sql);
	for (const step of migrations) {
		if (step.version <= current) continue;
		storage.transactionSync(() => {
			for (const statement of step.statements) sql.run(statement);
			step.run?.(sql);
			sql.run(
				"INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
				step.version,
				step.name,
				now(),
			);
		});
		current = step.version;
	}
	return current;
}

/**
 * Gives every list and card a fresh, short ordering key in its current order. The keys of the
 * first schema grew by a character every few appends; the new ones stay a few characters long.
 */
function renumberPositions(sql: Sql): void {
	const renumber = (table: "lists" | "cards", parent: "board_id" | "list_id") => {
		for (const { owner } of sql.all<{ owner: string }>(`SELECT DISTINCT ${parent} AS owner FROM ${table}`)) {
			const ids = sql.all<{ id: string }>(`SELECT id FROM ${table} WHERE ${parent} = ? ORDER BY position, id`, owner);
			const keys = evenKeys(ids.length);
			for (const [i, { id }] of ids.entries())
				sql.run(`UPDATE ${table} SET position = ? WHERE id = ?`, keys[i] ?? "", id);
		}
	};
	renumber("lists", "board_id");
	renumber("cards", "list_id");
}
