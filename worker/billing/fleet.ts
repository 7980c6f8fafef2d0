// The operator's fleet view: every tenant's exact ledger (asked of each tenant object, a few at a
// time) beside the Analytics Engine view (one query for the whole fleet), per meter and tenant,
// with revenue and cost-to-serve. This fans out to every tenant, so it is an operator's page,
// never a tenant's hot path; at thousands of tenants it would read daily rollups instead.
import type { Tenant } from "../../shared/api";
import type { FleetRow, FleetUsage, UsagePoint, UsageRange } from "../../shared/billing";
import type { Invoice } from "../../shared/invoice";
import { isMeter, type Meter } from "../../shared/meters";
import { costToServeCents } from "../../shared/prices";
import { controlPlane, everyTenant } from "../control-plane";
import { parseSlug, tenantStub } from "../tenant-stub";
import { analyticsUsage } from "./analytics";

/** How many tenant objects are asked at once. */
const FAN_OUT = 8;

export async function fleetUsage(
	request: Request,
	env: Env,
	ctx: ExecutionContext,
	range: UsageRange,
	now = new Date(),
): Promise<FleetUsage> {
	const tenants = await everyTenant(controlPlane(env));
	const [answers, analytics] = await Promise.all([
		mapLimit(tenants, FAN_OUT, async (tenant) => {
			const stub = tenantStub(request, env, ctx, parseSlug(tenant.slug));
			const [usage, invoices] = await Promise.all([stub.operatorUsage(range), stub.operatorInvoices()]);
			// A tenant deleted (or still being created) meanwhile has nothing to show.
			return usage.ok && invoices.ok ? { tenant, usage: usage.value, invoices: invoices.value } : null;
		}),
		analyticsUsage(env, { range }),
	]);
	const billing = answers.filter((answer) => answer !== null);
	const rows = new Map<string, FleetRow>();
	const row = (tenantId: string, meter: Meter, tenant: Tenant | undefined) => {
		const key = `${tenantId}|${meter}`;
		const found = rows.get(key) ?? {
			tenantId,
			slug: tenant?.slug ?? null,
			plan: tenant?.plan ?? null,
			meter,
			ledger: 0,
			analytics: 0,
		};
		rows.set(key, found);
		return found;
	};
	for (const { tenant, usage } of billing)
		for (const [meter, quantity] of Object.entries(usage.totals) as [Meter, number][])
			row(usage.tenantId, meter, tenant).ledger = quantity;
	const byId = new Map(billing.map((b) => [b.usage.tenantId, b.tenant]));
	for (const r of analytics.rows ?? [])
		if (isMeter(r.meter)) row(r.tenantId, r.meter, byId.get(r.tenantId)).analytics += r.quantity;
	return {
		...range,
		analyticsSource: analytics.source,
		rows: [...rows.values()].sort(
			(a, b) => (a.slug ?? "").localeCompare(b.slug ?? "") || a.meter.localeCompare(b.meter),
		),
		series: sumSeries(billing.flatMap((b) => b.usage.series)),
		tenants: billing.map(({ tenant, usage, invoices }) => ({
			tenantId: usage.tenantId,
			slug: tenant.slug,
			plan: tenant.plan,
			revenueCents: revenueIn(range, [invoices.preview, ...invoices.closed]),
			costCents: Math.round(costToServeCents(usage.totals)),
		})),
		generatedAt: now.toISOString(),
		analyticsNewest: analytics.newest,
	};
}

/** Invoice totals of the periods that overlap the range. */
function revenueIn(range: UsageRange, invoices: readonly Invoice[]): number {
	return invoices
		.filter((invoice) => invoice.period.from < range.to && invoice.period.to > range.from)
		.reduce((sum, invoice) => sum + invoice.totalCents, 0);
}

/** Fleet totals per bucket and meter (active members are summed across tenants: they are different people). */
function sumSeries(points: readonly UsagePoint[]): UsagePoint[] {
	const sums = new Map<string, UsagePoint>();
	for (const p of points) {
		const key = `${p.bucket}|${p.meter}`;
		const sum = sums.get(key) ?? { bucket: p.bucket, meter: p.meter, quantity: 0 };
		sum.quantity += p.quantity;
		sums.set(key, sum);
	}
	return [...sums.values()].sort((a, b) => (a.bucket < b.bucket ? -1 : a.bucket > b.bucket ? 1 : 0));
}

/** `work` over `items`, at most `limit` at a time, results in order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
	const results: R[] = new Array(items.length);
	let next = 0;
	const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
		while (next < items.length) {
			const i = next++;
			results[i] = await work(items[i] as T);
		}
	});
	await Promise.all(lanes);
	return results;
}
