-- The whole of Boardroom in one shared D1 database (the D1 variant, `wrangler ... --env d1`).
--
-- The Durable Object variant gives every tenant a SQLite database of its own, so its tables need
-- no tenant column: isolation is the object boundary. Here every tenant shares each table, so:
--
--   * every row carries tenant_id, and tenant_id leads every primary key and every index. A
--     tenant's rows sit together in each B-tree, each query is a range scan inside one tenant,
--     and an id (a card's "c_…") only has to be unique within its tenant;
--   * every query says `tenant_id = ?`. A forgotten one is the classic leak of this design,
--     which the object boundary made impossible;
--   * what one Durable Object got from running one request at a time (read, decide, write with
--     nothing in between) comes from the database instead: unique keys (operations), conditional
--     guards checked inside the commit's batch (the guards table below), and the per-tenant event
--     sequence number computed inside that same batch.
--
-- Columns mirror objects/tenant/migrations.ts (all versions) and objects/directory (tenants,
-- invoices, adjustments). Foreign keys pair tenant_id with the id, so a row can only point at a
-- row of its own tenant. Times are ISO 8601 text unless a column says ms (integer milliseconds).

-- The directory: one row per tenant. Its id is the tenant_id of every other table.
CREATE TABLE tenants (
	id TEXT PRIMARY KEY,
	slug TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL,
	plan TEXT NOT NULL,
	status TEXT NOT NULL,
	created_at TEXT NOT NULL,
	last_active_at TEXT
);

CREATE TABLE members (
	tenant_id TEXT NOT NULL,
	id TEXT NOT NULL,
	email TEXT NOT NULL,
	name TEXT NOT NULL,
	role TEXT NOT NULL,
	password_hash TEXT NOT NULL,
	created_at TEXT NOT NULL,
	PRIMARY KEY (tenant_id, id),
	UNIQUE (tenant_id, email)
);

-- A session token is honoured only while its row exists; expires_at is in ms.
CREATE TABLE sessions (
	tenant_id TEXT NOT NULL,
	id TEXT NOT NULL,
	user_id TEXT NOT NULL,
	created_at TEXT NOT NULL,
	expires_at INTEGER NOT NULL,
	PRIMARY KEY (tenant_id, id)
);
CREATE INDEX sessions_by_user ON sessions (tenant_id, user_id);
CREATE INDEX sessions_by_expiry ON sessions (tenant_id, expires_at);

-- Keys are stored as SHA-256 hashes; a hash is looked up within the tenant named by the URL.
CREATE TABLE api_keys (
	tenant_id TEXT NOT NULL,
	id TEXT NOT NULL,
	name TEXT NOT NULL,
	role TEXT NOT NULL,
	key_hash TEXT NOT NULL,
	created_by TEXT NOT NULL,
	created_at TEXT NOT NULL,
	last_used_at TEXT,
	PRIMARY KEY (tenant_id, id),
	UNIQUE (tenant_id, key_hash)
);

-- WebSocket ticket ids already let in, kept until the ticket would have expired anyway (ms).
CREATE TABLE used_tickets (
	tenant_id TEXT NOT NULL,
	id TEXT NOT NULL,
	expires_at INTEGER NOT NULL,
	PRIMARY KEY (tenant_id, id)
);
CREATE INDEX used_tickets_by_expiry ON used_tickets (tenant_id, expires_at);

-- Sign-in throttle per (email, client address), so nobody can lock an owner out (ms times).
CREATE TABLE sign_in_failures (
	tenant_id TEXT NOT NULL,
	email TEXT NOT NULL,
	client TEXT NOT NULL,
	failures INTEGER NOT NULL,
	blocked_until INTEGER NOT NULL,
	last_failure_at INTEGER NOT NULL,
	PRIMARY KEY (tenant_id, email, client)
);
CREATE INDEX sign_in_failures_by_age ON sign_in_failures (tenant_id, last_failure_at);

CREATE TABLE boards (
	tenant_id TEXT NOT NULL,
	id TEXT NOT NULL,
	title TEXT NOT NULL,
	version INTEGER NOT NULL,
	archived INTEGER NOT NULL DEFAULT 0,
	archived_at TEXT,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	PRIMARY KEY (tenant_id, id)
);

CREATE TABLE lists (
	tenant_id TEXT NOT NULL,
	id TEXT NOT NULL,
	board_id TEXT NOT NULL,
	title TEXT NOT NULL,
	position TEXT NOT NULL,
	version INTEGER NOT NULL,
	archived INTEGER NOT NULL DEFAULT 0,
	archived_at TEXT,
	PRIMARY KEY (tenant_id, id),
	FOREIGN KEY (tenant_id, board_id) REFERENCES boards (tenant_id, id)
);
CREATE INDEX lists_by_board ON lists (tenant_id, board_id, position);

CREATE TABLE cards (
	tenant_id TEXT NOT NULL,
	id TEXT NOT NULL,
	board_id TEXT NOT NULL,
	list_id TEXT NOT NULL,
	title TEXT NOT NULL,
	description TEXT NOT NULL,
	position TEXT NOT NULL,
	version INTEGER NOT NULL,
	archived INTEGER NOT NULL DEFAULT 0,
	archived_at TEXT,
	created_by TEXT NOT NULL,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	PRIMARY KEY (tenant_id, id),
	FOREIGN KEY (tenant_id, board_id) REFERENCES boards (tenant_id, id)
);
CREATE INDEX cards_by_list ON cards (tenant_id, list_id, position);
CREATE INDEX cards_by_board ON cards (tenant_id, board_id);

CREATE TABLE comments (
	tenant_id TEXT NOT NULL,
	id TEXT NOT NULL,
	card_id TEXT NOT NULL,
	author_id TEXT NOT NULL,
	body TEXT NOT NULL,
	created_at TEXT NOT NULL,
	PRIMARY KEY (tenant_id, id),
	FOREIGN KEY (tenant_id, card_id) REFERENCES cards (tenant_id, id)
);
CREATE INDEX comments_by_card ON comments (tenant_id, card_id, created_at);

-- The event log: the activity feed, and what reconnecting clients resume from. seq counts per
-- tenant (1, 2, 3, … without gaps) and is computed inside each commit's batch; prev_seq is the
-- same board's previous event, so a replica can tell a gap from a duplicate.
CREATE TABLE events (
	tenant_id TEXT NOT NULL,
	seq INTEGER NOT NULL,
	prev_seq INTEGER NOT NULL,
	board_id TEXT NOT NULL,
	actor_id TEXT NOT NULL,
	op_id TEXT,
	type TEXT NOT NULL,
	payload TEXT NOT NULL,
	at TEXT NOT NULL,
	PRIMARY KEY (tenant_id, seq)
);
CREATE INDEX events_by_board ON events (tenant_id, board_id, seq);

-- Idempotency keys, per caller, with a digest of what was asked. The primary key is what makes
-- a key commit once when two Workers send the same operation at the same moment: the second
-- insert fails, its whole batch rolls back, and the domain answers with the first outcome.
CREATE TABLE operations (
	tenant_id TEXT NOT NULL,
	actor_id TEXT NOT NULL,
	op_id TEXT NOT NULL,
	fingerprint TEXT,
	seq INTEGER NOT NULL,
	at TEXT NOT NULL,
	PRIMARY KEY (tenant_id, actor_id, op_id)
);

CREATE TABLE attachments (
	tenant_id TEXT NOT NULL,
	id TEXT NOT NULL,
	card_id TEXT NOT NULL,
	name TEXT NOT NULL,
	size INTEGER NOT NULL,
	content_type TEXT NOT NULL,
	sha256 TEXT NOT NULL,
	uploaded_by TEXT NOT NULL,
	created_at TEXT NOT NULL,
	PRIMARY KEY (tenant_id, id)
);
CREATE INDEX attachments_by_card ON attachments (tenant_id, card_id);

-- An upload is a quota reservation for bytes on their way to R2; its id becomes the
-- attachment's id. r2_upload_id is null for a single-request upload; expires_at is in ms.
CREATE TABLE uploads (
	tenant_id TEXT NOT NULL,
	id TEXT NOT NULL,
	card_id TEXT NOT NULL,
	name TEXT NOT NULL,
	size INTEGER NOT NULL,
	content_type TEXT NOT NULL,
	r2_upload_id TEXT,
	part_size INTEGER NOT NULL,
	created_by TEXT NOT NULL,
	created_at TEXT NOT NULL,
	expires_at INTEGER NOT NULL,
	PRIMARY KEY (tenant_id, id)
);
CREATE INDEX uploads_by_expiry ON uploads (tenant_id, expires_at);
CREATE INDEX uploads_by_card ON uploads (tenant_id, card_id);

CREATE TABLE upload_parts (
	tenant_id TEXT NOT NULL,
	upload_id TEXT NOT NULL,
	part_number INTEGER NOT NULL,
	etag TEXT NOT NULL,
	size INTEGER NOT NULL,
	sha256 TEXT NOT NULL,
	PRIMARY KEY (tenant_id, upload_id, part_number)
);

-- The exact usage ledger: one row per meter per hour, what invoices are computed from.
CREATE TABLE usage_ledger (
	tenant_id TEXT NOT NULL,
	hour TEXT NOT NULL,
	meter TEXT NOT NULL,
	quantity INTEGER NOT NULL,
	PRIMARY KEY (tenant_id, hour, meter)
) WITHOUT ROWID;

-- Who did anything, per hour, so "active members" can be counted for any period.
CREATE TABLE member_activity (
	tenant_id TEXT NOT NULL,
	hour TEXT NOT NULL,
	member_id TEXT NOT NULL,
	PRIMARY KEY (tenant_id, hour, member_id)
) WITHOUT ROWID;

-- A level (bytes stored) and since when (ms); integrated into byte-seconds as it changes.
CREATE TABLE gauges (
	tenant_id TEXT NOT NULL,
	meter TEXT NOT NULL,
	level INTEGER NOT NULL,
	since INTEGER NOT NULL,
	PRIMARY KEY (tenant_id, meter)
);

-- The plan history: invoices prorate by it.
CREATE TABLE plan_changes (
	tenant_id TEXT NOT NULL,
	effective_at TEXT NOT NULL,
	plan TEXT NOT NULL,
	PRIMARY KEY (tenant_id, effective_at)
);

-- Closed invoices, frozen: written once, never updated. Like adjustments they are the record of
-- what was billed, so they have no foreign key to tenants and outlive a deleted tenant.
CREATE TABLE invoices (
	tenant_id TEXT NOT NULL,
	period TEXT NOT NULL,
	invoice TEXT NOT NULL,
	frozen_at TEXT NOT NULL,
	PRIMARY KEY (tenant_id, period)
);

-- A correction lands on the invoice of the period it was made in.
CREATE TABLE adjustments (
	tenant_id TEXT NOT NULL,
	id TEXT NOT NULL,
	period TEXT NOT NULL,
	description TEXT NOT NULL,
	amount_cents INTEGER NOT NULL,
	created_at TEXT NOT NULL,
	PRIMARY KEY (tenant_id, id)
);
CREATE INDEX adjustments_by_period ON adjustments (tenant_id, period, created_at);

-- Commit guards. A commit's batch starts by inserting one row per expectation it relies on,
-- `ok` = whether the expectation still holds, computed by a subquery at that moment. A false one
-- breaks the CHECK, which fails the statement and so rolls back the whole batch; the batch ends
-- by deleting its rows. The table is therefore empty outside a running batch, which is why it
-- alone has no tenant_id: no row ever lives long enough to belong to anyone. The constraint is
-- named so the store can tell "an expectation failed" from any other error by its message.
CREATE TABLE guards (
	ok INTEGER NOT NULL CONSTRAINT guard_holds CHECK (ok = 1)
);
