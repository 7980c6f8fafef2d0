// Delivering each board's events in sequence order when they arrive in any order. Every event
// names the board's previous event (prevSeq), so the relay knows exactly which one it waits for.
// An event that skips ahead waits; if the gap stays open (a Worker died between its commit and
// handing the event over), the missing events are read from the database, which has them all.
import type { CommittedEvent } from "../../shared/protocol";
import type { Awaitable } from "../domain/store";

interface BoardQueue {
	/** The seq of the last event delivered; undefined until the first one since the relay woke. */
	last: number | undefined;
	/** Events that arrived ahead of the one the board waits for, by seq. */
	waiting: Map<number, CommittedEvent>;
	timer: ReturnType<typeof setTimeout> | undefined;
}

export class EventOrder {
	readonly #boards = new Map<string, BoardQueue>();

	constructor(
		private readonly deliver: (committed: CommittedEvent) => void,
		private readonly gapTimeoutMs: number,
		private readonly readSince: (boardId: string, after: number) => Awaitable<CommittedEvent[] | undefined>,
	) {}

	add(committed: CommittedEvent): void {
		const board = this.#board(committed.boardId);
		// After a wake the relay knows nothing of the past: the first event starts the line, and a
		// client that missed one before it sees the gap itself and re-syncs from the database.
		if (board.last === undefined) board.last = committed.prevSeq;
		if (committed.seq <= board.last) return;
		board.waiting.set(committed.seq, committed);
		this.#drain(board);
		if (board.waiting.size > 0) board.timer ??= setTimeout(() => void this.#fill(committed.boardId), this.gapTimeoutMs);
	}

	/** Delivers every waiting event whose predecessor was delivered, in order. */
	#drain(board: BoardQueue): void {
		for (;;) {
			const next = [...board.waiting.values()]
				.filter((e) => e.prevSeq <= (board.last ?? 0))
				.sort((a, b) => a.seq - b.seq)[0];
			if (!next) break;
			board.waiting.delete(next.seq);
			board.last = next.seq;
			this.deliver(next);
		}
		if (board.waiting.size === 0 && board.timer !== undefined) {
			clearTimeout(board.timer);
			board.timer = undefined;
		}
	}

	/** A gap stayed open: read what is missing from the database and deliver everything in order. */
	async #fill(boardId: string): Promise<void> {
		const board = this.#board(boardId);
		board.timer = undefined;
		const missing = (await this.readSince(boardId, board.last ?? 0)) ?? [];
		for (const committed of missing) if (committed.seq > (board.last ?? 0)) board.waiting.set(committed.seq, committed);
		this.#drain(board);
		// What is still waiting could never be reached (the log moved on): deliver it as it is.
		for (const committed of [...board.waiting.values()].sort((a, b) => a.seq - b.seq)) {
			board.last = committed.seq;
			this.deliver(committed);
		}
		board.waiting.clear();
	}

	#board(boardId: string): BoardQueue {
		let board = this.#boards.get(boardId);
		if (!board) {
			board = { last: undefined, waiting: new Map(), timer: undefined };
			this.#boards.set(boardId, board);
		}
		return board;
	}
}
