-- Invites: single-use links to join a workspace with a role (objects/tenant/migrations.ts, version 6).
-- The link is a signed token naming a row here; the row is what makes it single use. An invite is
-- pending while accepted_at and revoked_at are null and expires_at (ms) is ahead. Accepting one is
-- one batch: the member is inserted only while the invite is pending (and the email free, and the
-- plan below its member limit), and the invite is marked used only if that member now exists.
CREATE TABLE invites (
	tenant_id TEXT NOT NULL,
	id TEXT NOT NULL,
	email TEXT NOT NULL,
	role TEXT NOT NULL,
	created_by TEXT NOT NULL,
	created_at TEXT NOT NULL,
	expires_at INTEGER NOT NULL,
	accepted_at TEXT,
	accepted_by TEXT,
	revoked_at TEXT,
	PRIMARY KEY (tenant_id, id)
);
CREATE INDEX invites_by_expiry ON invites (tenant_id, expires_at);
CREATE INDEX invites_by_email ON invites (tenant_id, email);
