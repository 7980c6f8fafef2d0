// The tenant's full-text index, as part of schema version 7: one SQLite FTS5 table over card
// titles and descriptions and comment bodies, kept in step by triggers, so every write that
// changes the text (a commit, the cleanup sweep, anything later) updates the index in its own
// transaction without the store having to remember it.
//
// An FTS5 table is found by its rowid, and its other columns cannot be indexed, so each indexed
// thing gets a row in `search_docs`: its number there is its rowid in the index, and (kind,
// ref_id) finds that number with an ordinary index when the card is edited or the comment
// deleted. (The cards' own rowids would do, but VACUUM may renumber rowids of tables without an
// INTEGER PRIMARY KEY; `doc` is one.) Archived cards stay indexed: search leaves them out when it
// joins the index to the live board, so archiving and restoring cost the index nothing.
//
// The D1 design has the same schema with tenant_id on every row (migrations/0003_*.sql).

export const SEARCH_SCHEMA: readonly string[] = [
	`CREATE TABLE search_docs (doc INTEGER PRIMARY KEY, kind TEXT NOT NULL, ref_id TEXT NOT NULL,
		card_id TEXT NOT NULL, UNIQUE (kind, ref_id))`,
	// porter: "launching" finds "launch"; remove_diacritics: "cafe" finds "café".
	"CREATE VIRTUAL TABLE search_index USING fts5(title, body, tokenize = 'porter unicode61 remove_diacritics 2')",
	// What was written before this version.
	"INSERT INTO search_docs (kind, ref_id, card_id) SELECT 'card', id, id FROM cards",
	"INSERT INTO search_docs (kind, ref_id, card_id) SELECT 'comment', id, card_id FROM comments",
	`INSERT INTO search_index (rowid, title, body) SELECT d.doc, c.title, c.description
		FROM search_docs d JOIN cards c ON c.id = d.ref_id WHERE d.kind = 'card'`,
	`INSERT INTO search_index (rowid, title, body) SELECT d.doc, '', m.body
		FROM search_docs d JOIN comments m ON m.id = d.ref_id WHERE d.kind = 'comment'`,
	// From now on, as it is written. (An upsert that updates fires the UPDATE trigger, not INSERT.)
	`CREATE TRIGGER cards_search_insert AFTER INSERT ON cards BEGIN
		INSERT INTO search_docs (kind, ref_id, card_id) VALUES ('card', new.id, new.id);
		INSERT INTO search_index (rowid, title, body) VALUES (last_insert_rowid(), new.title, new.description);
	END`,
	// Moves rewrite the row too; only a changed text touches the index.
	`CREATE TRIGGER cards_search_update AFTER UPDATE OF title, description ON cards
	WHEN old.title IS NOT new.title OR old.description IS NOT new.description BEGIN
		UPDATE search_index SET title = new.title, body = new.description
		WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 'card' AND ref_id = new.id);
	END`,
	`CREATE TRIGGER cards_search_delete AFTER DELETE ON cards BEGIN
		DELETE FROM search_docs WHERE kind = 'card' AND ref_id = old.id;
	END`,
	`CREATE TRIGGER comments_search_insert AFTER INSERT ON comments BEGIN
		INSERT INTO search_docs (kind, ref_id, card_id) VALUES ('comment', new.id, new.card_id);
		INSERT INTO search_index (rowid, title, body) VALUES (last_insert_rowid(), '', new.body);
	END`,
	`CREATE TRIGGER comments_search_delete AFTER DELETE ON comments BEGIN
		DELETE FROM search_docs WHERE kind = 'comment' AND ref_id = old.id;
	END`,
	// A document's text goes with its number, whoever deletes it.
	`CREATE TRIGGER search_docs_delete AFTER DELETE ON search_docs BEGIN
		DELETE FROM search_index WHERE rowid = old.doc;
	END`,
];
