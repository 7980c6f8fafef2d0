// The store runs over a D1 session as well as over the database: the Sessions API is how reads go
// to a nearby replica while a client still sees its own writes (the bookmark it carries).
import { describe, expect, it } from "vitest";
import { createBoard } from "../../objects/domain/operations";
import { D1BoardStore } from "../../worker/d1/board-store";
import { call, tenantWithBoard } from "../helpers/api";
import { createTenant, testEnv } from "./helpers";

describe("a store over a D1 session", () => {
	it("commits, reads its own write, and hands on a bookmark from which another session sees it", async () => {
		const { tenantId, owner } = await createTenant();
		const session = testEnv.DB.withSession("first-primary");
		const created = await createBoard(new D1BoardStore(session, tenantId), owner, "Over a session", null, 10);
		if (!created.ok) throw new Error(`createBoard: ${created.code}`);
		const bookmark = session.getBookmark();
		expect(bookmark).toEqual(expect.any(String));
		const later = new D1BoardStore(testEnv.DB.withSession(bookmark ?? "first-primary"), tenantId);
		expect(await later.boardDetail(created.value.id)).toMatchObject({ title: "Over a session", seq: 1 });
	});
});

describe("the bookmark over HTTP", () => {
	it("every answer hands the client a bookmark, and a write's bookmark is never older than the read before it", async () => {
		const { slug, token, board } = await tenantWithBoard();
		const read = await call(`/api/t/${slug}/boards/${board.id}`, { token });
		const first = read.headers.get("x-d1-bookmark");
		expect(first).toEqual(expect.any(String));
		const write = await call(`/api/t/${slug}/boards/${board.id}/cards`, {
			method: "POST",
			json: { listId: board.lists[0]?.id, title: "Mine" },
			headers: { "x-d1-bookmark": first ?? "" },
			token,
		});
		const second = write.headers.get("x-d1-bookmark") ?? "";
		// Bookmarks compare as strings in commit order: the write's is at or after the read's.
		expect(second >= (first ?? "")).toBe(true);
		const mine = await call(`/api/t/${slug}/boards/${board.id}`, { token, headers: { "x-d1-bookmark": second } });
		expect(((await mine.json()) as { cards: { title: string }[] }).cards.map((c) => c.title)).toContain("Mine");
	});
});
