-- Labels, assignees and due dates; full-text search over cards and comments. The D1 twin of the
-- Durable Object's schema version 7 (objects/tenant/migrations.ts and search-schema.ts), with
-- tenant_id leading every key. (0002 belongs to another branch: members and invites.)

ALTER TABLE cards ADD COLUMN due_date TEXT;

CREATE TABLE labels (
	tenant_id TEXT NOT NULL,
	id TEXT NOT NULL,
	board_id TEXT NOT NULL,
	name TEXT NOT NULL,
	color TEXT NOT NULL,
	version INTEGER NOT NULL,
	created_at TEXT NOT NULL,
	PRIMARY KEY (tenant_id, id),
	FOREIGN KEY (tenant_id, board_id) REFERENCES boards (tenant_id, id)
);
CREATE INDEX labels_by_board ON labels (tenant_id, board_id, created_at);

-- Which labels and members a card has: many to many, a row per pair.
CREATE TABLE card_labels (
	tenant_id TEXT NOT NULL,
	card_id TEXT NOT NULL,
	label_id TEXT NOT NULL,
	PRIMARY KEY (tenant_id, card_id, label_id),
	FOREIGN KEY (tenant_id, card_id) REFERENCES cards (tenant_id, id),
	FOREIGN KEY (tenant_id, label_id) REFERENCES labels (tenant_id, id)
) WITHOUT ROWID;
CREATE INDEX card_labels_by_label ON card_labels (tenant_id, label_id);

-- No foreign key to members: removing a member leaves the rows, and reads join members, so a
-- removed member simply drops off the cards (as in the Durable Object).
CREATE TABLE card_assignees (
	tenant_id TEXT NOT NULL,
	card_id TEXT NOT NULL,
	user_id TEXT NOT NULL,
	PRIMARY KEY (tenant_id, card_id, user_id),
	FOREIGN KEY (tenant_id, card_id) REFERENCES cards (tenant_id, id)
) WITHOUT ROWID;
CREATE INDEX card_assignees_by_user ON card_assignees (tenant_id, user_id);

-- Full-text search. One FTS5 table serves every tenant: a virtual table has no primary key of
-- ours, so tenant_id is an UNINDEXED column that every search filters on (the one search query,
-- objects/domain/search.ts, says `search_index.tenant_id = ?1` here), and the documents table
-- below, which every search joins, is keyed by tenant too. MATCH finds the matching rows of all tenants
-- before that filter drops the others': the price of one shared index, which the Durable Object
-- (an index per tenant) does not pay.
--
-- search_docs numbers each indexed card or comment: the number is its rowid in the index, so an
-- edit finds its row through (tenant_id, kind, ref_id) instead of scanning the index. The number
-- is global because the index's rowids are; it is an INTEGER PRIMARY KEY so VACUUM never moves it.
CREATE TABLE search_docs (
	doc INTEGER PRIMARY KEY,
	tenant_id TEXT NOT NULL,
	kind TEXT NOT NULL,
	ref_id TEXT NOT NULL,
	card_id TEXT NOT NULL,
	UNIQUE (tenant_id, kind, ref_id)
);

-- The text columns come first, in the Durable Object's order, so one search query (with its
-- per-column weights) serves both designs.
CREATE VIRTUAL TABLE search_index USING fts5(
	title,
	body,
	tenant_id UNINDEXED,
	tokenize = 'porter unicode61 remove_diacritics 2'
);

-- What was written before this migration.
INSERT INTO search_docs (tenant_id, kind, ref_id, card_id) SELECT tenant_id, 'card', id, id FROM cards;
INSERT INTO search_docs (tenant_id, kind, ref_id, card_id) SELECT tenant_id, 'comment', id, card_id FROM comments;
INSERT INTO search_index (rowid, tenant_id, title, body)
	SELECT d.doc, d.tenant_id, c.title, c.description FROM search_docs d
	JOIN cards c ON c.tenant_id = d.tenant_id AND c.id = d.ref_id WHERE d.kind = 'card';
INSERT INTO search_index (rowid, tenant_id, title, body)
	SELECT d.doc, d.tenant_id, '', m.body FROM search_docs d
	JOIN comments m ON m.tenant_id = d.tenant_id AND m.id = d.ref_id WHERE d.kind = 'comment';

-- From now on, in the same transaction as the write (a commit's batch, a tenant's deletion).
-- An upsert that updates fires the UPDATE trigger, not the INSERT one.
CREATE TRIGGER cards_search_insert AFTER INSERT ON cards BEGIN
	INSERT INTO search_docs (tenant_id, kind, ref_id, card_id) VALUES (new.tenant_id, 'card', new.id, new.id);
	INSERT INTO search_index (rowid, tenant_id, title, body)
		VALUES (last_insert_rowid(), new.tenant_id, new.title, new.description);
END;

-- Moves rewrite the row too; only a changed text touches the index.
CREATE TRIGGER cards_search_update AFTER UPDATE OF title, description ON cards
WHEN old.title IS NOT new.title OR old.description IS NOT new.description BEGIN
	UPDATE search_index SET title = new.title, body = new.description
	WHERE rowid = (SELECT doc FROM search_docs WHERE tenant_id = new.tenant_id AND kind = 'card' AND ref_id = new.id);
END;

CREATE TRIGGER cards_search_delete AFTER DELETE ON cards BEGIN
	DELETE FROM search_docs WHERE tenant_id = old.tenant_id AND kind = 'card' AND ref_id = old.id;
END;

CREATE TRIGGER comments_search_insert AFTER INSERT ON comments BEGIN
	INSERT INTO search_docs (tenant_id, kind, ref_id, card_id) VALUES (new.tenant_id, 'comment', new.id, new.card_id);
	INSERT INTO search_index (rowid, tenant_id, title, body) VALUES (last_insert_rowid(), new.tenant_id, '', new.body);
END;

CREATE TRIGGER comments_search_delete AFTER DELETE ON comments BEGIN
	DELETE FROM search_docs WHERE tenant_id = old.tenant_id AND kind = 'comment' AND ref_id = old.id;
END;

-- A document's text goes with its number, whoever deletes it.
CREATE TRIGGER search_docs_delete AFTER DELETE ON search_docs BEGIN
	DELETE FROM search_index WHERE rowid = old.doc;
END;
