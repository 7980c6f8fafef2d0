// What planning an operation produces, and the small rules every planner shares: where an item
// goes among its siblings, and how a conflict or a missing parent is reported.
import { fail, ok, type Result } from "../../shared/errors";
import { keyBetween } from "../../shared/ordering";
import type { Commit } from "./store";

/** What an operation will change, before it is committed. */
export type ChangeSet = Result<Pick<Commit, "boardId" | "changes" | "event">>;

/** A key that places an item right after `afterId` among `items` (sorted), or first when null. */
export function positionAfter(
	items: readonly { id: string; position: string }[],
	afterId: string | null,
): Result<string> {
	if (afterId === null) return ok(keyBetween(null, items[0]?.position ?? null));
	const index = items.findIndex((item) => item.id === afterId);
	const before = items[index];
	if (!before) return fail("not_found", "The item to place after is not there any more.");
	return ok(keyBetween(before.position, items[index + 1]?.position ?? null));
}

export function conflict(noun: string, current: unknown): Result<never> {
	return fail("version_conflict", `This ${noun} was changed by someone else. Reload it and try again.`, { current });
}

export function noList(): Result<never> {
	return fail("not_found", "No such list on this board.");
}

export function readOnly(): Result<never> {
	return fail("forbidden", "Viewers can read boards but not change them.");
}
