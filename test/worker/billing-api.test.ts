// The billing routes: who may read them, ranges, CSV, plan limits, frozen invoices that outlive
// their tenant, and the operator's fleet view with both stores side by side.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { FleetUsage } from "../../shared/billing";
import { controlPlane } from "../../worker/control-plane";
import { addMember, admin, call, createTenant, signIn, tenantWithBoard } from "../helpers/api";
import { eventually, invoicesOf, usageOf } from "../helpers/billing";
import { deleteAndPurge } from "../helpers/fleet";
import { backdateTenant, forgetCaches, tenantSql } from "../helpers/storage";

describe("who reads billing", () => {
	it("owners and admins read usage and invoices; members and viewers get 403", async () => {
		const { slug, token } = await tenantWithBoard();
		expect((await call(`/api/t/${slug}/billing/usage`, { token })).status).toBe(200);
		expect((await call(`/api/t/${slug}/billing/invoices`, { token })).status).toBe(200);
		for (const role of ["admin", "member", "viewer"] as const) {
			await addMember(slug, `${role}@${slug}.test`, role);
			const { token: theirs } = await signIn(slug, `${role}@${slug}.test`);
			const expected = role === "admin" ? 200 : 403;
			expect((await call(`/api/t/${slug}/billing/usage`, { token: theirs })).status).toBe(expected);
			expect((await call(`/api/t/${slug}/billing/invoices`, { token: theirs })).status).toBe(expected);
		}
	});

	it("another tenant's billing is 404", async () => {
		const a = await tenantWithBoard();
		const b = await tenantWithBoard();
		const res = await call(`/api/t/${b.slug}/billing/usage`, { token: a.token });
		expect(res.status).toBe(404);
		expect(await res.json()).toMatchObject({ error: { code: "not_found" } });
	});
});

describe("usage queries", () => {
	it.each([
		["a range that ends before it starts", "from=2026-11-10&to=2026-11-01", "from"],
		["a date that does not exist", "from=2026-02-30", "from"],
		["an unknown granularity", "granularity=week", "granularity"],
		["too many hourly buckets", "from=2026-01-01&to=2026-12-31&granularity=hour", "granularity"],
	])("refuses %s with a 400 that names the field", async (_why, query, field) => {
		const { slug, token } = await tenantWithBoard();
		const res = await call(`/api/t/${slug}/billing/usage?${query}`, { token });
		expect(res.status).toBe(400);
		const body = (await res.json()) as { error: { code: string; message: string } };
		expect(body.error.code).toBe("bad_request");
		expect(body.error.message).toMatch(new RegExp(`^${field}`));
	});

	it("answers CSV with ?format=csv", async () => {
		const { slug, token } = await tenantWithBoard();
		const res = await call(`/api/t/${slug}/billing/usage?granularity=hour&format=csv`, { token });
		expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
		expect(res.headers.get("content-disposition")).toMatch(/attachment; filename=".+\.csv"/);
		const [header, ...rows] = (await res.text()).trim().split("\r\n");
		expect(header).toBe("bucket,meter,quantity");
		expect(rows).toEqual(
			expect.arrayContaining([expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:00:00\.000Z,operations,1$/)]),
		);
	});

	it("shows where the month stands against the plan, warning from 80%", async () => {
		const tenant = await createTenant(undefined, "free");
		await addMember(tenant.slug, `o@${tenant.slug}.test`, "owner");
		const { token } = await signIn(tenant.slug, `o@${tenant.slug}.test`);
		const hour = `${new Date().toISOString().slice(0, 13)}:00:00.000Z`;
		await tenantSql(
			tenant.slug,
			"INSERT INTO usage_ledger (@tenantColumn hour, meter, quantity) VALUES (@tenantValue ?, 'operations', 8500)",
			hour,
		);
		const usage = await usageOf(tenant.slug, token);
		expect(usage.allowance.find((a) => a.line === "operations")).toMatchObject({
			used: 8500,
			included: 10_000,
			level: "warning",
		});
	});
});

describe("plan limits", () => {
	it("the free plan stops at 10 boards with 403 plan_limit", async () => {
		const tenant = await createTenant(undefined, "free");
		await addMember(tenant.slug, `o@${tenant.slug}.test`, "owner");
		const { token } = await signIn(tenant.slug, `o@${tenant.slug}.test`);
		const create = () => call(`/api/t/${tenant.slug}/boards`, { method: "POST", json: { title: "B" }, token });
		for (let i = 0; i < 10; i++) expect((await create()).status).toBe(201);
		const refused = await create();
		expect(refused.status).toBe(403);
		expect(await refused.json()).toMatchObject({ error: { code: "plan_limit" } });
	});

	it("the free plan stops at 5 members", async () => {
		const tenant = await createTenant(undefined, "free");
		for (let i = 0; i < 5; i++) await addMember(tenant.slug, `m${i}@${tenant.slug}.test`, "member");
		const res = await admin(`/api/admin/tenants/${tenant.slug}/members`, {
			method: "POST",
			json: { email: `m5@${tenant.slug}.test`, password: "long enough password", role: "member" },
		});
		expect(res.status).toBe(403);
		expect(await res.json()).toMatchObject({ error: { code: "plan_limit" } });
	});
});

describe("invoices", () => {
	it("a plan change is recorded and prorated in the preview", async () => {
		const { slug } = await tenantWithBoard();
		await admin(`/api/admin/tenants/${slug}`, { method: "PATCH", json: { plan: "business" } });
		const list = await invoicesOf(slug);
		expect(list.planHistory.map((p) => p.plan)).toEqual(["team", "business"]);
		expect(list.preview.lines.filter((l) => l.kind === "base").map((l) => l.plan)).toEqual(["team", "business"]);
		expect(list.preview.totalCents).toBe(list.preview.lines.reduce((sum, l) => sum + l.amountCents, 0));
	});

	it("last month's invoice is frozen when first asked for, and outlives the tenant", async () => {
		const { slug, tenant } = await tenantWithBoard();
		// The tenant was created last month and changed 42 cards then.
		const lastMonth = new Date();
		lastMonth.setUTCDate(1);
		lastMonth.setUTCMonth(lastMonth.getUTCMonth() - 1);
		const created = lastMonth.toISOString();
		await backdateTenant(slug, created);
		await tenantSql(slug, "UPDATE plan_changes SET effective_at = ? WHERE @tenant", created);
		await tenantSql(
			slug,
			"INSERT INTO usage_ledger (@tenantColumn hour, meter, quantity) VALUES (@tenantValue ?, 'operations', 42)",
			`${created.slice(0, 13)}:00:00.000Z`,
		);
		// The object caches who it is; a fresh start reads the changed record.
		await forgetCaches(slug);
		const list = await invoicesOf(slug);
		const closed = list.closed[0];
		expect(closed?.period.id).toBe(created.slice(0, 7));
		expect(closed?.lines.find((l) => l.line === "operations")?.quantity).toBe(42);

		await deleteAndPurge(slug);
		const kept = await controlPlane(env).billing(slug).closedInvoices(tenant.id);
		expect(kept.map((i) => i.period.id)).toEqual(expect.arrayContaining([created.slice(0, 7), list.preview.period.id]));
	});

	it("a correction is an adjustment line on the open invoice, never an edit", async () => {
		const { slug } = await tenantWithBoard();
		const before = await invoicesOf(slug);
		const res = await admin(`/api/admin/tenants/${slug}/billing/adjustments`, {
			method: "POST",
			json: { description: "Credit for the outage", amountCents: -500 },
		});
		expect(res.status).toBe(201);
		const after = await invoicesOf(slug);
		expect(after.preview.lines.at(-1)).toMatchObject({ kind: "adjustment", amountCents: -500 });
		expect(after.preview.totalCents).toBe(before.preview.totalCents - 500);
	});

	it("projects the month to its end: the whole base price for the rest of it, usage at the pace so far", async () => {
		const { slug } = await tenantWithBoard();
		const list = await invoicesOf(slug);
		const base = (lines: typeof list.preview.lines) => lines.find((l) => l.kind === "base");
		const end = new Date(list.preview.period.to).getTime();
		const created = new Date(list.planHistory[0]?.effectiveAt ?? "").getTime();
		const monthMs = end - new Date(list.preview.period.from).getTime();
		// The Team plan is 4900 cents a month; the projection pays for the stretch from creation to the month's end.
		expect(base(list.projected.lines)?.amountCents).toBe(Math.floor((4900 * (end - created)) / monthMs + 0.5));
		expect(base(list.preview.lines)?.amountCents).toBeLessThanOrEqual(base(list.projected.lines)?.amountCents ?? 0);
		const changes = (lines: typeof list.preview.lines) => lines.find((l) => l.line === "operations")?.quantity ?? 0;
		expect(changes(list.projected.lines)).toBeGreaterThan(changes(list.preview.lines));
		expect(list.projected.totalCents).toBe(list.projected.lines.reduce((sum, l) => sum + l.amountCents, 0));
	});

	it("answers the invoice lines as CSV", async () => {
		const { slug, token } = await tenantWithBoard();
		const res = await call(`/api/t/${slug}/billing/invoices?format=csv`, { token });
		const [header, first] = (await res.text()).split("\r\n");
		expect(header).toBe("period,status,kind,description,plan,quantity,included,overage,amount_cents");
		expect(first).toMatch(/^\d{4}-\d\d,open,base,"?Team plan/);
	});
});

describe("the operator's fleet view", () => {
	it("shows each tenant's ledger beside Analytics Engine, with revenue and cost-to-serve", async () => {
		const { slug, tenant } = await tenantWithBoard();
		// A tenant minutes old owes almost nothing yet (its base price is prorated): a charge makes its revenue plain.
		await admin(`/api/admin/tenants/${slug}/billing/adjustments`, {
			method: "POST",
			json: { description: "Setup fee", amountCents: 1000 },
		});
		const read = async () => {
			const res = await admin("/api/admin/usage?granularity=day");
			expect(res.status).toBe(200);
			const body = (await res.json()) as FleetUsage;
			return { body, operations: body.rows.find((r) => r.tenantId === tenant.id && r.meter === "operations") };
		};
		// Analytics Engine's copy arrives a moment after the ledger's.
		await eventually(async () => (await read()).operations?.analytics === 1);
		const { body: fleet, operations } = await read();
		expect(fleet.analyticsSource).toBe("local");
		expect(operations).toMatchObject({ slug, plan: "team", ledger: 1, analytics: 1 });
		const row = fleet.tenants.find((t) => t.tenantId === tenant.id);
		expect(row?.revenueCents).toBeGreaterThanOrEqual(1000);
		expect(row?.costCents).toBeGreaterThanOrEqual(0);
		const csv = await (await admin("/api/admin/usage?format=csv")).text();
		expect(csv.split("\r\n")[0]).toBe("tenant_id,slug,plan,meter,ledger,analytics_engine,difference");
	});
});
