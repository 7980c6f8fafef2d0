// The usage queries, defined once and rendered twice: as Analytics Engine SQL for production (sent
// to the SQL API) and as SQLite for the local recorder, which keeps points in AE's column layout.
// Both weight every point by `_sample_interval`, so sampled data still sums to the right totals.
import type { Granularity, UsageRange } from "../../shared/billing";
import { METERS, type Meter } from "../../shared/meters";

/** Usage over a range, bucketed, per tenant and meter; one tenant when `tenantId` is set. */
export interface UsageQueryDef {
	range: UsageRange;
	tenantId?: string;
}

/** One answer row, as both stores give it once normalised. */
export interface UsageRow {
	bucket: string;
	tenantId: string;
	meter: string;
	quantity: number;
}

const DISTINCT_METERS = (Object.keys(METERS) as Meter[]).filter((m) => METERS[m].kind === "distinct");

/** The two statements of a definition: sums for counts and gauges, distinct subjects for the rest. */
interface Statement {
	bucket: string;
	from: string;
	to: string;
	tenant: string | undefined;
	quantity: string;
	meterFilter: string;
}

function statements(def: UsageQueryDef, dialect: "ae" | "sqlite"): Statement[] {
	const bucket = dialect === "ae" ? aeBucket(def.range.granularity) : sqliteBucket(def.range.granularity);
	const distinct = DISTINCT_METERS.map((m) => `'${m}'`).join(", ");
	const common = { bucket, from: def.range.from, to: def.range.to, tenant: def.tenantId };
	return [
		{ ...common, quantity: "sum(_sample_interval * double1)", meterFilter: `blob1 NOT IN (${distinct})` },
		// Distinct members, not points: each active member writes one point per hour.
		{ ...common, quantity: "count(DISTINCT blob5)", meterFilter: `blob1 IN (${distinct})` },
	];
}

/** Analytics Engine SQL, ready to POST to /accounts/:id/analytics_engine/sql. */
export function analyticsSql(def: UsageQueryDef, dataset: string): string[] {
	return statements(def, "ae").map((s) =>
		[
			`SELECT ${s.bucket} AS bucket, index1 AS tenant, blob1 AS meter, ${s.quantity} AS quantity`,
			`FROM ${dataset}`,
			`WHERE timestamp >= toDateTime('${aeTime(s.from)}') AND timestamp < toDateTime('${aeTime(s.to)}')`,
			s.tenant === undefined ? "" : `AND index1 = '${quote(s.tenant)}'`,
			`AND ${s.meterFilter}`,
			"GROUP BY bucket, tenant, meter ORDER BY bucket",
			"FORMAT JSON",
		]
			.filter(Boolean)
			.join("\n"),
	);
}

/** The same statements for the local recorder's SQLite table `points` (timestamp in ms). */
export function localSql(def: UsageQueryDef): { sql: string; params: (string | number)[] }[] {
	return statements(def, "sqlite").map((s) => ({
		sql: [
			`SELECT ${s.bucket} AS bucket, index1 AS tenant, blob1 AS meter, ${s.quantity} AS quantity`,
			"FROM points WHERE timestamp >= ? AND timestamp < ?",
			s.tenant === undefined ? "" : "AND index1 = ?",
			`AND ${s.meterFilter}`,
			"GROUP BY bucket, tenant, meter ORDER BY bucket",
		]
			.filter(Boolean)
			.join("\n"),
		params: [Date.parse(s.from), Date.parse(s.to), ...(s.tenant === undefined ? [] : [s.tenant])],
	}));
}

/** Rows from either store, with buckets as ISO strings. */
export function toUsageRows(raw: readonly Record<string, unknown>[]): UsageRow[] {
	return raw.map((r) => ({
		bucket: isoBucket(String(r.bucket)),
		tenantId: String(r.tenant),
		meter: String(r.meter),
		quantity: Number(r.quantity),
	}));
}

function aeBucket(granularity: Granularity): string {
	if (granularity === "hour") return "toStartOfHour(timestamp)";
	if (granularity === "day") return "toStartOfDay(timestamp)";
	return "toStartOfMonth(timestamp)";
}

function sqliteBucket(granularity: Granularity): string {
	const format = { hour: "%Y-%m-%dT%H:00:00.000Z", day: "%Y-%m-%dT00:00:00.000Z", month: "%Y-%m-01T00:00:00.000Z" };
	return `strftime('${format[granularity]}', timestamp / 1000, 'unixepoch')`;
}

/** "2026-11-25 18:00:00", the form AE's toDateTime takes and gives back. */
function aeTime(iso: string): string {
	return iso.slice(0, 19).replace("T", " ");
}

function isoBucket(text: string): string {
	if (text.includes("T")) return new Date(text).toISOString();
	// AE answers "2026-11-25 00:00:00" (or a bare date for toStartOfMonth) in UTC.
	return new Date(`${text.length === 10 ? `${text}T00:00:00` : text.replace(" ", "T")}Z`).toISOString();
}

function quote(text: string): string {
	return text.replace(/[^A-Za-z0-9_-]/g, "");
}
