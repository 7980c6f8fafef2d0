// What planning an operation produces, and the small rules every planner shares: where an item
// goes among its siblings, and how a conflict or a missing parent is reported.

import type { Card } from "../../shared/api";
import { fail, ok, type Result } from "../../shared/errors";
import { keyBetween } from "../../shared/ordering";
import type { Commit, Expectation } from "./store";

/** What an operation will change, and what it relied on, before it is committed. */
export type ChangeSet = Result<Pick<Commit, "boardId" | "changes" | "expects" | "event">>;

/** A new position, and the two neighbours it was computed between (null: an open end). */
export interface Placement {
	position: string;
	after: string | null;
	before: string | null;
}

/** A key that places an item right after `afterId` among `items` (sorted), or first when null. */
export function positionAfter(
	items: readonly { id: string; position: string }[],
	afterId: string | null,
): Result<Placement> {
	const index = afterId === null ? -1 : items.findIndex((item) => item.id === afterId);
	if (afterId !== null && index === -1) return fail("not_found", "The item to place after is not there any more.");
	return ok(between(items[index]?.position ?? null, items[index + 1]?.position ?? null));
}

/** The position after the last of `positions` (sorted). */
export function positionAtEnd(last: string | null): Placement {
	return between(last, null);
}

function between(after: string | null, before: string | null): Placement {
	return { position: keyBetween(after, before), after, before };
}

/** The expectation that keeps a placement's key unique if siblings are written concurrently. */
export function gapFor(
	table: "lists" | "cards",
	parentId: string,
	placement: Placement,
	except: string | null,
): Expectation {
	return { gap: table, parentId, after: placement.after, before: placement.before, except };
}

/** What a change to a card relies on: nobody changed or archived it meanwhile. */
export function unchanged(card: Card): Expectation[] {
	return [
		{ version: "card", id: card.id, is: card.version },
		{ live: "card", id: card.id },
	];
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
