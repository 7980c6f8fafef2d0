// BoardStore over one shared D1 database: the reads and the atomic commit of the Durable
// Object's sqlite-store.ts, for one tenant among many. Statements go through a TenantScope (the
// tenant's id is ?1 of each); the commit is one batch (commit-batch.ts).
//
// The trade-off in one sentence: the Durable Object answers from memory-close SQLite one request
// at a time, so its reads are free and nothing interleaves; here each read is a round trip and
// other Workers write in between, so reads that must agree go in one batch, and the commit
// re-checks what the plan relied on (guards.ts).

import { toAttachment } from "../../objects/domain/attachment-rows";
import { now } from "../../objects/domain/clock";
import {
	type Row,
	toActivity,
	toArchived,
	toBoard,
	toCard,
	toComment,
	toCommitted,
	toLabel,
	toList,
	toUser,
} from "../../objects/domain/rows";
import type { Awaitable, BoardStore, Commit, OperationRecord } from "../../objects/domain/store";
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
import { commitBatch, toCommittedEvent } from "./commit-batch";
import { toCommitError } from "./commit-errors";
import {
	ACTIVITY,
	ARCHIVED_CARD_SELECT,
	ARCHIVED_LISTS,
	ATTACHMENTS_OF_CARD,
	CARD_SELECT,
	COMMENT_SELECT,
	COMMENTS_OF_CARD,
	LABELS_OF_BOARD,
	LAST_SEQ,
	LIVE,
	MEMBERS,
	ON_LIVE_BOARD,
} from "./queries";
import { type D1Handle, TenantScope } from "./tenant-scope";

/** How many events a reconnecting client may replay before a snapshot is cheaper. */
const RESUME_WINDOW = 1000;

/** What the caller does around every commit, whatever made it. */
export interface D1CommitHooks {
	/**
	 * Statements to run inside the commit's batch, after the event: metering that must commit with
	 * the change. (The Durable Object's `during` runs code inside its transaction; a D1 batch is
	 * shipped whole, so what must be atomic with it travels as statements.)
	 */
	ledger?(commit: Commit): Awaitable<D1PreparedStatement[]>;
	/** After the batch committed: broadcasting and bookkeeping. */
	after?(committed: CommittedEvent): void;
	/** The batch failed and nothing was written. */
	failed?(): void;
}

export class D1BoardStore implements BoardStore {
	readonly #scope: TenantScope;
	readonly #hooks: D1CommitHooks;

	constructor(db: D1Handle, tenantId: string | (() => string), hooks: D1CommitHooks = {}) {
		this.#scope = new TenantScope(db, tenantId);
		this.#hooks = hooks;
	}

	async boards(): Promise<Board[]> {
		const sql = "SELECT * FROM boards WHERE tenant_id = ?1 AND archived = 0 ORDER BY created_at";
		return (await this.#scope.all<Row>(sql)).map(toBoard);
	}

	async board(boardId: string): Promise<Board | undefined> {
		const row = await this.#scope.first<Row>(
			"SELECT * FROM boards WHERE tenant_id = ?1 AND id = ?2 AND archived = 0",
			boardId,
		);
		return row && toBoard(row);
	}

	/** One batch, so the lists, cards and seq are one moment of the board: a snapshot replicas can trust. */
	async boardDetail(boardId: string): Promise<BoardDetail | undefined> {
		const s = (sql: string, ...params: string[]) => this.#scope.statement(sql, ...params);
		const [boards = [], lists = [], cards = [], labels = [], members = [], last = []] = await this.#scope.batch<Row>([
			s("SELECT * FROM boards WHERE tenant_id = ?1 AND id = ?2 AND archived = 0", boardId),
			s("SELECT * FROM lists WHERE tenant_id = ?1 AND board_id = ?2 AND archived = 0", boardId),
			s(`${CARD_SELECT} AND c.board_id = ?2 AND ${LIVE}`, boardId),
			s(LABELS_OF_BOARD, boardId),
			s(MEMBERS),
			s(LAST_SEQ, boardId),
		]);
		const board = boards[0];
		if (!board) return undefined;
		return {
			...toBoard(board),
			lists: lists.map(toList).sort(byPosition),
			cards: cards.map(toCard).sort(byPosition),
			labels: labels.map(toLabel),
			members: members.map(toUser),
			seq: Number(last[0]?.seq ?? 0),
		};
	}

	async archivedBoard(boardId: string): Promise<Board | undefined> {
		const row = await this.#scope.first<Row>(
			"SELECT * FROM boards WHERE tenant_id = ?1 AND id = ?2 AND archived = 1",
			boardId,
		);
		return row && toBoard(row);
	}

	async archivedBoards(): Promise<ArchivedBoard[]> {
		const sql = "SELECT * FROM boards WHERE tenant_id = ?1 AND archived = 1 ORDER BY archived_at DESC, id";
		return (await this.#scope.all<Row>(sql)).map((row) => toArchived(row, toBoard(row)));
	}

	/** One batch, so the lists and cards are one moment of the archive. */
	async boardArchive(boardId: string): Promise<BoardArchive> {
		const [lists = [], cards = []] = await this.#scope.batch<Row>([
			this.#scope.statement(ARCHIVED_LISTS, boardId),
			this.#scope.statement(
				`${ARCHIVED_CARD_SELECT} AND c.board_id = ?2 AND c.archived = 1 AND l.archived = 0 ORDER BY c.archived_at DESC, c.id`,
				boardId,
			),
		]);
		return {
			lists: lists.map((row) => ({ ...toArchived(row, toList(row)), cardCount: Number(row.card_count) })),
			cards: cards.map((row) => toArchived(row, toCard(row))),
		};
	}

	async list(listId: string): Promise<List | undefined> {
		const row = await this.#scope.first<Row>(
			"SELECT * FROM lists WHERE tenant_id = ?1 AND id = ?2 AND archived = 0",
			listId,
		);
		return row && toList(row);
	}

	async archivedList(listId: string): Promise<List | undefined> {
		const row = await this.#scope.first<Row>(
			"SELECT * FROM lists WHERE tenant_id = ?1 AND id = ?2 AND archived = 1",
			listId,
		);
		return row && toList(row);
	}

	async lists(boardId: string): Promise<List[]> {
		const sql = "SELECT * FROM lists WHERE tenant_id = ?1 AND board_id = ?2 AND archived = 0";
		return (await this.#scope.all<Row>(sql, boardId)).map(toList).sort(byPosition);
	}

	async card(cardId: string): Promise<Card | undefined> {
		const row = await this.#scope.first<Row>(`${CARD_SELECT} AND c.id = ?2 AND ${LIVE} AND ${ON_LIVE_BOARD}`, cardId);
		return row && toCard(row);
	}

	async archivedCard(cardId: string): Promise<Card | undefined> {
		const row = await this.#scope.first<Row>(`${CARD_SELECT} AND c.id = ?2 AND c.archived = 1`, cardId);
		return row && toCard(row);
	}

	async cardDetail(cardId: string): Promise<CardDetail | undefined> {
		const [cards = [], comments = [], attachments = []] = await this.#scope.batch<Row>([
			this.#scope.statement(`${CARD_SELECT} AND c.id = ?2 AND ${LIVE} AND ${ON_LIVE_BOARD}`, cardId),
			this.#scope.statement(COMMENTS_OF_CARD, cardId),
			this.#scope.statement(ATTACHMENTS_OF_CARD, cardId),
		]);
		const card = cards[0];
		if (!card) return undefined;
		return { ...toCard(card), comments: comments.map(toComment), attachments: attachments.map(toAttachment) };
	}

	async comment(commentId: string): Promise<Comment | undefined> {
		const row = await this.#scope.first<Row>(`${COMMENT_SELECT} AND cm.id = ?2`, commentId);
		return row && toComment(row);
	}

	async label(labelId: string): Promise<Label | undefined> {
		const row = await this.#scope.first<Row>("SELECT * FROM labels WHERE tenant_id = ?1 AND id = ?2", labelId);
		return row && toLabel(row);
	}

	async cardsOfArchivedList(listId: string): Promise<Card[]> {
		const sql = `${CARD_SELECT} AND c.list_id = ?2 AND c.archived = 0 AND l.archived = 1`;
		return (await this.#scope.all<Row>(sql, listId)).map(toCard).sort(byPosition);
	}

	async cardsInList(listId: string): Promise<Card[]> {
		return (await this.#scope.all<Row>(`${CARD_SELECT} AND c.list_id = ?2 AND ${LIVE}`, listId))
			.map(toCard)
			.sort(byPosition);
	}

	async lastCardPosition(listId: string): Promise<string | null> {
		const row = await this.#scope.first<{ position: string }>(
			"SELECT position FROM cards WHERE tenant_id = ?1 AND list_id = ?2 AND archived = 0 ORDER BY position DESC LIMIT 1",
			listId,
		);
		return row?.position ?? null;
	}

	async members(): Promise<User[]> {
		return (await this.#scope.all<Row>(MEMBERS)).map(toUser);
	}

	operation(actorId: string, opId: string): Promise<OperationRecord | undefined> {
		const sql = "SELECT seq, fingerprint FROM operations WHERE tenant_id = ?1 AND actor_id = ?2 AND op_id = ?3";
		return this.#scope.first<OperationRecord>(sql, actorId, opId);
	}

	async event(seq: number): Promise<CommittedEvent | undefined> {
		const row = await this.#scope.first<Row>("SELECT * FROM events WHERE tenant_id = ?1 AND seq = ?2", seq);
		return row && toCommitted(row);
	}

	async eventsSince(seq: number, boardId: string): Promise<CommittedEvent[] | undefined> {
		const [last = [], rows = []] = await this.#scope.batch<Row>([
			this.#scope.statement(LAST_SEQ, boardId),
			this.#scope.statement(
				"SELECT * FROM events WHERE tenant_id = ?1 AND board_id = ?2 AND seq > ?3 ORDER BY seq LIMIT ?4",
				boardId,
				seq,
				RESUME_WINDOW + 1,
			),
		]);
		if (seq > Number(last[0]?.seq ?? 0)) return undefined;
		return rows.length > RESUME_WINDOW ? undefined : rows.map(toCommitted);
	}

	async activity(boardId: string, limit: number): Promise<Activity[]> {
		return (await this.#scope.all<Row>(ACTIVITY, boardId, limit)).map(toActivity);
	}

	/**
	 * One batch: the operation id, a guard per expectation, the changes, the event numbered inside
	 * the batch, the ledger's statements. A guard that fails is a CommitConflict (the domain plans
	 * again), a taken operation id a DuplicateOperation (the domain replays); either way nothing
	 * of the batch was written.
	 */
	async commit(commit: Commit): Promise<CommittedEvent> {
		const ledger = (await this.#hooks.ledger?.(commit)) ?? [];
		const { statements, eventIndex } = commitBatch(this.#scope, commit, now(), ledger);
		let results: Row[][];
		try {
			results = await this.#scope.batch<Row>(statements);
		} catch (error) {
			this.#hooks.failed?.();
			const refusal = toCommitError(error);
			throw refusal;
		}
		const numbers = results[eventIndex]?.[0];
		if (!numbers) throw new Error("D1 committed the batch but returned no event row.");
		const committed = toCommittedEvent(commit, { seq: Number(numbers.seq), prev_seq: Number(numbers.prev_seq) });
		this.#hooks.after?.(committed);
		return committed;
	}
}
