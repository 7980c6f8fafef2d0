import { describe, expect, it } from "vitest";
import { call, tenantWithBoard } from "../helpers/api";

async function cardCount(slug: string, boardId: string, token: string): Promise<number> {
	const detail = (await (await call(`/api/t/${slug}/boards/${boardId}`, { token })).json()) as { cards: unknown[] };
	return detail.cards.length;
}

describe("bad input gets a clear JSON error and changes nothing", () => {
	it("malformed JSON is a 400", async () => {
		const { slug, token, board } = await tenantWithBoard();
		const res = await call(`/api/t/${slug}/boards/${board.id}/cards`, {
			method: "POST",
			body: "{not json",
			headers: { "content-type": "application/json" },
			token,
		});
		expect(res.status).toBe(400);
		expect(await res.json()).toMatchObject({ error: { code: "invalid_json" } });
		expect(await cardCount(slug, board.id, token)).toBe(0);
	});

	it("a schema violation is a 422 that says which field", async () => {
		const { slug, token, board } = await tenantWithBoard();
		const res = await call(`/api/t/${slug}/boards/${board.id}/cards`, {
			method: "POST",
			json: { listId: board.lists[0]?.id, title: "" },
			token,
		});
		expect(res.status).toBe(422);
		const body = (await res.json()) as { error: { code: string; message: string } };
		expect(body.error.code).toBe("validation_failed");
		expect(body.error.message).toMatch(/title/);
		expect(await cardCount(slug, board.id, token)).toBe(0);
	});

	it("a body that is not JSON at all is refused with 415", async () => {
		const { slug, token } = await tenantWithBoard();
		const res = await call(`/api/t/${slug}/boards`, {
			method: "POST",
			body: "title=x",
			headers: { "content-type": "application/x-www-form-urlencoded" },
			token,
		});
		expect(res.status).toBe(415);
	});

	it("an oversized body is refused with 413", async () => {
		const { slug, token, board } = await tenantWithBoard();
		const res = await call(`/api/t/${slug}/boards/${board.id}/cards`, {
			method: "POST",
			json: { listId: "x", title: "t", description: "x".repeat(100_000) },
			token,
		});
		expect(res.status).toBe(413);
		expect(await cardCount(slug, board.id, token)).toBe(0);
	});
});
