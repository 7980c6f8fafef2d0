// A schema rollout in the Durable Object design: one queued job per tenant, each waking the
// tenant's object to migrate it; a tenant whose migration keeps failing is retried, then parked
// in the dead-letter queue and counted as failed, with the reason, while the rest finish.
import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { directoryFor } from "../../objects/directory/client";
import { LATEST_VERSION, MIGRATIONS } from "../../objects/tenant/migrations";
import type { Rollout } from "../../shared/fleet";
import { admin, createTenant, uniqueSlug } from "../helpers/api";
import { eventually } from "../helpers/billing";
import { rolloutStatus } from "../helpers/fleet";
import { tenantSql } from "../helpers/storage";

/** What the operator's listing says about a tenant's schema. */
async function listedVersion(slug: string): Promise<number | undefined> {
	return runInDurableObject(directoryFor(env, slug), (_instance, state) => {
		const row = state.storage.sql.exec("SELECT schema_version AS v FROM tenants WHERE slug = ?", slug).toArray()[0];
		return row ? Number(row.v) : undefined;
	});
}

/**
 * Puts a tenant back one schema version: drops what the latest step created (tables, indexes,
 * triggers, added columns) and forgets it was applied, whatever that step is.
 */
async function undoLatestStep(slug: string): Promise<void> {
	const latest = MIGRATIONS.at(-1);
	const undo: string[] = [];
	for (const statement of latest?.statements ?? []) {
		const created = statement.match(/^CREATE (?:VIRTUAL )?(TABLE|INDEX|TRIGGER) (\w+)/);
		if (created) undo.unshift(`DROP ${created[1]} IF EXISTS ${created[2]}`);
		const added = statement.match(/^ALTER TABLE (\w+) ADD COLUMN (\w+)/);
		if (added) undo.push(`ALTER TABLE ${added[1]} DROP COLUMN ${added[2]}`);
	}
	for (const statement of undo) await tenantSql(slug, statement);
	await tenantSql(slug, "DELETE FROM schema_migrations WHERE version = ?", LATEST_VERSION);
}

describe("schema rollouts across the fleet", () => {
	it("migrates every tenant, and parks the one whose migration keeps failing as failed", async () => {
		const slugs: string[] = [];
		for (let i = 0; i < 12; i++) slugs.push((await createTenant(uniqueSlug("fleet"))).slug);
		const [behind = "", broken = ""] = slugs;
		// One tenant is a version behind (its last step undone), and the listing says so.
		await undoLatestStep(behind);
		await runInDurableObject(directoryFor(env, behind), (_instance, state) =>
			state.storage.sql.exec("UPDATE tenants SET schema_version = ? WHERE slug = ?", LATEST_VERSION - 1, behind),
		);
		// Another forgot it applied the last step, so running it again fails every time.
		await tenantSql(broken, "DELETE FROM schema_migrations WHERE version = ?", LATEST_VERSION);

		const res = await admin("/api/admin/rollouts", { method: "POST" });
		expect(res.status).toBe(202);
		const { id } = (await res.json()) as { id: string };
		let rollout: Rollout | undefined;
		await eventually(async () => {
			rollout = await rolloutStatus(id);
			return rollout.remaining === 0;
		}, 90_000);

		expect(rollout).toMatchObject({ targetVersion: LATEST_VERSION, remaining: 0 });
		expect(rollout?.finishedAt).not.toBeNull();
		expect(rollout?.total).toBeGreaterThanOrEqual(slugs.length);
		expect((rollout?.done ?? 0) + (rollout?.failed ?? 0) + (rollout?.skipped ?? 0)).toBe(rollout?.total);
		// The broken tenant: its first attempt and max_retries (3) more, then the dead-letter queue.
		const failure = rollout?.failures.find((f) => f.slug === broken);
		expect(failure).toMatchObject({ attempts: 4 });
		expect(failure?.reason).toMatch(/already exists|duplicate column/);
		expect(rollout?.failures.map((f) => f.slug)).not.toContain(behind);
		// The tenant that was behind is migrated, and the control plane recorded it.
		expect(await listedVersion(behind)).toBe(LATEST_VERSION);
		expect(await (await admin(`/api/admin/tenants/${behind}`)).json()).toMatchObject({ schemaVersion: LATEST_VERSION });
		for (const slug of slugs.slice(2)) expect(await listedVersion(slug)).toBe(LATEST_VERSION);
	}, 120_000);

	it("answers 404 for an unknown rollout", async () => {
		const res = await admin("/api/admin/rollouts/r_nothing");
		expect(res.status).toBe(404);
		expect(await res.json()).toMatchObject({ error: { code: "not_found" } });
	});
});
