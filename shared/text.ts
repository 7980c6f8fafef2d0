// Text fields as they will be stored. SQLite keeps UTF-8, so a lone UTF-16 surrogate (which JSON
// can carry as "\ud800") would be stored as a three-byte replacement character: such strings are
// refused rather than silently changed. Lengths count characters (code points), as people and
// SQLite's length() do, not UTF-16 code units.
import { z } from "zod";

/** True when `text` holds no unpaired surrogate, i.e. it survives a round trip through UTF-8. */
export function isWellFormed(text: string): boolean {
	return !/\p{Cs}/u.test(text);
}

/** Characters as a person counts them: an emoji is one, not two. */
export function characterCount(text: string): number {
	let count = 0;
	for (const _ of text) count += 1;
	return count;
}

/** UTF-8 size of a string, without allocating its bytes. */
export function utf8Length(text: string): number {
	let bytes = 0;
	for (const char of text) {
		const code = char.codePointAt(0) ?? 0;
		bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
	}
	return bytes;
}

/** A trimmed, well-formed string of `min` to `max` characters. */
export function storedText(max: number, { min = 0, what = "This text" }: { min?: number; what?: string } = {}) {
	return (
		z
			.string()
			.trim()
			.refine(isWellFormed, `${what} is not valid Unicode text.`)
			.refine((s) => characterCount(s) >= min, min === 1 ? `${what} cannot be empty.` : `${what} is too short.`)
			.refine((s) => characterCount(s) <= max, `${what} has at most ${max} characters.`)
			// The limits, for the OpenAPI document: JSON Schema counts characters as code points too.
			.meta(min > 0 ? { minLength: min, maxLength: max } : { maxLength: max })
	);
}
