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

export interface BoardStore {
	boards(): Board[];
	board(boardId: string): Board | undefined;
	boardDetail(boardId: string): BoardDetail | undefined;
	list(listId: string): List | undefined;
	lists(boardId: string): List[];
	card(cardId: string): Card | undefined;
	cardDetail(cardId: string): CardDetail | undefined;
	/** Live cards of a list, in order. */
	cardsInList(listId: string): Card[];
	/** The position of the last live card of a list: what a new card goes after. */
	lastCardPosition(listId: string): string | null;
	members(): User[];
	memberName(userId: string): string;
	/** The sequence number an operation id committed at, if it was seen before. */
	operationSeq(opId: string): number | undefined;
	/** One committed event by its sequence number. */
	event(seq: number): CommittedEvent | undefined;
	/** Committed events after `seq`, oldest first, or undefined if the log no longer reaches back that far. */
	eventsSince(seq: number, boardId: string): CommittedEvent[] | undefined;
	activity(boardId: string, limit: number): Activity[];
	/** Applies the changes, appends the event and records the operation id, atomically. */
	commit(commit: Commit): CommittedEvent;
}
