// How search results mark the words that matched. A snippet is plain text in which each match
// sits between MATCH_START and MATCH_END: two control characters, never HTML, so a client that
// renders a snippet cannot be tricked into rendering a card's text as markup (split on the
// markers and show the parts as text). Plain values, no zod, for the board page's top bar.

export const MATCH_START = "\u0002";
export const MATCH_END = "\u0003";

/** Results per search: the best matches first. */
export const SEARCH_LIMIT = 50;
/** The longest query, in characters. */
export const MAX_QUERY_LENGTH = 200;

/** A snippet as parts to show in order, the matched ones flagged. */
export function highlightParts(snippet: string): { text: string; match: boolean }[] {
	const parts: { text: string; match: boolean }[] = [];
	for (const [i, piece] of snippet.split(MATCH_START).entries()) {
		const [matched, rest] = i === 0 ? [null, piece] : splitOnce(piece, MATCH_END);
		if (matched) parts.push({ text: matched, match: true });
		if (rest) parts.push({ text: rest, match: false });
	}
	return parts;
}

function splitOnce(text: string, separator: string): [string, string] {
	const at = text.indexOf(separator);
	return at === -1 ? [text, ""] : [text.slice(0, at), text.slice(at + separator.length)];
}
