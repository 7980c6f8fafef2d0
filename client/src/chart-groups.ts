// Which meters share a chart. Meters of one chart have one unit, so their lines can share an axis;
// the tenant's page shows the usage charts, the operator's also what the fleet cost to serve.
import type { UsagePoint } from "../../shared/billing";
import { METERS, type Meter, toGbMonths } from "../../shared/meters";
import { formatDecimalBytes, formatQuantity } from "./billing-format";

export interface ChartGroup {
	id: string;
	title: string;
	meters: readonly Meter[];
	/** What one unit on the axis is, in words, for the chart's text summary. */
	unit: string;
	/** From the meter's stored quantity to what the axis shows (byte-seconds to GB-month). */
	scale: (quantity: number) => number;
	format: (value: number) => string;
	/** How the range sums up: counts add up; distinct members per bucket do not, so their peak is told. */
	summary: "total" | "peak";
	audience: "usage" | "cost";
}

const same = (quantity: number) => quantity;

export const CHART_GROUPS: readonly ChartGroup[] = [
	{
		id: "requests",
		title: "API requests",
		meters: ["requests.read", "requests.write", "requests.upload", "requests.download", "requests.ws_connect"],
		unit: "requests",
		scale: same,
		format: formatQuantity,
		summary: "total",
		audience: "usage",
	},
	{
		id: "operations",
		title: "Committed changes",
		meters: ["operations"],
		unit: "changes",
		scale: same,
		format: formatQuantity,
		summary: "total",
		audience: "usage",
	},
	{
		id: "live",
		title: "Live messages",
		meters: ["ws.messages_in", "ws.messages_out"],
		unit: "messages",
		scale: same,
		format: formatQuantity,
		summary: "total",
		audience: "usage",
	},
	{
		id: "transfer",
		title: "Data transferred",
		meters: ["bytes.uploaded", "bytes.downloaded"],
		unit: "bytes",
		scale: same,
		format: formatDecimalBytes,
		summary: "total",
		audience: "usage",
	},
	{
		id: "storage",
		title: "Attachment storage",
		meters: ["storage.byte_seconds"],
		unit: "GB-month",
		scale: toGbMonths,
		format: (value) => `${formatQuantity(value)} GB-mo`,
		summary: "total",
		audience: "usage",
	},
	{
		id: "members",
		title: "Active members",
		meters: ["members.active"],
		unit: "members",
		scale: same,
		format: formatQuantity,
		summary: "peak",
		audience: "usage",
	},
	{
		id: "object-work",
		title: "Durable Object work",
		meters: ["cost.object_requests", "cost.rows_read", "cost.rows_written"],
		unit: "requests and rows",
		scale: same,
		format: formatQuantity,
		summary: "total",
		audience: "cost",
	},
	{
		id: "r2",
		title: "R2 operations",
		meters: ["cost.r2_class_a", "cost.r2_class_b"],
		unit: "operations",
		scale: same,
		format: formatQuantity,
		summary: "total",
		audience: "cost",
	},
	{
		id: "database",
		title: "Database storage",
		meters: ["cost.sql_byte_seconds"],
		unit: "GB-month",
		scale: toGbMonths,
		format: (value) => `${formatQuantity(value)} GB-mo`,
		summary: "total",
		audience: "cost",
	},
];

export interface GroupSeries {
	group: ChartGroup;
	/** One line per meter of the group, a value per bucket (0 where the ledger has nothing). */
	lines: { meter: Meter; label: string; values: number[] }[];
}

/** The series of each group over `buckets`, in the group's display unit. */
export function seriesByGroup(
	points: readonly UsagePoint[],
	buckets: readonly string[],
	groups: readonly ChartGroup[],
): GroupSeries[] {
	const index = new Map(buckets.map((bucket, i) => [bucket, i]));
	const byMeter = new Map<Meter, number[]>();
	for (const point of points) {
		const i = index.get(point.bucket);
		if (i === undefined) continue;
		const values = byMeter.get(point.meter) ?? new Array<number>(buckets.length).fill(0);
		values[i] = (values[i] ?? 0) + point.quantity;
		byMeter.set(point.meter, values);
	}
	return groups.map((group) => ({
		group,
		lines: group.meters.map((meter) => ({
			meter,
			label: METERS[meter].label,
			values: (byMeter.get(meter) ?? new Array<number>(buckets.length).fill(0)).map(group.scale),
		})),
	}));
}
