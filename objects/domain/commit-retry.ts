// Committing a change that is planned outside the board operations (attachments), with the same
// rule as operations: on a shared database another Worker may get in between the reads and the
// commit, and then the change is planned again from fresh reads.
import type { CommittedEvent } from "../../shared/protocol";
import { type BoardStore, type Commit, CommitConflict } from "./store";

const MAX_ATTEMPTS = 5;

/** Plans (undefined: nothing to do) and commits, planning again after a CommitConflict. */
export async function commitWithRetry(
	store: BoardStore,
	plan: () => Promise<Commit | undefined>,
): Promise<CommittedEvent | undefined> {
	for (let attempt = 1; ; attempt++) {
		const commit = await plan();
		if (!commit) return undefined;
		try {
			return await store.commit(commit);
		} catch (error) {
			if (!(error instanceof CommitConflict) || attempt >= MAX_ATTEMPTS) throw error;
		}
	}
}
