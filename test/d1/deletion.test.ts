// Deleting a tenant of the shared database removes its rows a bounded batch at a time, so a big
// tenant never hits D1's limits on one query, and leaves every other tenant's rows alone.
import { describe, expect, it } from "vitest";
import { admin, createTenant, uniqueSlug } from "../helpers/api";
import { deleteAndPurge } from "../helpers/fleet";
import { rowsLeft } from "../helpers/storage";
import { testEnv } from "./helpers";

/** Gives a tenant `count` cards on one board, written straight into the shared tables. */
async function fillWithCards(tenantId: string, count: number): Promise<void> {
	const db = testEnv.DB;
	const at = new Date().toISOString();
	await db.batch([
		db
			.prepare(
				"INSERT INTO boards (tenant_id, id, title, version, created_at, updated_at) VALUES (?, 'b_big', 'Big', 1, ?, ?)",
			)
			.bind(tenantId, at, at),
		db
			.prepare(
				"INSERT INTO lists (tenant_id, id, board_id, title, position, version) VALUES (?, 'l_big', 'b_big', 'All', 'a0', 1)",
			)
			.bind(tenantId),
	]);
	const insert = db.prepare(
		`INSERT INTO cards (tenant_id, id, board_id, list_id, title, description, position, version, created_by, created_at, updated_at)
		VALUES (?, ?, 'b_big', 'l_big', 'Card', '', ?, 1, 'u', ?, ?)`,
	);
	for (let start = 0; start < count; start += 100)
		await db.batch(
			Array.from({ length: Math.min(100, count - start) }, (_, i) =>
				insert.bind(tenantId, `c_${start + i}`, `a${start + i}`, at, at),
			),
		);
}

describe("deleting a tenant of the shared database", () => {
	it("removes more rows than one delete statement may touch, and nothing of another tenant", async () => {
		const big = await createTenant(uniqueSlug("big"));
		const neighbour = await createTenant(uniqueSlug("next"));
		await fillWithCards(big.id, 1_200);
		await fillWithCards(neighbour.id, 10);
		await deleteAndPurge(big.slug);
		expect(await rowsLeft(big.slug, big.id)).toBe(0);
		const left = await testEnv.DB.prepare("SELECT count(*) AS n FROM cards WHERE tenant_id = ?")
			.bind(neighbour.id)
			.first<{ n: number }>();
		expect(left?.n).toBe(10);
		expect((await admin(`/api/admin/tenants/${neighbour.slug}`)).status).toBe(200);
	});
});
