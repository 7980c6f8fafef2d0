// The storage seam: what the board domain needs from wherever rows live. The Durable Object
// implements it over its own SQLite (sqlite-store.ts); a shared-database variant implements the
// same reads and writes with a tenant_id on every row. The domain never sees SQL.
import type { Activity, Attachment, Board, BoardDetail, Card, CardDetail, Comment, List, User } from "../../shared/api";
import type { BoardEvent, CommittedEvent } from "../../shared/protocol";

/** A row-level write, applied together with its event in one transaction. */
export type Change =
	| { put: "board"; row: Board }
	| { put: "list"; row: List }
	| { put: "card"; row: Card }
	| { put: "comment"; row: Comment }
	| { archive: "list" | "card"; id: string }
	| { put: "attachment"; row: Attachment }
	| { remove: "attachment"; id: string };

export interface Commit {
	changes: Change[];
	boardId: string;
	actorId: string;
	opId: string | null;
	event: BoardEvent;
}

/** A value now (the Durable Object's SQLite is synchronous) or later (a database across the network). */
export type Awaitable<T> = T | Promise<T>;

/**
 * Reads, and one atomic commit per change. Every method may answer now or later, so the domain
 * awaits each one: the Durable Object answers synchronously, a D1 implementation asynchronously
 * (its commit a `batch`). Awaiting a value that is already there never yields to other requests,
 * so inside the Durable Object a read and the commit that follows it stay one uninterrupted step.
 */
export interface BoardStore {
	boards(): Awaitable<Board[]>;
	board(boardId: string): Awaitable<Board | undefined>;
	boardDetail(boardId: string): Awaitable<BoardDetail | undefined>;
	list(listId: string): Awaitable<List | undefined>;
	lists(boardId: string): Awaitable<List[]>;
	card(cardId: string): Awaitable<Card | undefined>;
	cardDetail(cardId: string): Awaitable<CardDetail | undefined>;
	/** Live cards of a list, in order. */
	cardsInList(listId: string): Awaitable<Card[]>;
	/** The position of the last live card of a list: what a new card goes after. */
	lastCardPosition(listId: string): Awaitable<string | null>;
	members(): Awaitable<User[]>;
	/** The sequence number an operation id committed at, if it was seen before. */
	operationSeq(opId: string): Awaitable<number | undefined>;
	/** One committed event by its sequence number. */
	event(seq: number): Awaitable<CommittedEvent | undefined>;
	/** Committed events after `seq`, oldest first, or undefined if the log no longer reaches back that far. */
	eventsSince(seq: number, boardId: string): Awaitable<CommittedEvent[] | undefined>;
	activity(boardId: string, limit: number): Awaitable<Activity[]>;
	/** Applies the changes, appends the event and records the operation id, atomically. */
	commit(commit: Commit): Awaitable<CommittedEvent>;
}
