// Waiting a moment after a conflict, before the domain plans again. When many Workers write the
// same spot at once (thirty cards appended to one list), they all read the same last card, all
// compute the same position, and the database lets exactly one of them through. If the others
// plan again straight away they read together and collide together again: one winner per round,
// and the domain's few attempts run out with most writes refused. Waiting a random part of a
// window first ("full jitter") spreads them out, so each next attempt meets a quieter list.
//
// The window doubles with each conflict in a row and is counted in this database's own round
// trips (the failed batch's duration, which also grows with the queue of contending batches), so
// it suits a local database's milliseconds and a distant primary's tens of milliseconds alike.
// The Durable Object needs none of this: it runs one request at a time, so it never conflicts.
import { CommitConflict, DuplicateOperation } from "./store";

/** Round trips per window at the first conflict: about one planning cycle (a few reads and a batch). */
const SLOTS = 4;
/** The shortest round trip assumed, however fast the last batch came back. */
const MIN_ROUND_TRIP_MS = 2;
/** No wait longer than this, however long the run of conflicts. */
const MAX_WAIT_MS = 2_000;

export class ConflictBackoff {
	#inARow = 0;

	/** A commit went through: the next conflict starts from the smallest window again. */
	succeeded(): void {
		this.#inARow = 0;
	}

	/** Waits a random time within a window that doubles with each conflict in a row. */
	async conflicted(roundTripMs: number): Promise<void> {
		this.#inARow += 1;
		const window = Math.max(roundTripMs, MIN_ROUND_TRIP_MS) * SLOTS * 2 ** (this.#inARow - 1);
		await scheduler.wait(Math.random() * Math.min(window, MAX_WAIT_MS));
	}
}

/** How many times a change is planned again when concurrent writers keep getting in first. */
const MAX_ATTEMPTS = 10;

/**
 * A commit that kept losing to concurrent writers. It says the platform is busy (503 with
 * Retry-After, as for an overloaded object) rather than that something broke.
 */
export class TooManyConflicts extends Error {
	override name = "TooManyConflicts";
	readonly overloaded = true;
}

/**
 * Runs `attempt` (plan from fresh reads, then commit) until it commits: after a CommitConflict it
 * waits (see above) and plans again; after a DuplicateOperation at once (the attempt replays what
 * the concurrent retry committed).
 */
export async function retryingConflicts<T>(attempt: () => Promise<T>): Promise<T> {
	const backoff = new ConflictBackoff();
	for (let tries = 1; ; tries++) {
		const started = Date.now();
		try {
			return await attempt();
		} catch (error) {
			if (error instanceof DuplicateOperation) continue;
			if (!(error instanceof CommitConflict)) throw error;
			if (tries >= MAX_ATTEMPTS) throw new TooManyConflicts("Too many concurrent changes to the same place.");
			await backoff.conflicted(Date.now() - started);
		}
	}
}
