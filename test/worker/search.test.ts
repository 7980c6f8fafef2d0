// Search across a tenant's cards and comments (SQLite FTS5 in both designs): ranked, with the
// matched words marked, never finding what is archived or what belongs to another tenant, and
// answering a query it cannot use with a clear 400.
import { describe, expect, it } from "vitest";
import type { SearchResult } from "../../shared/api";
import { highlightParts, MATCH_END, MATCH_START } from "../../shared/search";
import { call, tenantWithBoard } from "../helpers/api";
import { addCard, applyOp, syncedSocket } from "../helpers/board-ops";

async function search(slug: string, token: string, q: string): Promise<SearchResult[]> {
	const res = await call(`/api/t/${slug}/search?${new URLSearchParams({ q })}`, { token });
	if (res.status !== 200) throw new Error(`search ${q}: ${res.status} ${await res.text()}`);
	return ((await res.json()) as { results: SearchResult[] }).results;
}

async function comment(slug: string, cardId: string, token: string, body: string) {
	const res = await call(`/api/t/${slug}/cards/${cardId}/comments`, { method: "POST", json: { body }, token });
	return (await res.json()) as { id: string };
}

async function setDescription(slug: string, cardId: string, token: string, version: number, description: string) {
	await call(`/api/t/${slug}/cards/${cardId}`, { method: "PATCH", json: { version, description }, token });
}

async function searchable() {
	const setup = await tenantWithBoard();
	const { slug, token, board } = setup;
	const listId = board.lists[0]?.id ?? "";
	return { ...setup, listId, card: (title: string) => addCard(slug, board.id, listId, title, token) };
}

describe("search", () => {
	it("finds cards by title or description and comments by body, the best match first", async () => {
		const { slug, token, board, card } = await searchable();
		const titled = await card("Launch checklist");
		const described = await card("Budget");
		await setDescription(
			slug,
			described.id,
			token,
			1,
			"Numbers for the quarter. Also mentions the launch once, in passing.",
		);
		const discussed = await card("Venue");
		const note = await comment(slug, discussed.id, token, "The launch party needs a bigger room");
		await card("Unrelated");

		const results = await search(slug, token, "launch");
		expect(results.map((r) => [r.kind, r.cardId])).toEqual(
			expect.arrayContaining([
				["card", titled.id],
				["card", described.id],
				["comment", discussed.id],
			]),
		);
		expect(results).toHaveLength(3);
		expect(results[0]?.cardId).toBe(titled.id);
		expect(results.map((r) => r.rank)).toEqual([...results.map((r) => r.rank)].sort((a, b) => a - b));
		expect(results.find((r) => r.kind === "comment")).toMatchObject({
			boardId: board.id,
			boardTitle: board.title,
			cardTitle: "Venue",
			commentId: note.id,
		});
	});

	it("marks each matched word in the snippet, and finds words by their stem and without accents", async () => {
		const { slug, token, card } = await searchable();
		const launching = await card("Launching the café menu");
		const [hit] = await search(slug, token, "launch cafe");
		expect(hit?.cardId).toBe(launching.id);
		expect(hit?.snippet).toBe(`${MATCH_START}Launching${MATCH_END} the ${MATCH_START}café${MATCH_END} menu`);
		expect(highlightParts(hit?.snippet ?? "")).toEqual([
			{ text: "Launching", match: true },
			{ text: " the ", match: false },
			{ text: "café", match: true },
			{ text: " menu", match: false },
		]);
	});

	it("follows every edit: new words are found, old words and deleted comments are not", async () => {
		const { slug, token, card } = await searchable();
		const renamed = await card("Draft the memo");
		await call(`/api/t/${slug}/cards/${renamed.id}`, {
			method: "PATCH",
			json: { version: 1, title: "Final report" },
			token,
		});
		expect(await search(slug, token, "memo")).toEqual([]);
		expect((await search(slug, token, "report")).map((r) => r.cardId)).toEqual([renamed.id]);
		const note = await comment(slug, renamed.id, token, "zebra crossing");
		expect(await search(slug, token, "zebra")).toHaveLength(1);
		await call(`/api/t/${slug}/cards/${renamed.id}/comments/${note.id}`, { method: "DELETE", token });
		expect(await search(slug, token, "zebra")).toEqual([]);
	});

	it("does not find archived cards, cards of archived lists or boards, or their comments, until restored", async () => {
		const { slug, token, board, card, listId } = await searchable();
		const socket = await syncedSocket(slug, board.id, token);
		const alone = await card("Walrus alone");
		const listed = await card("Walrus listed");
		await comment(slug, listed.id, token, "walrus comment");
		expect(await search(slug, token, "walrus")).toHaveLength(3);

		await applyOp(socket, { type: "card.archive", boardId: board.id, cardId: alone.id });
		expect((await search(slug, token, "walrus")).map((r) => r.cardId)).toEqual([listed.id, listed.id]);
		await applyOp(socket, { type: "list.archive", boardId: board.id, listId });
		expect(await search(slug, token, "walrus")).toEqual([]);
		await applyOp(socket, { type: "list.restore", boardId: board.id, listId });
		expect(await search(slug, token, "walrus")).toHaveLength(2);
		await call(`/api/t/${slug}/boards/${board.id}`, { method: "PATCH", json: { archived: true }, token });
		expect(await search(slug, token, "walrus")).toEqual([]);
		await call(`/api/t/${slug}/boards/${board.id}`, { method: "PATCH", json: { archived: false }, token });
		expect(await search(slug, token, "walrus")).toHaveLength(2);
	});

	it("never returns another tenant's cards or comments, even when their words match", async () => {
		const ours = await searchable();
		const theirs = await searchable();
		const mine = await ours.card("Quarterly penguin census");
		await comment(ours.slug, mine.id, ours.token, "penguin numbers are up");
		const other = await theirs.card("Quarterly penguin census");
		await comment(theirs.slug, other.id, theirs.token, "penguin numbers are up");
		for (const [side, them] of [
			[ours, theirs],
			[theirs, ours],
		] as const) {
			const results = await search(side.slug, side.token, "penguin");
			expect(results).toHaveLength(2);
			expect(results.every((r) => r.boardId === side.board.id)).toBe(true);
			expect(JSON.stringify(results)).not.toContain(them.board.id);
		}
		// Another tenant's credential never reaches this tenant's index.
		expect((await call(`/api/t/${ours.slug}/search?q=penguin`, { token: theirs.token })).status).toBe(404);
	});

	it("answers a query it cannot use with a clear 400, never a 500", async () => {
		const { slug, token } = await searchable();
		const cases: [string, RegExp][] = [
			["", /Type a word/],
			["   ", /Type a word/],
			['"unfinished phrase', /quote is not closed/],
			["x".repeat(201), /at most 200 characters/],
		];
		for (const [q, message] of cases) {
			const res = await call(`/api/t/${slug}/search?${new URLSearchParams({ q })}`, { token });
			expect(res.status, q).toBe(400);
			expect(await res.json()).toMatchObject({
				error: { code: "bad_request", message: expect.stringMatching(message) },
			});
		}
		expect((await call(`/api/t/${slug}/search`, { token })).status).toBe(400);
	});

	it("reads what people type as words: punctuation, FTS syntax and column names are never syntax", async () => {
		const { slug, token, card } = await searchable();
		const plan = await card("Don't launch the C++ plan: title AND body");
		for (const q of [
			"don't",
			"c++",
			"title:launch",
			"plan*",
			'"launch the"',
			"launch AND plan",
			"NOT",
			"AND",
			"OR plan",
			"*",
		])
			expect((await call(`/api/t/${slug}/search?${new URLSearchParams({ q })}`, { token })).status, q).toBe(200);
		expect((await call(`/api/t/${slug}/search?q=%22%22`, { token })).status).toBe(400);
		expect((await search(slug, token, "launch OR nothing")).map((r) => r.cardId)).toEqual([plan.id]);
		expect(await search(slug, token, "launch NOT plan")).toEqual([]);
		expect((await search(slug, token, "pla*")).map((r) => r.cardId)).toEqual([plan.id]);
		expect(await search(slug, token, '"plan launch"')).toEqual([]);
	});

	it("is open to every member, viewers included", async () => {
		const { slug, token, board } = await tenantWithBoard("viewer");
		expect(await search(slug, token, "anything")).toEqual([]);
		expect(board.id).toBeTruthy();
	});
});
