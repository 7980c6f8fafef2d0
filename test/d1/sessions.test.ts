// The store runs over a D1 session as well as over the database: the Sessions API is how reads go
// to a nearby replica while a client still sees its own writes (the bookmark it carries).
import { describe, expect, it } from "vitest";
import { createBoard } from "../../objects/domain/operations";
import { D1BoardStore } from "../../worker/d1/board-store";
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
