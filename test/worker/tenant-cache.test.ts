// The edge cache of tenant state in KV: written through by the admin routes, read before any
// tenant object is called, and never the only guard (the tenant still enforces its own status).
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { Tenant } from "../../shared/api";
import { forgetRememberedTenants } from "../../worker/tenant-cache";
import { admin, call, createTenant, tenantWithBoard, uniqueSlug } from "../helpers/api";
import { forgetCaches, objectWasAsleep, variant } from "../helpers/storage";

function cached(slug: string) {
	return env.TENANT_CACHE.get(slug, "json");
}

async function patchTenant(slug: string, patch: Partial<Tenant>): Promise<Tenant> {
	const res = await admin(`/api/admin/tenants/${slug}`, { method: "PATCH", json: patch });
	expect(res.status).toBe(200);
	return res.json();
}

describe("the edge cache of tenant state", () => {
	it("holds each tenant's id, status and plan, written on create, plan change, suspend and resume", async () => {
		const tenant = await createTenant(undefined, "free");
		expect(await cached(tenant.slug)).toEqual({ id: tenant.id, status: "active", plan: "free" });
		await patchTenant(tenant.slug, { plan: "business" });
		expect(await cached(tenant.slug)).toEqual({ id: tenant.id, status: "active", plan: "business" });
		await patchTenant(tenant.slug, { status: "suspended" });
		expect(await cached(tenant.slug)).toMatchObject({ status: "suspended" });
		await patchTenant(tenant.slug, { status: "active" });
		expect(await cached(tenant.slug)).toMatchObject({ status: "active" });
	});

	it("refuses a suspended tenant from the cache, without waking its object", async () => {
		const { slug, token, board } = await tenantWithBoard();
		await patchTenant(slug, { status: "suspended" });
		await forgetCaches(slug);
		for (const path of [`/api/t/${slug}/boards`, `/api/t/${slug}/boards/${board.id}`, `/api/t/${slug}/me`]) {
			const res = await call(path, { token });
			expect(res.status).toBe(403);
			expect(await res.json()).toMatchObject({ error: { code: "tenant_suspended" } });
		}
		expect(await objectWasAsleep(slug)).toBe(true);
	});

	it("refuses a tenant that does not exist without creating an object for it", async () => {
		const slug = uniqueSlug("ghost");
		const res = await call(`/api/t/${slug}/boards`, {
			headers: { authorization: `Bearer brk_${slug}_${"x".repeat(32)}` },
		});
		expect(res.status).toBe(404);
		expect(await res.json()).toMatchObject({ error: { code: "not_found" } });
		expect(await objectWasAsleep(slug)).toBe(true);
		expect(await cached(slug)).toBeNull();
	});

	it("takes the cache's word: a tenant the cache says is suspended is refused at the edge", async () => {
		const { tenant, slug, token } = await tenantWithBoard();
		await env.TENANT_CACHE.put(slug, JSON.stringify({ id: tenant.id, status: "suspended", plan: "team" }));
		forgetRememberedTenants();
		expect((await call(`/api/t/${slug}/boards`, { token })).status).toBe(403);
	});

	it("is never the only guard: a stale entry that still says active meets the tenant's own refusal", async () => {
		const { tenant, slug, token } = await tenantWithBoard();
		await patchTenant(slug, { status: "suspended" });
		// What another location may still read for up to a minute after the suspension.
		await env.TENANT_CACHE.put(slug, JSON.stringify({ id: tenant.id, status: "active", plan: "team" }));
		forgetRememberedTenants();
		const res = await call(`/api/t/${slug}/boards`, { token });
		expect(res.status).toBe(403);
		expect(await res.json()).toMatchObject({ error: { code: "tenant_suspended" } });
	});

	it("fills a missing entry from the control plane and serves the request", async () => {
		const { tenant, slug, token } = await tenantWithBoard();
		await env.TENANT_CACHE.delete(slug);
		forgetRememberedTenants();
		expect((await call(`/api/t/${slug}/boards`, { token })).status).toBe(200);
		await expect.poll(() => cached(slug), { timeout: 2000 }).toEqual({ id: tenant.id, status: "active", plan: "team" });
	});

	it("refuses a session of an earlier tenant that had the same slug", async () => {
		const { tenant, slug, token } = await tenantWithBoard();
		// The slug now belongs to another tenant (as after a delete and a new create).
		await env.TENANT_CACHE.put(slug, JSON.stringify({ id: `${tenant.id}-next`, status: "active", plan: "team" }));
		forgetRememberedTenants();
		const res = await call(`/api/t/${slug}/boards`, { token });
		expect(res.status).toBe(401);
	});

	it("is remembered by the isolate for a few seconds in front of KV; a change made here is known here at once", async () => {
		const { tenant, slug, token } = await tenantWithBoard();
		const suspendedInKv = () =>
			env.TENANT_CACHE.put(slug, JSON.stringify({ id: tenant.id, status: "suspended", plan: "team" }));
		// KV says suspended, but this isolate read "active" a moment ago and still trusts that.
		await suspendedInKv();
		expect((await call(`/api/t/${slug}/boards`, { token })).status).toBe(200);
		// A suspension and a resumption made through this isolate are remembered as they are made,
		// so a KV entry that lags behind the resumption does not refuse anyone here.
		await patchTenant(slug, { status: "suspended" });
		await patchTenant(slug, { status: "active" });
		await suspendedInKv();
		expect((await call(`/api/t/${slug}/boards`, { token })).status).toBe(200);
		// Once forgotten, KV's word counts again.
		forgetRememberedTenants();
		expect((await call(`/api/t/${slug}/boards`, { token })).status).toBe(403);
	});
});
