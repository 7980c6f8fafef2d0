// Point-in-time restore of a tenant object: SQLite-backed Durable Objects keep 30 days of history.
// getBookmarkForTime finds the database's state at a moment, onNextSessionRestoreBookmark makes
// the object come back in that state next time it starts, and abort() restarts it now. The
// local runtime (wrangler dev, the tests) does not keep that history: there the methods are
// missing or throw, and the operator hears 501 rather than a restore that did not happen.
import { fail, ok, type Result } from "../../shared/errors";

export interface RestoreReceipt {
	/** The state the object comes back in. */
	bookmark: string;
	/** The state it had just before: restoring to this bookmark undoes the restore. */
	undoBookmark: string;
}

export async function restoreToTime(ctx: DurableObjectState, at: number): Promise<Result<RestoreReceipt>> {
	const storage = ctx.storage as Partial<DurableObjectStorage>;
	if (typeof storage.getBookmarkForTime !== "function" || typeof storage.onNextSessionRestoreBookmark !== "function")
		return notHere("this runtime has no point-in-time recovery");
	let bookmark: string;
	try {
		bookmark = await storage.getBookmarkForTime(at);
	} catch (error) {
		return notHere(error instanceof Error ? error.message : String(error));
	}
	const undoBookmark = await storage.onNextSessionRestoreBookmark(bookmark);
	// Restart after this answer has left: aborting now would fail the call that asked for it.
	setTimeout(() => ctx.abort("Restoring to an earlier point in time"), 0);
	return ok({ bookmark, undoBookmark });
}

function notHere(why: string): Result<never> {
	return fail(
		"not_implemented",
		`Point-in-time restore needs Cloudflare's Durable Object storage; the local runtime does not keep history (${why}).`,
	);
}
