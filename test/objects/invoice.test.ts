// Invoice arithmetic: proration across a plan change, overage, rounding, and empty periods.
import { describe, expect, it } from "vitest";
import { computeInvoice, periodOf, projectSegments, type SegmentUsage } from "../../shared/invoice";
import { BYTES_PER_GB, SECONDS_PER_MONTH } from "../../shared/meters";

const november = periodOf(new Date("2026-11-15T12:00:00Z"));
const invoice = (segments: SegmentUsage[]) => computeInvoice("t_1", november, segments, [], "closed", "now");
const line = (inv: ReturnType<typeof invoice>, name: string, plan?: string) =>
	inv.lines.find((l) => l.line === name && (plan === undefined || l.plan === plan));

describe("invoices", () => {
	it("a month on one plan with no usage costs exactly the base price", () => {
		const inv = invoice([{ plan: "team", from: november.from, to: november.to, quantities: {} }]);
		expect(november).toMatchObject({ id: "2026-11", from: "2026-11-01T00:00:00.000Z", to: "2026-12-01T00:00:00.000Z" });
		expect(inv.totalCents).toBe(4900);
		expect(inv.lines.filter((l) => l.kind === "usage").every((l) => l.amountCents === 0)).toBe(true);
	});

	it("bills overage past what the plan includes, rounding each line half up to the cent", () => {
		const inv = invoice([
			{
				plan: "team",
				from: november.from,
				to: november.to,
				// 250,001 operations: 50,001 over at 100¢ per 100,000 = 50.001¢ → 50¢.
				// 1,150,000 requests: 150,000 over at 50¢ per 100,000 = 75¢.
				quantities: { operations: 250_001, "requests.read": 1_000_000, "requests.write": 150_000 },
			},
		]);
		expect(line(inv, "operations")).toMatchObject({
			quantity: 250_001,
			included: 200_000,
			overage: 50_001,
			amountCents: 50,
		});
		expect(line(inv, "requests")).toMatchObject({ overage: 150_000, amountCents: 75 });
		expect(inv.totalCents).toBe(4900 + 50 + 75);
		expect(inv.totalCents).toBe(inv.lines.reduce((sum, l) => sum + l.amountCents, 0));
	});

	it("turns byte-seconds into GB-months for storage", () => {
		const oneHundredTwentyGbMonths = 120 * BYTES_PER_GB * SECONDS_PER_MONTH;
		const inv = invoice([
			{
				plan: "team",
				from: november.from,
				to: november.to,
				quantities: { "storage.byte_seconds": oneHundredTwentyGbMonths },
			},
		]);
		// 120 GB-month, 100 included, 20 over at 5¢ each.
		expect(line(inv, "storage")).toMatchObject({ quantity: 120, overage: 20, amountCents: 100 });
	});

	it("prorates the base price and the allowance across a plan change in the middle of the month", () => {
		const change = "2026-11-16T00:00:00.000Z"; // 15 of 30 days on each plan
		const inv = invoice([
			{ plan: "team", from: november.from, to: change, quantities: { operations: 150_000 } },
			{ plan: "business", from: change, to: november.to, quantities: { operations: 100_000 } },
		]);
		const bases = inv.lines.filter((l) => l.kind === "base").map((l) => l.amountCents);
		expect(bases).toEqual([2450, 9950]);
		// Half a month of team includes 100,000 operations: 50,000 over at 100¢ per 100,000.
		expect(line(inv, "operations", "team")).toMatchObject({ included: 100_000, overage: 50_000, amountCents: 50 });
		expect(line(inv, "operations", "business")).toMatchObject({ included: 1_000_000, overage: 0, amountCents: 0 });
		expect(inv.totalCents).toBe(2450 + 9950 + 50);
	});

	it("does not prorate the members a plan includes: a tenant that starts late in the month pays no member overage", () => {
		const start = "2026-11-25T00:00:00.000Z";
		const inv = invoice([{ plan: "team", from: start, to: november.to, quantities: { "members.active": 3 } }]);
		expect(line(inv, "members")).toMatchObject({ quantity: 3, included: 50, overage: 0, amountCents: 0 });
		expect(line(inv, "operations")?.included).toBeCloseTo(200_000 / 5);
	});

	it("never bills the free plan for overage", () => {
		const inv = invoice([
			{ plan: "free", from: november.from, to: november.to, quantities: { operations: 1_000_000 } },
		]);
		expect(line(inv, "operations")).toMatchObject({ overage: 990_000, amountCents: 0 });
		expect(inv.totalCents).toBe(0);
	});

	it("carries adjustments as their own lines", () => {
		const segments = [{ plan: "team" as const, from: november.from, to: november.to, quantities: {} }];
		const adjustment = { id: "adj_1", description: "Outage credit", amountCents: -1000, createdAt: "now" };
		const inv = computeInvoice("t_1", november, segments, [adjustment], "closed", "now");
		expect(inv.lines.at(-1)).toMatchObject({ kind: "adjustment", amountCents: -1000 });
		expect(inv.totalCents).toBe(3900);
	});

	it("projects the month at the pace so far, but not the number of people", () => {
		const segments = [
			{
				plan: "team" as const,
				from: november.from,
				to: november.to,
				quantities: { operations: 10, "members.active": 3 },
			},
		];
		const [projected] = projectSegments(segments, new Date("2026-11-11T00:00:00Z"));
		expect(projected?.quantities).toEqual({ operations: 30, "members.active": 3 });
	});
});
