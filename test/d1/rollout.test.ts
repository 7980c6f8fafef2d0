// A schema rollout in the D1 design: the schema is the shared database's, so there is nothing to do
// per tenant. The rollout says so, and counts every tenant done at once.
import { describe, expect, it } from "vitest";
import { admin, createTenant, uniqueSlug } from "../helpers/api";
import { rolloutStatus } from "../helpers/fleet";
import { testEnv } from "./helpers";

describe("a schema rollout in the D1 design", () => {
	it("completes at once with every tenant done, at the database's migration count", async () => {
		for (let i = 0; i < 3; i++) await createTenant(uniqueSlug("d1-fleet"));
		const tenants = await testEnv.DB.prepare("SELECT count(*) AS n FROM tenants WHERE status != 'deleting'").first<{
			n: number;
		}>();
		const migrations = await testEnv.DB.prepare("SELECT count(*) AS n FROM d1_migrations").first<{ n: number }>();
		const res = await admin("/api/admin/rollouts", { method: "POST" });
		expect(res.status).toBe(202);
		const rollout = await rolloutStatus(((await res.json()) as { id: string }).id);
		expect(rollout).toMatchObject({ remaining: 0, failed: 0, targetVersion: migrations?.n });
		expect(rollout.done).toBeGreaterThanOrEqual(tenants?.n ?? 0);
		expect(rollout.finishedAt).not.toBeNull();
		expect(rollout.note).toMatch(/wrangler d1 migrations apply/);
	});
});
