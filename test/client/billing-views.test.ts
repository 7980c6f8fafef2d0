// What the billing dashboards compute before they draw: periods and their buckets, money, and the
// operator's per-tenant economics and ledger-against-Analytics-Engine comparison.
import { describe, expect, it } from "vitest";
import { formatCents, formatQuantity, withUnit } from "../../client/src/billing-format";
import { bucketStarts, defaultPeriod, toParams } from "../../client/src/billing-period";
import { CHART_GROUPS, seriesByGroup } from "../../client/src/chart-groups";
import { analyticsState, compareByMeter, tenantEconomics } from "../../client/src/fleet-view";
import type { FleetUsage } from "../../shared/billing";
import { paths } from "../../shared/paths";

const now = new Date("2026-11-25T18:49:14.529Z");

describe("periods", () => {
	it("reads this month up to the server's now, last month whole, and a custom range through its last day", () => {
		const choice = defaultPeriod(now);
		expect(toParams(choice, now)).toEqual({ from: "2026-11-01T00:00:00.000Z", granularity: "day" });
		expect(toParams({ ...choice, preset: "last-month" }, now)).toEqual({
			from: "2026-10-01T00:00:00.000Z",
			to: "2026-11-01T00:00:00.000Z",
			granularity: "day",
		});
		expect(toParams({ ...choice, preset: "last-7-days", granularity: "hour" }, now)).toEqual({
			from: "2026-11-18T18:00:00.000Z",
			granularity: "hour",
		});
		expect(toParams({ ...choice, preset: "custom", fromDay: "2026-11-03", toDay: "2026-11-05" }, now)).toEqual({
			from: "2026-11-03T00:00:00.000Z",
			to: "2026-11-06T00:00:00.000Z",
			granularity: "day",
		});
	});

	it("says so when a custom range runs backwards, instead of asking the server", () => {
		const backwards = { ...defaultPeriod(now), preset: "custom" as const, fromDay: "2026-11-05", toDay: "2026-11-03" };
		expect(toParams(backwards, now)).toEqual({ invalid: "The end date comes before the start date." });
	});

	it("lists every bucket of a range, months of different lengths included", () => {
		expect(bucketStarts("2026-01-15T10:00:00.000Z", "2026-04-01T00:00:00.000Z", "month")).toEqual([
			"2026-01-01T00:00:00.000Z",
			"2026-02-01T00:00:00.000Z",
			"2026-03-01T00:00:00.000Z",
		]);
		expect(bucketStarts("2026-11-01T00:00:00.000Z", "2026-11-25T18:49:14.529Z", "day")).toHaveLength(25);
		expect(bucketStarts("2026-11-25T16:30:00.000Z", "2026-11-25T18:49:14.529Z", "hour")).toEqual([
			"2026-11-25T16:00:00.000Z",
			"2026-11-25T17:00:00.000Z",
			"2026-11-25T18:00:00.000Z",
		]);
	});

	it("builds the billing URLs with only the query fields given", () => {
		expect(paths.billingUsage("acme")).toBe("/api/t/acme/billing/usage");
		expect(paths.billingUsage("acme", { from: "2026-11-01T00:00:00.000Z", format: "csv" })).toBe(
			"/api/t/acme/billing/usage?from=2026-11-01T00%3A00%3A00.000Z&format=csv",
		);
		expect(paths.adminBillingInvoices("acme", { format: "csv" })).toBe(
			"/api/admin/tenants/acme/billing/invoices?format=csv",
		);
	});
});

describe("numbers", () => {
	it("writes integer cents as dollars with cents", () => {
		expect(formatCents(4900)).toBe("$49.00");
		expect(formatCents(123456)).toBe("$1,234.56");
		expect(formatCents(-500)).toBe("-$5.00");
	});

	it("keeps small fractions visible and units singular for one", () => {
		expect(formatQuantity(0.00005)).toBe("0.00005");
		expect(formatQuantity(34.8612)).toBe("34.86");
		expect(formatQuantity(1_000_000)).toBe("1,000,000");
		expect(withUnit(1, "members")).toBe("1 member");
		expect(withUnit(2, "GB-month")).toBe("2 GB-month");
	});

	it("charts quiet buckets as zeros and storage in GB-months", () => {
		const buckets = bucketStarts("2026-11-01T00:00:00.000Z", "2026-11-04T00:00:00.000Z", "day");
		const [operations, storage] = seriesByGroup(
			[
				{ bucket: "2026-11-02T00:00:00.000Z", meter: "operations", quantity: 7 },
				{ bucket: "2026-11-03T00:00:00.000Z", meter: "storage.byte_seconds", quantity: 2_592_000_000_000_000 }, // 1 GB for 30 days
			],
			buckets,
			CHART_GROUPS.filter((g) => g.id === "operations" || g.id === "storage"),
		);
		expect(operations?.lines[0]?.values).toEqual([0, 7, 0]);
		expect(storage?.lines[0]?.values).toEqual([0, 0, 1]);
	});
});

describe("the operator's fleet view", () => {
	const fleet: FleetUsage = {
		from: "2026-11-01T00:00:00.000Z",
		to: "2026-11-25T00:00:00.000Z",
		granularity: "day",
		analyticsSource: "analytics-engine",
		analyticsNewest: null,
		generatedAt: "2026-11-25T00:00:00.000Z",
		series: [],
		rows: [
			{ tenantId: "t_a", slug: "acme", plan: "team", meter: "requests.read", ledger: 90, analytics: 0 },
			{ tenantId: "t_a", slug: "acme", plan: "team", meter: "requests.write", ledger: 10, analytics: 0 },
			{ tenantId: "t_b", slug: "globex", plan: "free", meter: "requests.read", ledger: 5, analytics: 0 },
		],
		tenants: [
			{ tenantId: "t_a", slug: "acme", plan: "team", revenueCents: 4900, costCents: 120 },
			{ tenantId: "t_b", slug: "globex", plan: "free", revenueCents: 0, costCents: 3 },
		],
	};

	it("puts each tenant's usage per billed line beside its revenue, cost and margin, for a plan", () => {
		const [acme] = tenantEconomics(fleet, "team");
		expect(tenantEconomics(fleet, "team")).toHaveLength(1);
		expect(acme).toMatchObject({ slug: "acme", marginCents: 4780 });
		expect(acme?.usage.requests).toBe(100);
		expect(tenantEconomics(fleet, "all").find((t) => t.slug === "globex")?.marginCents).toBe(-3);
	});

	it("sums the ledger and Analytics Engine per meter, with the difference", () => {
		expect(compareByMeter(fleet.rows)).toEqual([
			{ meter: "requests.read", ledger: 95, analytics: 0, difference: -95 },
			{ meter: "requests.write", ledger: 10, analytics: 0, difference: -10 },
		]);
	});

	it("calls an Analytics Engine that answered nothing unavailable, not a quiet fleet", () => {
		expect(analyticsState(fleet)).toBe("unavailable");
		expect(analyticsState({ ...fleet, analyticsSource: "local" })).toBe("local");
		expect(analyticsState({ ...fleet, analyticsNewest: "2026-11-24T00:00:00.000Z" })).toBe("live");
	});
});
