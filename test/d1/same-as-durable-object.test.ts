// The D1 store is the Durable Object's store with tenant_id on every row: the same script of board
// operations, played by the real domain against each, leaves the same events and the same board.
import { runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { newId } from "../../objects/domain/ids";
import type { BoardStore } from "../../objects/domain/store";
import { migrate } from "../../objects/tenant/migrations";
import { Sql } from "../../objects/tenant/sql";
import { SqliteDb } from "../../objects/tenant/sqlite-db";
import { SqliteBoardStore } from "../../objects/tenant/sqlite-store";
import { D1Db } from "../../worker/d1/d1-db";
import { ALICE, normalise, playScript } from "./board-script";
import { storeFor, testEnv } from "./helpers";

/** The script against a fresh tenant object's own SQLite, through the Durable Object's store. */
function playInDurableObject(): ReturnType<typeof playScript> {
	const stub = testEnv.Tenant.getByName(newId("d1-compare"));
	return runInDurableObject(stub, async (_instance, state) => {
		const sql = new Sql(state.storage);
		migrate(state.storage, sql);
		sql.run(
			"INSERT INTO members (id, email, name, role, password_hash, created_at) VALUES (?, ?, ?, 'owner', 'x', 'now')",
			ALICE.userId,
			"alice@acme.test",
			ALICE.name,
		);
		const hooks = { ledger: async () => [], after() {}, failed() {} };
		const db = new SqliteDb(sql, state.storage);
		const store: BoardStore = new SqliteBoardStore(sql, db, state.storage, hooks);
		return playScript(store, db);
	});
}

/** The script against a fresh tenant of the shared D1 database. */
async function playInD1(): ReturnType<typeof playScript> {
	const tenantId = newId("t");
	await testEnv.DB.prepare(
		"INSERT INTO members (tenant_id, id, email, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, 'owner', 'x', 'now')",
	)
		.bind(tenantId, ALICE.userId, "alice@acme.test", ALICE.name)
		.run();
	return playScript(storeFor(tenantId), new D1Db(testEnv.DB, () => tenantId));
}

describe("the D1 store behaves like the Durable Object's store", () => {
	it("the same operations leave the same events, snapshot, card, activity and replays", async () => {
		const [inObject, inD1] = await Promise.all([playInDurableObject(), playInD1()]);
		expect(normalise(inD1)).toEqual(normalise(inObject));
	});

	it("the script exercises every kind of outcome, not just successes", async () => {
		const { outcomes, board, cardA, events, cardBAfter, searches, archivedBoards, archive } = await playInD1();
		expect(outcomes).toContainEqual("version_conflict");
		expect(outcomes).toContainEqual("idempotency_key_reused");
		expect(outcomes).toContainEqual("not_found");
		expect(outcomes).toContainEqual({ replayed: true, seq: expect.any(Number) });
		expect(board?.lists.map((l) => l.title)).toEqual(["Someday", "To do", "Doing", "Done"]);
		expect(board?.cards.map((c) => c.title)).toEqual(["Pick a name", "Write the brief (v2)"]);
		expect(cardA?.comments.map((c) => c.body)).toEqual(["Reviewed."]);
		expect(cardA?.commentCount).toBe(1);
		expect(outcomes).toContainEqual("conflict");
		expect(board?.labels.map((l) => [l.name, l.color, l.version])).toEqual([["Blocker", "red", 2]]);
		expect(cardA?.labelIds).toEqual([board?.labels[0]?.id]);
		expect(cardA?.assigneeIds).toEqual([ALICE.userId]);
		expect(cardBAfter).toMatchObject({ labelIds: [], dueDate: "2030-01-31", comments: [], commentCount: 0 });
		expect(archivedBoards.archived.map((b) => b.id)).toEqual([board?.id]);
		expect(archivedBoards.live).toEqual([]);
		expect(archive.cards.map((c) => c.title)).toEqual(["Book a room"]);
		expect(searches?.brief).toEqual([expect.objectContaining({ kind: "card", cardTitle: "Write the brief (v2)" })]);
		expect(searches?.archived).toEqual([]);
		expect(events?.map((e) => e.seq)).toEqual(events?.map((_, i) => i + 1));
		expect(events?.map((e) => e.prevSeq)).toEqual(events?.map((_, i) => i));
	});
});
