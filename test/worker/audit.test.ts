// The operator's audit log: every action recorded with who, when and what, newest first, a page at a time.
import { describe, expect, it } from "vitest";
import type { AuditEntry, AuditPage } from "../../shared/fleet";
import { ADMIN_TOKEN, addMember, admin, call, createTenant, uniqueSlug } from "../helpers/api";
import { eventually } from "../helpers/billing";
import { exportTenant, purged } from "../helpers/fleet";

async function auditPage(cursor: string | null = null): Promise<AuditPage> {
	const res = await admin(`/api/admin/audit${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ""}`);
	if (res.status !== 200) throw new Error(`audit: ${res.status} ${await res.text()}`);
	return res.json();
}

/** The entries about one tenant, newest first, from the first few pages (other tests write too). */
async function entriesFor(slug: string): Promise<AuditEntry[]> {
	const found: AuditEntry[] = [];
	let cursor: string | null = null;
	for (let page = 0; page < 20; page++) {
		const body = await auditPage(cursor);
		found.push(...body.entries.filter((e) => e.slug === slug));
		cursor = body.cursor;
		if (!cursor) break;
	}
	return found;
}

describe("the audit log", () => {
	it("records each operator action on a tenant, newest first, with who and from where", async () => {
		const slug = uniqueSlug("audited");
		const tenant = await createTenant(slug, "free");
		await addMember(slug, "owner@audit.test", "owner");
		const named = { "x-operator": "Grace Hopper", "user-agent": "audit-test" };
		await admin(`/api/admin/tenants/${slug}`, { method: "PATCH", json: { plan: "team" }, headers: named });
		await admin(`/api/admin/tenants/${slug}`, { method: "PATCH", json: { status: "suspended" } });
		await admin(`/api/admin/tenants/${slug}`, { method: "PATCH", json: { status: "active" } });
		await admin(`/api/admin/tenants/${slug}/billing/adjustments`, {
			method: "POST",
			json: { description: "Goodwill credit", amountCents: -300 },
		});
		const exported = await exportTenant(slug);
		const copy = uniqueSlug("audited-copy");
		await admin("/api/admin/tenants", { method: "POST", json: { slug: copy, name: "Copy", importFrom: exported.id } });
		await admin(`/api/admin/tenants/${slug}`, { method: "DELETE" });
		await purged(slug);

		let entries: AuditEntry[] = [];
		await eventually(async () => {
			entries = await entriesFor(slug);
			return entries.some((e) => e.action === "tenant.purged");
		});
		expect(entries.map((e) => e.action)).toEqual([
			"tenant.purged",
			"tenant.delete",
			"export.start",
			"billing.adjust",
			"tenant.resume",
			"tenant.suspend",
			"tenant.plan",
			"member.add",
			"tenant.create",
		]);
		for (const entry of entries) {
			expect(entry.tenantId).toBe(tenant.id);
			expect(Date.parse(entry.at)).not.toBeNaN();
		}
		const plan = entries.find((e) => e.action === "tenant.plan");
		expect(plan).toMatchObject({ actor: "Grace Hopper", details: { from: "free", to: "team" } });
		expect(plan?.client).toMatch(/^[0-9a-f]{12}$/);
		expect(entries.find((e) => e.action === "tenant.create")).toMatchObject({
			actor: "operator",
			details: { plan: "free" },
		});
		expect(entries.find((e) => e.action === "member.add")?.details).toEqual({
			email: "owner@audit.test",
			role: "owner",
		});
		expect(entries.find((e) => e.action === "tenant.purged")).toMatchObject({ actor: "fleet", client: null });
		expect(entries.find((e) => e.action === "billing.adjust")?.details).toMatchObject({ amountCents: -300 });
		const [imported] = await entriesFor(copy);
		expect(imported).toMatchObject({ action: "tenant.import", details: { importFrom: exported.id, sourceSlug: slug } });
	});

	it("pages with a cursor, never repeating an entry", async () => {
		for (let i = 0; i < 3; i++) await createTenant(uniqueSlug("paged"));
		const first = await auditPage();
		expect(first.entries.length).toBeGreaterThan(0);
		const ids = first.entries.map((e) => e.id);
		expect([...ids].sort((a, b) => b - a)).toEqual(ids);
		if (first.cursor) {
			const second = await auditPage(first.cursor);
			expect(second.entries.every((e) => e.id < Math.min(...ids))).toBe(true);
		}
	});

	it("refuses a cursor it did not hand out, and callers without the admin token", async () => {
		const res = await admin("/api/admin/audit?cursor=not-a-cursor");
		expect(res.status).toBe(400);
		expect(await res.json()).toMatchObject({ error: { code: "bad_request" } });
		expect((await call("/api/admin/audit")).status).toBe(401);
		expect((await call("/api/admin/audit", { token: `${ADMIN_TOKEN}x` })).status).toBe(401);
	});

	it("records nothing for an action that failed", async () => {
		const slug = uniqueSlug("refused");
		await admin(`/api/admin/tenants/${slug}`, { method: "PATCH", json: { plan: "team" } });
		await admin(`/api/admin/tenants/${slug}/members`, {
			method: "POST",
			json: { email: "x@y.test", password: "long enough", role: "owner" },
		});
		expect(await entriesFor(slug)).toEqual([]);
	});
});
