// The storage seam: what the board domain needs from wherever rows live. The Durable Object
// implements it over its own SQLite (sqlite-store.ts); a shared-database variant implements the
// same reads and writes with a tenant_id on every row. The domain never sees SQL.
import type {
	Activity,
	ArchivedBoard,
	Attachment,
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
import type { BoardEvent, CommittedEvent } from "../../shared/protocol";

/**
 * A row-level write, applied together with its event in one transaction. A card's `put` writes
 * its own columns; which labels and members it has are rows of their own, written by `link` and
 * `unlink`. Removing a label removes it from every card too.
 */
export type Change =
	| { put: "board"; row: Board }
	| { put: "list"; row: List }
	| { put: "card"; row: Card }
	| { put: "comment"; row: Comment }
	| { put: "label"; row: Label }
	| { archive: "board" | "list" | "card"; id: string; at: string }
	| { restore: "board" | "list" | "card"; id: string }
	| { put: "attachment"; row: Attachment }
	| { remove: "attachment" | "upload" | "comment" | "label"; id: string }
	| { link: "label" | "assignee"; cardId: string; id: string }
	| { unlink: "label" | "assignee"; cardId: string; id: string };

/**
 * What a plan read and relies on. A store that serves one request at a time (the Durable Object)
 * can ignore these: nothing ran between its reads and the commit. A store that many Workers write
 * at once (D1) checks each inside the commit and refuses the whole commit with CommitConflict if
 * one no longer holds; the domain then plans again from fresh reads.
 */
export type Expectation =
	/** The row still has this version (no one else changed it). */
	| { version: "board" | "list" | "card" | "label"; id: string; is: number }
	/** The row is still live: not archived (a card: nor its list). */
	| { live: "board" | "list" | "card"; id: string }
	/** The row is still archived by itself, so it can be restored. */
	| { archived: "board" | "list" | "card"; id: string }
	/** The row still exists: things that are deleted rather than archived, and members. */
	| { exists: "label" | "comment" | "member"; id: string }
	/**
	 * No live sibling (other than `except`) sits strictly between these two positions under this
	 * parent: the new key computed between them is unique. Null is an open end.
	 */
	| { gap: "lists" | "cards"; parentId: string; after: string | null; before: string | null; except: string | null }
	/** A card still has this many comments or attachments (the event carries the count). */
	| { count: "comments" | "attachments"; cardId: string; is: number };

/** A commit refused because an expectation no longer held. */
export class CommitConflict extends Error {
	override name = "CommitConflict";
}

/** A commit refused because its operation id was committed meanwhile (by a concurrent retry). */
export class DuplicateOperation extends Error {
	override name = "DuplicateOperation";
}

export interface Commit {
	changes: Change[];
	expects: Expectation[];
	boardId: string;
	actorId: string;
	/** The caller's operation id (idempotency key), if it sent one, and what it asked for. */
	opId: string | null;
	fingerprint: string | null;
	event: BoardEvent;
}

/** What an operation id recorded: where its outcome is, and a digest of the request that made it. */
export interface OperationRecord {
	seq: number;
	/** Null for keys recorded before fingerprints existed: they replay without the check. */
	fingerprint: string | null;
}

/** A value now (the Durable Object's SQLite is synchronous) or later (a database across the network). */
export type Awaitable<T> = T | Promise<T>;

/**
 * Reads, and one atomic commit per change. Every method may answer now or later, so the domain
 * awaits each one: the Durable Object answers synchronously, a D1 implementation asynchronously
 * (its commit a `batch`). Awaiting a value that is already there never yields to other requests,
 * so inside the Durable Object a read and the commit that follows it stay one uninterrupted step.
 *
 * "Live" below means on the board: not archived, and not on an archived list. A card asked for
 * by its id alone (`card`, `cardDetail`) is live only on a live board too.
 */
export interface BoardStore {
	boards(): Awaitable<Board[]>;
	board(boardId: string): Awaitable<Board | undefined>;
	/** A board that is archived (and so restorable), or undefined. */
	archivedBoard(boardId: string): Awaitable<Board | undefined>;
	/** Archived boards, the most recently archived first. */
	archivedBoards(): Awaitable<ArchivedBoard[]>;
	/** A live board's archived lists (with how many cards each took along) and archived cards. */
	boardArchive(boardId: string): Awaitable<BoardArchive>;
	boardDetail(boardId: string): Awaitable<BoardDetail | undefined>;
	list(listId: string): Awaitable<List | undefined>;
	/** A list that is archived (and so restorable), or undefined. */
	archivedList(listId: string): Awaitable<List | undefined>;
	lists(boardId: string): Awaitable<List[]>;
	card(cardId: string): Awaitable<Card | undefined>;
	/** A card archived by itself (and so restorable), or undefined. */
	archivedCard(cardId: string): Awaitable<Card | undefined>;
	cardDetail(cardId: string): Awaitable<CardDetail | undefined>;
	comment(commentId: string): Awaitable<Comment | undefined>;
	label(labelId: string): Awaitable<Label | undefined>;
	/** The cards an archived list holds (those not archived by themselves), in order. */
	cardsOfArchivedList(listId: string): Awaitable<Card[]>;
	/** Live cards of a list, in order. */
	cardsInList(listId: string): Awaitable<Card[]>;
	/** The position of the last live card of a list: what a new card goes after. */
	lastCardPosition(listId: string): Awaitable<string | null>;
	members(): Awaitable<User[]>;
	/** What an operation id of this actor committed, if it was seen before. */
	operation(actorId: string, opId: string): Awaitable<OperationRecord | undefined>;
	/** One committed event by its sequence number. */
	event(seq: number): Awaitable<CommittedEvent | undefined>;
	/** A board's events after `seq`, oldest first, or undefined if a snapshot is the better answer. */
	eventsSince(seq: number, boardId: string): Awaitable<CommittedEvent[] | undefined>;
	activity(boardId: string, limit: number): Awaitable<Activity[]>;
	/**
	 * Applies the changes, appends the event (numbered, and linked to the board's previous event)
	 * and records the operation id, atomically; then tells the store's commit listener.
	 */
	commit(commit: Commit): Awaitable<CommittedEvent>;
}
