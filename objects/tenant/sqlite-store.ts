// BoardStore over the tenant object's own SQLite. No tenant_id columns: the whole database
// belongs to one tenant, which is the isolation story of the Durable Object design.
import type { Activity, Board, BoardDetail, Card, CardDetail, List, User } from "../../shared/api";
import type { CommittedEvent } from "../../shared/protocol";
import { byPosition } from "../../shared/protocol";
import { listAttachments } from "./attachment-rows";
import { now } from "./migrations";
import { type Row, summarise, toBoard, toCard, toComment, toCommitted, toList } from "./rows";
import type { Sql } from "./sql";
import type { BoardStore, Change, Commit } from "./store";

const CARD_SELECT = `SELECT c.*,
	(SELECT count(*) FROM comments WHERE card_id = c.id) AS comment_count,
	(SELECT count(*) FROM attachments WHERE card_id = c.id) AS attachment_count
	FROM cards c`;

/** How far back reconnecting clients can resume from the log before they get a snapshot. */
const RESUME_WINDOW = 1000;

export class SqliteBoardStore implements BoardStore {
	constructor(
		private readonly sql: Sql,
		private readonly storage: DurableObjectStorage,
	) {}

	boards(): Board[] {
		return this.sql.all<Row>("SELECT * FROM boards WHERE archived = 0 ORDER BY created_at").map(toBoard);
	}

	board(boardId: string): Board | undefined {
		const row = this.sql.one<Row>("SELECT * FROM boards WHERE id = ? AND archived = 0", boardId);
		return row && toBoard(row);
	}

	boardDetail(boardId: string): BoardDetail | undefined {
		const board = this.board(boardId);
		if (!board) return undefined;
		const lists = this.lists(boardId);
		const cards = this.sql.all<Row>(`${CARD_SELECT} WHERE c.board_id = ? AND c.archived = 0`, boardId).map(toCard);
		return { ...board, lists, cards: cards.sort(byPosition), members: this.members(), seq: this.#lastSeq() };
	}

	list(listId: string): List | undefined {
		const row = this.sql.one<Row>("SELECT * FROM lists WHERE id = ? AND archived = 0", listId);
		return row && toList(row);
	}

	lists(boardId: string): List[] {
		return this.sql
			.all<Row>("SELECT * FROM lists WHERE board_id = ? AND archived = 0", boardId)
			.map(toList)
			.sort(byPosition);
	}

	card(cardId: string): Card | undefined {
		const row = this.sql.one<Row>(`${CARD_SELECT} WHERE c.id = ? AND c.archived = 0`, cardId);
		return row && toCard(row);
	}

	cardDetail(cardId: string): CardDetail | undefined {
		const card = this.card(cardId);
		if (!card) return undefined;
		const comments = this.sql
			.all<Row>(
				`SELECT cm.*, coalesce(m.name, 'Former member') AS author_name FROM comments cm
				LEFT JOIN members m ON m.id = cm.author_id WHERE cm.card_id = ? ORDER BY cm.created_at, cm.id`,
				cardId,
			)
			.map(toComment);
		return { ...card, comments, attachments: listAttachments(this.sql, cardId) };
	}

	cardsInList(listId: string): Card[] {
		return this.sql
			.all<Row>(`${CARD_SELECT} WHERE c.list_id = ? AND c.archived = 0`, listId)
			.map(toCard)
			.sort(byPosition);
	}

	lastCardPosition(listId: string): string | null {
		const row = this.sql.one<{ position: string }>(
			"SELECT position FROM cards WHERE list_id = ? AND archived = 0 ORDER BY position DESC LIMIT 1",
			listId,
		);
		return row?.position ?? null;
	}

	members(): User[] {
		return this.sql.all<User>("SELECT id, email, name, role FROM members ORDER BY name");
	}

	operationSeq(opId: string): number | undefined {
		return this.sql.one<{ seq: number }>("SELECT seq FROM operations WHERE op_id = ?", opId)?.seq;
	}

	event(seq: number): CommittedEvent | undefined {
		const row = this.sql.one<Row>("SELECT * FROM events WHERE seq = ?", seq);
		return row && toCommitted(row);
	}

	eventsSince(seq: number, boardId: string): CommittedEvent[] | undefined {
		const last = this.#lastSeq();
		if (seq > last || last - seq > RESUME_WINDOW) return undefined;
		return this.sql
			.all<Row>("SELECT * FROM events WHERE seq > ? AND board_id = ? ORDER BY seq", seq, boardId)
			.map(toCommitted);
	}

	activity(boardId: string, limit: number): Activity[] {
		return this.sql
			.all<Row>(
				`SELECT e.*, m.name AS actor_name FROM events e LEFT JOIN members m ON m.id = e.actor_id
				WHERE e.board_id = ? ORDER BY e.seq DESC LIMIT ?`,
				boardId,
				limit,
			)
			.map((row) => {
				const committed = toCommitted(row);
				return {
					seq: committed.seq,
					boardId: committed.boardId,
					actorId: committed.actorId,
					type: committed.event.type,
					summary: summarise(committed.event, row.actor_name === null ? "API" : String(row.actor_name)),
					at: String(row.at),
				};
			});
	}

	commit({ changes, boardId, actorId, opId, event }: Commit): CommittedEvent {
		return this.storage.transactionSync(() => {
			for (const change of changes) this.#apply(change);
			const at = now();
			const row = this.sql.one<{ seq: number }>(
				"INSERT INTO events (board_id, actor_id, op_id, type, payload, at) VALUES (?, ?, ?, ?, ?, ?) RETURNING seq",
				boardId,
				actorId,
				opId,
				event.type,
				JSON.stringify(event),
				at,
			);
			const seq = row?.seq ?? 0;
			if (opId)
				this.sql.run("INSERT INTO operations (op_id, actor_id, seq, at) VALUES (?, ?, ?, ?)", opId, actorId, seq, at);
			return { seq, boardId, actorId, opId, event };
		});
	}

	#lastSeq(): number {
		return this.sql.one<{ seq: number | null }>("SELECT max(seq) AS seq FROM events")?.seq ?? 0;
	}

	#apply(change: Change): void {
		if ("archive" in change) {
			const table = change.archive === "card" ? "cards" : "lists";
			this.sql.run(`UPDATE ${table} SET archived = 1, version = version + 1 WHERE id = ?`, change.id);
			return;
		}
		if ("remove" in change) {
			this.sql.run("DELETE FROM attachments WHERE id = ?", change.id);
			return;
		}
		switch (change.put) {
			case "board": {
				const b = change.row;
				this.sql.run(
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
				this.sql.run(
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
				this.sql.run(
					`INSERT INTO cards (id, board_id, list_id, title, description, position, version, created_by, created_at, updated_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					ON CONFLICT (id) DO UPDATE SET list_id = excluded.list_id, title = excluded.title,
						description = excluded.description, position = excluded.position, version = excluded.version,
						updated_at = excluded.updated_at`,
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
				);
				return;
			}
			case "comment": {
				const m = change.row;
				this.sql.run(
					"INSERT INTO comments (id, card_id, author_id, body, created_at) VALUES (?, ?, ?, ?, ?)",
					m.id,
					m.cardId,
					m.authorId,
					m.body,
					m.createdAt,
				);
				return;
			}
			case "attachment": {
				const a = change.row;
				this.sql.run(
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
}
