// The usage writer enforces Analytics Engine's production limits (which local runs do not), and
// the usage queries render the same definition as AE SQL and as SQLite for the local recorder.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { analyticsSql, localSql } from "../../objects/usage/queries";
import { AE_LIMITS, UsageWriter } from "../../objects/usage/writer";
import { uniqueSlug } from "../helpers/api";

/** A dataset that keeps what it is given, or throws when told to. */
function dataset(throwing = false) {
	const points: AnalyticsEngineDataPoint[] = [];
	return {
		points,
		writeDataPoint(point?: AnalyticsEngineDataPoint) {
			if (throwing) throw new Error("AE is down");
			if (point) points.push(point);
		},
	};
}

const event = { tenantId: "t_abc", meter: "operations" as const, quantity: 1, plan: "team" };

describe("the usage writer", () => {
	it("writes one point per event: the tenant id as index, meter and plan in blobs, quantity in double1", () => {
		const ae = dataset();
		new UsageWriter(ae, "do", undefined).write({ ...event, detail: "card.create" });
		expect(ae.points).toEqual([
			{ indexes: ["t_abc"], blobs: ["operations", "card.create", "team", "do", ""], doubles: [1] },
		]);
	});

	it("writes at most 250 points per invocation and counts the rest as dropped", () => {
		const ae = dataset();
		const writer = new UsageWriter(ae, "do", undefined);
		for (let i = 0; i < 300; i++) writer.write(event);
		expect(ae.points).toHaveLength(AE_LIMITS.pointsPerInvocation);
		expect(writer.dropped).toBe(50);
		writer.beginInvocation();
		writer.write(event);
		expect(ae.points).toHaveLength(251);
	});

	it("drops a point whose index is over 96 bytes or whose blobs are over 16 KB", () => {
		const ae = dataset();
		const writer = new UsageWriter(ae, "do", undefined);
		writer.write({ ...event, tenantId: "x".repeat(97) });
		writer.write({ ...event, detail: "y".repeat(17 * 1024) });
		expect(ae.points).toEqual([]);
		expect(writer.dropped).toBe(2);
	});

	it("never throws into the request when Analytics Engine refuses a write", () => {
		const writer = new UsageWriter(dataset(true), "do", undefined);
		expect(() => writer.write(event)).not.toThrow();
		expect(writer.dropped).toBe(1);
	});
});

describe("one query definition, two dialects", () => {
	const range = { from: "2026-11-01T00:00:00.000Z", to: "2026-11-03T00:00:00.000Z", granularity: "day" as const };

	it("renders Analytics Engine SQL weighted by _sample_interval, with distinct members apart", () => {
		const [sums, distinct] = analyticsSql({ range, tenantId: "t_abc" }, "boardroom_usage");
		expect(sums).toContain("sum(_sample_interval * double1) AS quantity");
		expect(sums).toContain("toStartOfDay(timestamp) AS bucket");
		expect(sums).toContain(
			"timestamp >= toDateTime('2026-11-01 00:00:00') AND timestamp < toDateTime('2026-11-03 00:00:00')",
		);
		expect(sums).toContain("AND index1 = 't_abc'");
		expect(sums).toContain("blob1 NOT IN ('members.active')");
		expect(distinct).toContain("count(DISTINCT blob5) AS quantity");
		expect(analyticsSql({ range: { ...range, granularity: "month" } }, "boardroom_usage")[0]).toContain(
			"toStartOfMonth",
		);
	});

	it("runs the same definition on the local recorder and gets the sums and distinct counts back", async () => {
		const tenantId = `t_${uniqueSlug("q")}`.slice(0, 40);
		const recorder = env.UsageRecorder.getByName("local");
		const at = (iso: string) => Date.parse(iso);
		const point = (iso: string, meter: string, quantity: number, subject = "", sampleInterval = 1) => ({
			timestamp: at(iso),
			index1: tenantId,
			blobs: [meter, "", "team", "do", subject],
			doubles: [quantity],
			sampleInterval,
		});
		await recorder.record([
			point("2026-11-01T10:00:00Z", "operations", 2),
			point("2026-11-01T11:00:00Z", "operations", 3, "", 10),
			point("2026-11-02T09:00:00Z", "operations", 1),
			point("2026-11-01T10:00:00Z", "members.active", 1, "u_1"),
			point("2026-11-01T12:00:00Z", "members.active", 1, "u_1"),
			point("2026-11-01T12:00:00Z", "members.active", 1, "u_2"),
		]);
		expect(localSql({ range, tenantId })[0]?.sql).toContain("sum(_sample_interval * double1)");
		const rows = await recorder.usage({ range, tenantId });
		expect(rows.sort((a, b) => (a.bucket + a.meter).localeCompare(b.bucket + b.meter))).toEqual([
			{ bucket: "2026-11-01T00:00:00.000Z", tenantId, meter: "members.active", quantity: 2 },
			{ bucket: "2026-11-01T00:00:00.000Z", tenantId, meter: "operations", quantity: 32 },
			{ bucket: "2026-11-02T00:00:00.000Z", tenantId, meter: "operations", quantity: 1 },
		]);
	});
});
