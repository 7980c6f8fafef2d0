// Committing a change that is planned outside the board operations (attachments), with the same
// rule as operations: on a shared database another Worker may get in between the reads and the
// commit, and then the change is planned again from fresh reads.
import type { CommittedEvent } from "../../shared/protocol";
import { retryingConflicts } from "./conflict-backoff";
import type { BoardStore, Commit } from "./store";

/** Plans (undefined: nothing to do) and commits, planning again after a CommitConflict. */
export function commitWithRetry(
	store: BoardStore,
	plan: () => Promise<Commit | undefined>,
): Promise<CommittedEvent | undefined> {
	return retryingConflicts(async () => {
		const commit = await plan();
		return commit ? store.commit(commit) : undefined;
	});
}
