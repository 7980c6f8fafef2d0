// Billing for one tenant: usage reports read from the exact ledger, and invoices — the
// open period's preview and projection, and the closed periods, which are frozen in the control
// plane the first time they are asked for after their month ends.
import type { Allowance, InvoiceList, UsageRange, UsageReport } from "../../shared/billing";
import { allowanceLevel } from "../../shared/billing";
import {
	type Adjustment,
	computeInvoice,
	type Invoice,
	type Period,
	periodOf,
	projectSegments,
	type SegmentUsage,
} from "../../shared/invoice";
import type { Meter } from "../../shared/meters";
import { BILLING_LINE_IDS, BILLING_LINES, PLANS } from "../../shared/plans";
import type { Plan } from "../../shared/tenant";
import type { Db } from "./db";
import { hourAfter, hourOf, ledgerTotals, planHistory, readLedger } from "./usage-ledger";

export interface BilledTenant {
	id: string;
	plan: Plan;
	createdAt: string;
}

/** What the control plane keeps for a tenant: frozen invoices, and adjustments by period. */
export interface BillingRecords {
	closedInvoices(tenantId: string): Promise<Invoice[]>;
	freezeInvoices(invoices: Invoice[]): Promise<void>;
	adjustments(tenantId: string, period: string): Promise<Adjustment[]>;
}

export async function usageReport(
	db: Db,
	tenant: BilledTenant,
	range: UsageRange,
	now = new Date(),
): Promise<UsageReport> {
	const series = await readLedger(db, range);
	const totals: Partial<Record<Meter, number>> = {};
	for (const point of series)
		if (point.meter !== "members.active") totals[point.meter] = (totals[point.meter] ?? 0) + point.quantity;
	const all = await ledgerTotals(db, hourOf(Date.parse(range.from)), range.to);
	if (all["members.active"]) totals["members.active"] = all["members.active"];
	return {
		...range,
		tenantId: tenant.id,
		plan: tenant.plan,
		series,
		totals,
		allowance: await allowances(db, tenant.plan, now),
		generatedAt: now.toISOString(),
	};
}

/** The open period so far against what the current plan includes, per billed line. */
export async function allowances(db: Db, plan: Plan, now: Date): Promise<Allowance[]> {
	const period = periodOf(now);
	const quantities = await ledgerTotals(db, period.from, hourAfter(now.getTime()));
	return BILLING_LINE_IDS.map((line) => {
		const info = BILLING_LINES[line];
		const used = info.toUnits(info.meters.reduce((sum, meter) => sum + (quantities[meter] ?? 0), 0));
		const included = PLANS[plan].included[line];
		return { line, used, included, level: allowanceLevel(used, included) };
	});
}

/**
 * The stretches of `period` on each plan, up to `until`, with what was used in each. An hour of
 * usage belongs to the plan in force when the hour ends; the last stretch takes the hour in progress.
 */
export async function segmentsOf(db: Db, tenant: BilledTenant, period: Period, until: Date): Promise<SegmentUsage[]> {
	const end = Math.min(Date.parse(period.to), until.getTime());
	const changes = await planHistory(db);
	if (changes.length === 0) changes.push({ effectiveAt: tenant.createdAt, plan: tenant.plan });
	const segments: SegmentUsage[] = [];
	for (const [i, change] of changes.entries()) {
		const from = Math.max(Date.parse(change.effectiveAt), Date.parse(period.from));
		const next = changes[i + 1];
		const to = Math.min(next ? Date.parse(next.effectiveAt) : end, end);
		if (to <= from) continue;
		const last = !next || Date.parse(next.effectiveAt) >= end;
		const toHour = last ? hourAfter(to) : hourOf(to);
		const quantities = await ledgerTotals(db, hourOf(from), toHour);
		segments.push({
			plan: change.plan,
			from: new Date(from).toISOString(),
			to: new Date(to).toISOString(),
			quantities,
		});
	}
	return segments;
}

/**
 * Every invoice of a tenant. Closed periods not yet frozen are computed from the ledger and frozen
 * now; the open period is a preview (and a projection at the pace so far).
 */
export async function invoiceList(
	db: Db,
	tenant: BilledTenant,
	records: BillingRecords,
	now = new Date(),
): Promise<InvoiceList> {
	const open = periodOf(now);
	const frozen = await records.closedInvoices(tenant.id);
	const missing: Invoice[] = [];
	for (const period of closedPeriods(tenant.createdAt, open)) {
		if (frozen.some((invoice) => invoice.period.id === period.id)) continue;
		const adjustments = await records.adjustments(tenant.id, period.id);
		const segments = await segmentsOf(db, tenant, period, new Date(period.to));
		missing.push(computeInvoice(tenant.id, period, segments, adjustments, "closed", now.toISOString()));
	}
	if (missing.length > 0) await records.freezeInvoices(missing);
	const adjustments = await records.adjustments(tenant.id, open.id);
	const segments = await segmentsOf(db, tenant, open, now);
	// The projection runs the last stretch to the end of the month (its whole base price and
	// allowance, its usage at the pace so far); the preview stops it at now.
	const ahead = segments.map((segment, i) => (i === segments.length - 1 ? { ...segment, to: open.to } : segment));
	const at = now.toISOString();
	return {
		preview: computeInvoice(tenant.id, open, segments, adjustments, "open", at),
		projected: computeInvoice(tenant.id, open, projectSegments(ahead, now), adjustments, "open", at),
		closed: [...missing, ...frozen].sort((a, b) => (a.period.id < b.period.id ? 1 : -1)),
		planHistory: await planHistory(db),
	};
}

/** The tenant's last invoice when it leaves: the open period up to now, closed and frozen. */
export async function finalInvoice(db: Db, tenant: BilledTenant, records: BillingRecords, now = new Date()) {
	await invoiceList(db, tenant, records, now);
	const period = periodOf(now);
	const adjustments = await records.adjustments(tenant.id, period.id);
	const segments = await segmentsOf(db, tenant, period, now);
	await records.freezeInvoices([computeInvoice(tenant.id, period, segments, adjustments, "closed", now.toISOString())]);
}

/** Months from the tenant's first to the one before `open`. */
function closedPeriods(createdAt: string, open: Period): Period[] {
	const periods: Period[] = [];
	for (let period = periodOf(new Date(createdAt)); period.id < open.id; period = periodOf(new Date(period.to)))
		periods.push(period);
	return periods;
}
