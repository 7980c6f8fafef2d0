// Ordering keys for lists and cards. A card moves by taking a key between its new neighbours, so
// no other row is renumbered and concurrent moves converge once the server orders them. The keys
// come from `fractional-indexing` (Rocicorp's implementation of the scheme Figma described): an
// integer head that grows by one character per ~50 appends, then a fraction, so a list of 10,000
// cards appended one after another still has keys of four characters.
import { generateKeyBetween, generateNKeysBetween } from "fractional-indexing";

/** A key strictly between `before` and `after` (null for an open end). */
export function keyBetween(before: string | null, after: string | null): string {
	// The library accepts its bounds in either order; a caller that gets them backwards has a bug.
	if (before !== null && after !== null && before >= after)
		throw new Error(`keyBetween: ${before} is not before ${after}`);
	return generateKeyBetween(before, after);
}

/** The key that places an item after the last of `keys` (sorted ascending). */
export function keyAfterLast(keys: readonly string[]): string {
	return keyBetween(keys.at(-1) ?? null, null);
}

/** `count` evenly spread keys in order: what a migration uses to renumber a list from scratch. */
export function evenKeys(count: number): string[] {
	return generateNKeysBetween(null, null, count);
}
