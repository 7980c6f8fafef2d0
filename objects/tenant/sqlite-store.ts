// BoardStore over the tenant object's own SQLite. No tenant_id columns: the whole database
// belongs to one tenant, which is the isolation story of the Durable Object design.
import type {
	Activity,
	ArchivedBoard,
	Board,
	BoardArchive,
	BoardDetail,
	Card,
	CardDetail,
	Comment,
	Label,
	List,
	User,
} from "../../shared/api";
import type { CommittedEvent } from "../../shared/protocol";
import { byPosition } from "../../shared/protocol";
import { toAttachment } from "../domain/attachment-rows";
import { now } from "../domain/clock";
import type { Statement } from "../domain/db";
import {
	CARD_COLUMNS,
	type Row,
	toActivity,
	toArchived,
	toBoard,
	toCard,
	toCardFromValues,
	toComment,
	toCommitted,
	toLabel,
	toList,
} from "../domain/rows";
import type { BoardStore, Commit, OperationRecord } from "../domain/store";
import type { Sql } from "./sql";
import type { SqliteDb } from "./sqlite-db";
import { writeChange } from "./sqlite-writes";

/**
 * Cards with their counts, labels and assignees (members only: a removed member drops off the
 * cards they had). A card is live when neither it nor its list is archived. Each count and list is
 * an index lookup per card: cheap next to reading the row.
 */
const cardSelect = (columns: string) => `SELECT ${columns},
	(SELECT count(*) FROM comments WHERE card_id = c.id) AS comment_count,
	(SELECT count(*) FROM attachments WHERE card_id = c.id) AS attachment_count,
	(SELECT json_group_array(label_id) FROM card_labels WHERE card_id = c.id) AS label_ids,
	(SELECT json_group_array(a.user_id) FROM card_assignees a JOIN members m ON m.id = a.user_id
		WHERE a.card_id = c.id) AS assignee_ids
	FROM cards c JOIN lists l ON l.id = c.list_id`;
const CARD_SELECT = cardSelect(CARD_COLUMNS);
/** The same, with when each card was archived, for the archive view. */
const ARCHIVED_CARD_SELECT = cardSelect(`${CARD_COLUMNS}, c.archived_at`);
/** A comment with its author's name. */
const COMMENT_SELECT = `SELECT cm.*, coalesce(m.name, 'Former member') AS author_name FROM comments cm
	LEFT JOIN members m ON m.id = cm.author_id`;
const LIVE = "c.archived = 0 AND l.archived = 0";
/** For a card found by its id alone: its board is not archived either. */
const ON_LIVE_BOARD = "EXISTS (SELECT 1 FROM boards b WHERE b.id = c.board_id AND b.archived = 0)";

/** How many events a reconnecting client may replay before a snapshot is cheaper. */
const RESUME_WINDOW = 1000;

/** What the tenant object does around every commit, whatever made it. */
export interface CommitHooks {
	/** Statements that must commit with the change (the usage ledger's), planned just before it. */
	ledger(commit: Commit): Promise<Statement[]>;
	/** After the transaction, once durable: broadcasting and bookkeeping. */
	after(committed: CommittedEvent): void;
	/** The transaction threw and nothing was written. */
	failed(): void;
}

export class SqliteBoardStore implements BoardStore {
	constructor(
		private readonly sql: Sql,
		private readonly db: SqliteDb,
		private readonly storage: DurableObjectStorage,
		private readonly hooks: CommitHooks,
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
		// Plain values rather than an object per row: on a 3,000-card board that halves the query's time.
		const cards = this.sql.values(`${CARD_SELECT} WHERE c.board_id = ? AND ${LIVE}`, boardId).map(toCardFromValues);
		const labels = this.sql.all<Row>("SELECT * FROM labels WHERE board_id = ? ORDER BY created_at, id", boardId);
		const seq = this.#lastSeq(boardId);
		return {
			...board,
			lists,
			cards: cards.sort(byPosition),
			labels: labels.map(toLabel),
			members: this.members(),
			seq,
		};
	}

	archivedBoard(boardId: string): Board | undefined {
		const row = this.sql.one<Row>("SELECT * FROM boards WHERE id = ? AND archived = 1", boardId);
		return row && toBoard(row);
	}

	archivedBoards(): ArchivedBoard[] {
		const rows = this.sql.all<Row>("SELECT * FROM boards WHERE archived = 1 ORDER BY archived_at DESC, id");
		return rows.map((row) => toArchived(row, toBoard(row)));
	}

	boardArchive(boardId: string): BoardArchive {
		const lists = this.sql.all<Row>(
			`SELECT l.*, (SELECT count(*) FROM cards WHERE list_id = l.id AND archived = 0) AS card_count FROM lists l
			WHERE l.board_id = ? AND l.archived = 1 ORDER BY l.archived_at DESC, l.id`,
			boardId,
		);
		const cards = this.sql.all<Row>(
			`${ARCHIVED_CARD_SELECT} WHERE c.board_id = ? AND c.archived = 1 AND l.archived = 0 ORDER BY c.archived_at DESC, c.id`,
			boardId,
		);
		return {
			lists: lists.map((row) => ({ ...toArchived(row, toList(row)), cardCount: Number(row.card_count) })),
			cards: cards.map((row) => toArchived(row, toCard(row))),
		};
	}

	list(listId: string): List | undefined {
		const row = this.sql.one<Row>("SELECT * FROM lists WHERE id = ? AND archived = 0", listId);
		return row && toList(row);
	}

	archivedList(listId: string): List | undefined {
		const row = this.sql.one<Row>("SELECT * FROM lists WHERE id = ? AND archived = 1", listId);
		return row && toList(row);
	}

	lists(boardId: string): List[] {
		return this.sql
			.all<Row>("SELECT * FROM lists WHERE board_id = ? AND archived = 0", boardId)
			.map(toList)
			.sort(byPosition);
	}

	card(cardId: string): Card | undefined {
		const row = this.sql.one<Row>(`${CARD_SELECT} WHERE c.id = ? AND ${LIVE} AND ${ON_LIVE_BOARD}`, cardId);
		return row && toCard(row);
	}

	archivedCard(cardId: string): Card | undefined {
		const row = this.sql.one<Row>(`${CARD_SELECT} WHERE c.id = ? AND c.archived = 1`, cardId);
		return row && toCard(row);
	}

	cardDetail(cardId: string): CardDetail | undefined {
		const card = this.card(cardId);
		if (!card) return undefined;
		const comments = this.sql
			.all<Row>(`${COMMENT_SELECT} WHERE cm.card_id = ? ORDER BY cm.created_at, cm.id`, cardId)
			.map(toComment);
		const attachments = this.sql
			.all<Row>("SELECT * FROM attachments WHERE card_id = ? ORDER BY created_at, id", cardId)
			.map(toAttachment);
		return { ...card, comments, attachments };
	}

	comment(commentId: string): Comment | undefined {
		const row = this.sql.one<Row>(`${COMMENT_SELECT} WHERE cm.id = ?`, commentId);
		return row && toComment(row);
	}

	label(labelId: string): Label | undefined {
		const row = this.sql.one<Row>("SELECT * FROM labels WHERE id = ?", labelId);
		return row && toLabel(row);
	}

	cardsOfArchivedList(listId: string): Card[] {
		return this.sql
			.all<Row>(`${CARD_SELECT} WHERE c.list_id = ? AND c.archived = 0 AND l.archived = 1`, listId)
			.map(toCard)
			.sort(byPosition);
	}

	cardsInList(listId: string): Card[] {
		return this.sql.all<Row>(`${CARD_SELECT} WHERE c.list_id = ? AND ${LIVE}`, listId).map(toCard).sort(byPosition);
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

	operation(actorId: string, opId: string): OperationRecord | undefined {
		return this.sql.one<OperationRecord>(
			"SELECT seq, fingerprint FROM operations WHERE actor_id = ? AND op_id = ?",
			actorId,
			opId,
		);
	}

	event(seq: number): CommittedEvent | undefined {
		const row = this.sql.one<Row>("SELECT * FROM events WHERE seq = ?", seq);
		return row && toCommitted(row);
	}

	eventsSince(seq: number, boardId: string): CommittedEvent[] | undefined {
		if (seq > this.#lastSeq(boardId)) return undefined;
		const events = this.sql
			.all<Row>(
				"SELECT * FROM events WHERE board_id = ? AND seq > ? ORDER BY seq LIMIT ?",
				boardId,
				seq,
				RESUME_WINDOW + 1,
			)
			.map(toCommitted);
		return events.length > RESUME_WINDOW ? undefined : events;
	}

	activity(boardId: string, limit: number): Activity[] {
		return this.sql
			.all<Row>(
				`SELECT e.*, m.name AS actor_name, k.name AS key_name FROM events e
				LEFT JOIN members m ON m.id = e.actor_id LEFT JOIN api_keys k ON k.id = e.actor_id
				WHERE e.board_id = ? ORDER BY e.seq DESC LIMIT ?`,
				boardId,
				limit,
			)
			.map(toActivity);
	}

	/**
	 * One transaction: the changes, the event and the operation id, and the ledger's statements.
	 * The ledger is planned first (it reads), but nothing can run between that and the
	 * transaction: the object's SQLite answers without yielding to other requests. The
	 * expectations need no checking here for the same reason.
	 */
	async commit(commit: Commit): Promise<CommittedEvent> {
		const { changes, boardId, actorId, opId, fingerprint, event } = commit;
		const ledger = await this.hooks.ledger(commit);
		const write = () => {
			for (const change of changes) writeChange(this.sql, change);
			for (const statement of ledger) this.db.run(statement.query, ...statement.params);
			const at = now();
			const prevSeq = this.#lastSeq(boardId);
			const row = this.sql.one<{ seq: number }>(
				`INSERT INTO events (board_id, actor_id, op_id, type, payload, at, prev_seq) VALUES (?, ?, ?, ?, ?, ?, ?)
				RETURNING seq`,
				boardId,
				actorId,
				opId,
				event.type,
				JSON.stringify(event),
				at,
				prevSeq,
			);
			const seq = row?.seq ?? 0;
			if (opId)
				this.sql.run(
					"INSERT INTO operations (actor_id, op_id, fingerprint, seq, at) VALUES (?, ?, ?, ?, ?)",
					actorId,
					opId,
					fingerprint,
					seq,
					at,
				);
			return { seq, prevSeq, boardId, actorId, opId, event };
		};
		let committed: CommittedEvent;
		try {
			committed = this.storage.transactionSync(write);
		} catch (error) {
			this.hooks.failed();
			throw error;
		}
		this.hooks.after(committed);
		return committed;
	}

	/** The sequence of a board's latest event (0 before the first): what its next event follows. */
	#lastSeq(boardId: string): number {
		return (
			this.sql.one<{ seq: number | null }>("SELECT max(seq) AS seq FROM events WHERE board_id = ?", boardId)?.seq ?? 0
		);
	}
}
