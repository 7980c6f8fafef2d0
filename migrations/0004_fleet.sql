-- Fleet operations in the D1 design: the operator's audit log, schema rollouts and exports. The
-- Durable Object design keeps the same tables in its Fleet object (objects/fleet/fleet-records.ts
-- has the statements both run). These rows are the operator's, not a tenant's: they carry no
-- tenant_id scope and outlive the tenants they mention.

-- Every operator action, newest last; seq is the cursor of GET /api/admin/audit.
CREATE TABLE audit_log (
	seq INTEGER PRIMARY KEY AUTOINCREMENT,
	at TEXT NOT NULL,
	actor TEXT NOT NULL,
	client TEXT,
	action TEXT NOT NULL,
	slug TEXT,
	tenant_id TEXT,
	details TEXT NOT NULL
);

-- In this design a rollout has nothing to do per tenant (the schema is the database's, applied
-- with `wrangler d1 migrations apply`), but it is recorded the same way so the console reads one shape.
CREATE TABLE rollouts (
	id TEXT PRIMARY KEY,
	target_version INTEGER NOT NULL,
	started_at TEXT NOT NULL,
	note TEXT NOT NULL
);

CREATE TABLE rollout_tenants (
	rollout_id TEXT NOT NULL,
	slug TEXT NOT NULL,
	state TEXT NOT NULL,
	attempts INTEGER NOT NULL,
	reason TEXT,
	updated_at TEXT NOT NULL,
	PRIMARY KEY (rollout_id, slug)
);

-- An export's archive lives in R2 at archive_key; this row is its state.
CREATE TABLE exports (
	id TEXT PRIMARY KEY,
	tenant_id TEXT NOT NULL,
	slug TEXT NOT NULL,
	status TEXT NOT NULL,
	archive_key TEXT NOT NULL,
	created_at TEXT NOT NULL,
	finished_at TEXT,
	bytes INTEGER,
	counts TEXT,
	error TEXT
);
