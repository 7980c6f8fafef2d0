// Search across a tenant's cards and comments, written once for both designs: one query through
// the Db interface, whose tenant markers vanish in the Durable Object's own database and become
// `tenant_id = ?1` on every table of the shared D1 one (the FTS5 index included). The index
// itself, and the triggers that keep it in step with every write, are in the schema
// (objects/tenant/search-schema.ts, migrations/0003_labels_assignees_search.sql).
//
// People type words, not FTS5 syntax: a query is turned into one FTS5 expression in which every
// word is a quoted string (so `don't`, `c++` or `title:x` are just words, never syntax or a
// column filter), with "quoted phrases", a trailing * for a prefix, and AND, OR and NOT between
// words kept as operators. The only queries refused (400) are empty ones, over-long ones and an
// unclosed quote; should FTS5 refuse an expression anyway, that is a 400 too, never a 500.
import type { SearchResult } from "../../shared/api";
import { fail, ok, type Result } from "../../shared/errors";
import { MATCH_END, MATCH_START, MAX_QUERY_LENGTH, SEARCH_LIMIT } from "../../shared/search";
import { characterCount } from "../../shared/text";
import type { Db } from "./db";

/**
 * Best matches first: bm25 with a title worth five times a description or comment. Archived
 * cards, cards of archived lists or boards, and their comments are left out here, not in the
 * index, so archiving and restoring never rewrite it.
 */
const SEARCH = `SELECT d.kind, d.ref_id, c.id AS card_id, c.title AS card_title, b.id AS board_id,
	b.title AS board_title, snippet(search_index, -1, ?, ?, '…', 16) AS snippet,
	bm25(search_index, 5.0, 1.0) AS rank
	FROM search_index
	JOIN search_docs d ON d.doc = search_index.rowid AND @tenant(d)
	JOIN cards c ON c.id = d.card_id AND @tenant(c)
	JOIN lists l ON l.id = c.list_id AND @tenant(l)
	JOIN boards b ON b.id = c.board_id AND @tenant(b)
	WHERE search_index MATCH ? AND @tenant(search_index) AND c.archived = 0 AND l.archived = 0 AND b.archived = 0
	ORDER BY rank, d.doc LIMIT ?`;

interface SearchRow {
	kind: string;
	ref_id: string;
	card_id: string;
	card_title: string;
	board_id: string;
	board_title: string;
	snippet: string;
	rank: number;
}

export async function search(db: Db, query: string): Promise<Result<SearchResult[]>> {
	const expression = toMatchExpression(query);
	if (!expression.ok) return expression;
	let rows: SearchRow[];
	try {
		rows = await db.all<SearchRow>(SEARCH, MATCH_START, MATCH_END, expression.value, SEARCH_LIMIT);
	} catch (error) {
		if (!/fts5/i.test(String(error))) throw error;
		return fail("bad_request", "That search could not be understood. Try plain words, or put a phrase in quotes.");
	}
	return ok(rows.map(toResult));
}

function toResult(row: SearchRow): SearchResult {
	const comment = row.kind === "comment";
	return {
		kind: comment ? "comment" : "card",
		boardId: row.board_id,
		boardTitle: row.board_title,
		cardId: row.card_id,
		cardTitle: row.card_title,
		commentId: comment ? row.ref_id : null,
		snippet: row.snippet,
		rank: Number(row.rank),
	};
}

const OPERATORS = new Set(["AND", "OR", "NOT"]);

/** A bare word, or the inside of a "quoted phrase". */
interface Token {
	text: string;
	quoted: boolean;
}

/** What a person typed as an FTS5 MATCH expression, or why it cannot be one. */
export function toMatchExpression(input: string): Result<string> {
	const query = input.trim();
	if (query === "") return fail("bad_request", "Type a word or two to search for.");
	if (characterCount(query) > MAX_QUERY_LENGTH)
		return fail("bad_request", `A search has at most ${MAX_QUERY_LENGTH} characters.`);
	if ((query.match(/"/g)?.length ?? 0) % 2 === 1)
		return fail("bad_request", 'A quote is not closed: end the phrase with another ".');
	const tokens: Token[] = [...query.matchAll(/"([^"]*)"|([^\s"]+)/g)].map(([, phrase, word]) =>
		phrase === undefined ? { text: word ?? "", quoted: false } : { text: phrase, quoted: true },
	);
	const isOperator = (token: Token | undefined) => token !== undefined && !token.quoted && OPERATORS.has(token.text);
	const parts: string[] = [];
	for (const [i, token] of tokens.entries()) {
		const afterTerm = parts.length > 0 && !OPERATORS.has(parts.at(-1) ?? "");
		const beforeTerm = tokens[i + 1] !== undefined && !isOperator(tokens[i + 1]);
		if (isOperator(token) && afterTerm && beforeTerm) {
			parts.push(token.text);
			continue;
		}
		const prefix = !token.quoted && token.text.length > 1 && token.text.endsWith("*");
		const words = prefix ? token.text.slice(0, -1) : token.text;
		if (words.trim() !== "") parts.push(`"${words.replaceAll('"', '""')}"${prefix ? "*" : ""}`);
	}
	// An operator is only kept with a term after it, but that term may have been an empty phrase.
	while (OPERATORS.has(parts.at(-1) ?? "")) parts.pop();
	return parts.length > 0 ? ok(parts.join(" ")) : fail("bad_request", "Type a word or two to search for.");
}
