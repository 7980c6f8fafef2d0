// Fractional ordering keys: a card moves by taking a key between its new neighbours,
// so no other row is renumbered and concurrent moves converge once the server orders them.

const DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";
const BASE = DIGITS.length;

function digit(key: string, i: number): number {
	return i < key.length ? DIGITS.indexOf(key.charAt(i)) : 0;
}

/**
 * A key strictly between `before` and `after` (either may be null for an open end).
 * Keys are base-36 fractions read left to right; they never end in "0", so there is
 * always room between two of them.
 */
export function keyBetween(before: string | null, after: string | null): string {
	const low = before ?? "";
	if (after !== null && low >= after) throw new Error(`keyBetween: ${low} is not before ${after}`);
	let result = "";
	for (let i = 0; ; i++) {
		const lo = digit(low, i);
		const hi = after === null ? BASE : i < after.length ? digit(after, i) : BASE;
		if (hi - lo > 1) return result + DIGITS.charAt(Math.floor((lo + hi) / 2));
		// No room at this digit: keep the lower digit and look further right. Once we are
		// past the point where `after` is strictly greater, the upper bound opens up.
		result += DIGITS.charAt(lo);
		if (after !== null && hi > lo) after = null;
	}
}

/** The key that places an item after the last of `keys` (sorted ascending). */
export function keyAfterLast(keys: readonly string[]): string {
	return keyBetween(keys.at(-1) ?? null, null);
}
