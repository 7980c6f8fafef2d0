import { describe, expect, it } from "vitest";
import type { Tenant } from "../../shared/api";
import { addMember, admin, call, createTenant, signIn, uniqueSlug } from "../helpers/api";
import { deleteAndPurge, purged } from "../helpers/fleet";
import { rowsLeft } from "../helpers/storage";

describe("admin API", () => {
	it("refuses callers without the admin token, or with a wrong one, with 401", async () => {
		expect((await call("/api/admin/tenants")).status).toBe(401);
		const wrong = await call("/api/admin/tenants", { token: "not-the-token" });
		expect(wrong.status).toBe(401);
		expect(await wrong.json()).toMatchObject({ error: { code: "unauthenticated" } });
		const create = await call("/api/admin/tenants", {
			method: "POST",
			json: { slug: uniqueSlug(), name: "X" },
			token: "nope",
		});
		expect(create.status).toBe(401);
	});

	it("creates a tenant that starts active on its plan", async () => {
		const slug = uniqueSlug();
		const tenant = await createTenant(slug, "free");
		expect(tenant).toMatchObject({ slug, plan: "free", status: "active" });
		expect(tenant.id).toMatch(/^t_/);
	});

	it("answers 409 when the slug is taken", async () => {
		const tenant = await createTenant();
		const again = await admin("/api/admin/tenants", { method: "POST", json: { slug: tenant.slug, name: "Again" } });
		expect(again.status).toBe(409);
		expect(await again.json()).toMatchObject({ error: { code: "slug_taken" } });
	});

	it.each([
		["too short", "ab"],
		["upper case", "Acme"],
		["reserved", "admin"],
		["spaces", "my team"],
		["trailing hyphen", "acme-"],
	])("rejects a %s slug with a clear 400", async (_why, slug) => {
		const res = await admin("/api/admin/tenants", { method: "POST", json: { slug, name: "X" } });
		expect(res.status).toBe(400);
		const body = (await res.json()) as { error: { code: string; message: string } };
		expect(body.error.code).toBe("invalid_slug");
		expect(body.error.message.length).toBeGreaterThan(10);
	});

	it("lists every tenant exactly once across pages and shards", async () => {
		const slugs = new Set<string>();
		for (let i = 0; i < 7; i++) slugs.add((await createTenant(uniqueSlug("list"))).slug);
		const seen: string[] = [];
		let cursor: string | null = null;
		for (let page = 0; page < 100; page++) {
			const query: string = cursor ? `?limit=3&cursor=${encodeURIComponent(cursor)}` : "?limit=3";
			const body = (await (await admin(`/api/admin/tenants${query}`)).json()) as {
				tenants: Tenant[];
				cursor: string | null;
			};
			expect(body.tenants.length).toBeLessThanOrEqual(3);
			seen.push(...body.tenants.map((t) => t.slug));
			cursor = body.cursor;
			if (!cursor) break;
		}
		expect(seen.filter((s) => slugs.has(s)).sort()).toEqual([...slugs].sort());
		expect(new Set(seen).size).toBe(seen.length);
	});

	it("answers a cursor it did not hand out with a clear 400", async () => {
		const res = await admin("/api/admin/tenants?cursor=not-a-cursor");
		expect(res.status).toBe(400);
		expect(await res.json()).toMatchObject({ error: { code: "bad_request" } });
	});

	it("shows a tenant with its plan, status, schema version and usage", async () => {
		const tenant = await createTenant();
		await addMember(tenant.slug, "ann@example.test", "owner");
		const res = await admin(`/api/admin/tenants/${tenant.slug}`);
		expect(res.status).toBe(200);
		expect(await res.json()).toMatchObject({
			slug: tenant.slug,
			plan: "team",
			status: "active",
			usage: { members: 1, boards: 0 },
		});
	});

	it("changes the plan and answers 404 for an unknown tenant", async () => {
		const tenant = await createTenant(uniqueSlug(), "free");
		const res = await admin(`/api/admin/tenants/${tenant.slug}`, { method: "PATCH", json: { plan: "business" } });
		expect(res.status).toBe(200);
		expect(await res.json()).toMatchObject({ plan: "business" });
		// Both places an operator reads it: the tenant itself, and the directory's listing.
		expect(await (await admin(`/api/admin/tenants/${tenant.slug}`)).json()).toMatchObject({ plan: "business" });
		expect(await findListed(tenant.slug)).toMatchObject({ plan: "business" });

		const missing = await admin(`/api/admin/tenants/${uniqueSlug("ghost")}`);
		expect(missing.status).toBe(404);
		expect(await missing.json()).toMatchObject({ error: { code: "not_found" } });
	});

	it("a tenant's first board shows as its last activity in the operator's listing", async () => {
		const tenant = await createTenant(uniqueSlug("active"));
		await addMember(tenant.slug, "first@example.test", "owner");
		const { token } = await signIn(tenant.slug, "first@example.test");
		await call(`/api/t/${tenant.slug}/boards`, { method: "POST", json: { title: "First" }, token });
		const listed = async () => (await findListed(tenant.slug))?.lastActiveAt ?? null;
		const deadline = Date.now() + 5000;
		while ((await listed()) === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
		expect(await listed()).not.toBeNull();
	});

	it("rejects a PATCH that changes nothing or names an unknown status", async () => {
		const tenant = await createTenant();
		expect((await admin(`/api/admin/tenants/${tenant.slug}`, { method: "PATCH", json: {} })).status).toBe(422);
		expect(
			(await admin(`/api/admin/tenants/${tenant.slug}`, { method: "PATCH", json: { status: "gone" } })).status,
		).toBe(422);
	});

	it("adds members and refuses a duplicate email", async () => {
		const tenant = await createTenant();
		const member = await addMember(tenant.slug, "dup@example.test", "member");
		expect(member).toMatchObject({ email: "dup@example.test", role: "member" });
		const again = await admin(`/api/admin/tenants/${tenant.slug}/members`, {
			method: "POST",
			json: { email: "dup@example.test", password: "another password", role: "viewer" },
		});
		expect(again.status).toBe(409);
	});

	it("deletes a tenant so that nothing of it remains, and deleting twice is fine", async () => {
		const tenant = await createTenant();
		await addMember(tenant.slug, "gone@example.test", "owner");
		const { token } = await signIn(tenant.slug, "gone@example.test");
		await call(`/api/t/${tenant.slug}/boards`, { method: "POST", json: { title: "Doomed" }, token });

		// Refused at once; purged by the fleet queue a moment later.
		const first = await admin(`/api/admin/tenants/${tenant.slug}`, { method: "DELETE" });
		expect(first.status).toBe(202);
		expect(await first.json()).toMatchObject({ slug: tenant.slug, status: "deleting" });
		expect((await call(`/api/t/${tenant.slug}/boards`, { token })).status).toBe(404);
		expect((await admin(`/api/admin/tenants/${tenant.slug}`, { method: "DELETE" })).status).toBe(202);
		await purged(tenant.slug);
		expect((await admin(`/api/admin/tenants/${tenant.slug}`, { method: "DELETE" })).status).toBe(204);

		expect((await call(`/api/t/${tenant.slug}/boards`, { token })).status).toBe(404);
		expect(await rowsLeft(tenant.slug, tenant.id)).toBe(0);
		expect(await findListed(tenant.slug)).toBeUndefined();
	});

	it("a tenant being deleted refuses sign-in, changes and new members", async () => {
		const tenant = await createTenant();
		await addMember(tenant.slug, "leaving@example.test", "owner");
		await admin(`/api/admin/tenants/${tenant.slug}`, { method: "DELETE" });
		const signInRes = await call(`/api/t/${tenant.slug}/session`, {
			method: "POST",
			json: { email: "leaving@example.test", password: "correct horse battery" },
		});
		// Whether the purge already ran or not, the answer is the same as for no tenant at all.
		expect(signInRes.status).toBe(401);
		const patch = await admin(`/api/admin/tenants/${tenant.slug}`, { method: "PATCH", json: { plan: "free" } });
		expect([404, 409]).toContain(patch.status);
		const member = await admin(`/api/admin/tenants/${tenant.slug}/members`, {
			method: "POST",
			json: { email: "late@example.test", password: "late password", role: "member" },
		});
		expect([404, 409]).toContain(member.status);
		await purged(tenant.slug);
	});

	it("a slug can be taken again after its tenant is deleted, and old sessions do not carry over", async () => {
		const slug = uniqueSlug("reborn");
		await createTenant(slug);
		await addMember(slug, "first@example.test", "owner");
		const old = await signIn(slug, "first@example.test");
		await deleteAndPurge(slug);
		await createTenant(slug);
		await addMember(slug, "first@example.test", "owner");
		expect((await call(`/api/t/${slug}/boards`, { token: old.token })).status).toBe(401);
	});
});

/** The tenant as the listing shows it, paging with the cursor until it turns up. */
async function findListed(slug: string): Promise<Tenant | undefined> {
	let cursor: string | null = null;
	for (let page = 0; page < 100; page++) {
		const query: string = cursor ? `?limit=50&cursor=${encodeURIComponent(cursor)}` : "?limit=50";
		const body = (await (await admin(`/api/admin/tenants${query}`)).json()) as {
			tenants: Tenant[];
			cursor: string | null;
		};
		const found = body.tenants.find((t) => t.slug === slug);
		if (found || !body.cursor) return found;
		cursor = body.cursor;
	}
	return undefined;
}
