// What people type into the search box, as the FTS5 expression the index is asked: words are
// always quoted (never syntax), phrases and prefixes are kept, and AND, OR and NOT work only
// between words.
import { describe, expect, it } from "vitest";
import { toMatchExpression } from "../../objects/domain/search";

const expression = (q: string) => {
	const result = toMatchExpression(q);
	return result.ok ? result.value : `400: ${result.message}`;
};

describe("turning a search into an FTS5 expression", () => {
	it("quotes every word, so punctuation and column names are words", () => {
		expect(expression("launch plan")).toBe('"launch" "plan"');
		expect(expression("don't c++ title:x")).toBe('"don\'t" "c++" "title:x"');
	});

	it("keeps quoted phrases and trailing-star prefixes", () => {
		expect(expression('"launch plan" road*')).toBe('"launch plan" "road"*');
		expect(expression("* a")).toBe('"*" "a"');
	});

	it("keeps AND, OR and NOT between words, and reads them as words anywhere else", () => {
		expect(expression("cats OR dogs")).toBe('"cats" OR "dogs"');
		expect(expression("cats NOT dogs")).toBe('"cats" NOT "dogs"');
		expect(expression("NOT dogs")).toBe('"NOT" "dogs"');
		expect(expression("cats OR")).toBe('"cats" "OR"');
		expect(expression("cats AND OR dogs")).toBe('"cats" "AND" OR "dogs"');
		expect(expression("cats or dogs")).toBe('"cats" "or" "dogs"');
		expect(expression('cats AND ""')).toBe('"cats"');
	});

	it("refuses what cannot be a search, saying why", () => {
		expect(expression("")).toMatch(/^400: Type a word/);
		expect(expression('  "" ')).toMatch(/^400: Type a word/);
		expect(expression('"open')).toMatch(/^400: A quote is not closed/);
		expect(expression("é".repeat(201))).toMatch(/^400: A search has at most 200/);
		expect(expression("é".repeat(200))).not.toMatch(/^400/);
	});
});
