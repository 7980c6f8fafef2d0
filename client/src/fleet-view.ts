// What the operator's billing view derives from one fleet answer: the rows for a plan, each
// tenant's usage per billed line beside its revenue and cost, and the ledger against Analytics
// Engine per meter. Pure functions, so the numbers on screen have one definition each.
import type { FleetRow, FleetUsage } from "../../shared/billing";
import type { Meter } from "../../shared/meters";
import { BILLING_LINE_IDS, BILLING_LINES, type BillingLine } from "../../shared/plans";
import type { Plan } from "../../shared/tenant";

export type PlanFilter = Plan | "all";

export interface TenantEconomics {
	tenantId: string;
	slug: string;
	plan: Plan;
	revenueCents: number;
	costCents: number;
	/** Revenue minus cost to serve: what the tenant leaves after Cloudflare's bill. */
	marginCents: number;
	/** The period's usage per billed line, in billed units, from the exact ledger. */
	usage: Record<BillingLine, number>;
}

export function tenantEconomics(fleet: FleetUsage, filter: PlanFilter): TenantEconomics[] {
	const ledger = new Map<string, Partial<Record<Meter, number>>>();
	for (const row of fleet.rows) {
		const totals = ledger.get(row.tenantId) ?? {};
		totals[row.meter] = row.ledger;
		ledger.set(row.tenantId, totals);
	}
	return fleet.tenants
		.filter((tenant) => filter === "all" || tenant.plan === filter)
		.map((tenant) => {
			const totals = ledger.get(tenant.tenantId) ?? {};
			const usage = Object.fromEntries(
				BILLING_LINE_IDS.map((line) => {
					const info = BILLING_LINES[line];
					return [line, info.toUnits(info.meters.reduce((sum, meter) => sum + (totals[meter] ?? 0), 0))];
				}),
			) as Record<BillingLine, number>;
			return { ...tenant, marginCents: tenant.revenueCents - tenant.costCents, usage };
		});
}

export function rowsFor(fleet: FleetUsage, filter: PlanFilter): FleetRow[] {
	return fleet.rows.filter((row) => filter === "all" || row.plan === filter);
}

export interface MeterComparison {
	meter: Meter;
	ledger: number;
	analytics: number;
	/** Analytics Engine minus the ledger: negative when AE saw less (sampling, lag, dropped points). */
	difference: number;
}

export function compareByMeter(rows: readonly FleetRow[]): MeterComparison[] {
	const sums = new Map<Meter, MeterComparison>();
	for (const row of rows) {
		const sum = sums.get(row.meter) ?? { meter: row.meter, ledger: 0, analytics: 0, difference: 0 };
		sum.ledger += row.ledger;
		sum.analytics += row.analytics;
		sum.difference = sum.analytics - sum.ledger;
		sums.set(row.meter, sum);
	}
	return [...sums.values()].sort((a, b) => a.meter.localeCompare(b.meter));
}

/**
 * Where the Analytics Engine column came from. Production without the SQL API's secrets (or
 * when it did not answer) reads nothing: every AE number is 0 and no point is newest.
 */
export function analyticsState(fleet: FleetUsage): "local" | "live" | "unavailable" {
	if (fleet.analyticsSource === "local") return "local";
	const empty = fleet.analyticsNewest === null && fleet.rows.every((row) => row.analytics === 0);
	return empty ? "unavailable" : "live";
}
