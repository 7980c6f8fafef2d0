// The billing contract: usage queries (ranges and granularities, validated once), what usage and
// invoice responses look like, and the time buckets both stores group by.
import { z } from "zod";
import type { Invoice } from "./invoice";
import type { Meter } from "./meters";
import { type BillingLine, PLANS } from "./plans";
import type { Plan } from "./tenant";

export const granularitySchema = z.enum(["hour", "day", "month"]);
export type Granularity = z.infer<typeof granularitySchema>;

/** How many buckets one answer may hold, so a query stays cheap whatever range is asked. */
export const MAX_BUCKETS = 2000;
const BUCKET_MS: Record<Granularity, number> = { hour: 3_600_000, day: 86_400_000, month: 31 * 86_400_000 };

const isoDate = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}(T\d{2}(:\d{2}(:\d{2}(\.\d{1,3})?)?)?Z?)?$/, "Give an ISO date such as 2026-11-01.")
	.transform((text) => (text.length === 10 ? `${text}T00:00:00Z` : text.endsWith("Z") ? text : `${text}Z`))
	// Date.parse rolls 2026-02-30 over into March; a date must survive the round trip unchanged.
	.refine((text) => {
		const ms = Date.parse(text);
		return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === text.slice(0, 10);
	}, "That date does not exist.")
	.transform((text) => new Date(text).toISOString());

/** `?from=&to=&granularity=&format=` of every usage route. Defaults: this month so far, by day. */
export const usageQuerySchema = z
	.object({
		from: isoDate.optional(),
		to: isoDate.optional(),
		granularity: granularitySchema.default("day"),
		format: z.enum(["json", "csv"]).default("json"),
	})
	.transform((q) => {
		const now = new Date();
		const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString();
		return { ...q, from: q.from ?? monthStart, to: q.to ?? now.toISOString() };
	})
	.refine((q) => q.from < q.to, { message: "from must come before to.", path: ["from"] })
	.refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / BUCKET_MS[q.granularity] <= MAX_BUCKETS, {
		message: `That range holds more than ${MAX_BUCKETS} buckets: pick a coarser granularity.`,
		path: ["granularity"],
	});
export type UsageQuery = z.infer<typeof usageQuerySchema>;
export type UsageRange = Pick<UsageQuery, "from" | "to" | "granularity">;

/** The start of the bucket holding an ISO time, as an ISO string (what both stores group by). */
export function bucketOf(iso: string, granularity: Granularity): string {
	if (granularity === "hour") return `${iso.slice(0, 13)}:00:00.000Z`;
	if (granularity === "day") return `${iso.slice(0, 10)}T00:00:00.000Z`;
	return `${iso.slice(0, 7)}-01T00:00:00.000Z`;
}

/** One meter's quantity in one bucket. */
export interface UsagePoint {
	bucket: string;
	meter: Meter;
	quantity: number;
}

/** A tenant's exact usage, from its ledger. */
export interface UsageReport extends UsageRange {
	tenantId: string;
	plan: Plan;
	series: UsagePoint[];
	totals: Partial<Record<Meter, number>>;
	/** Where the open period stands against the plan, per billed line (0.8 = 80% of included). */
	allowance: Allowance[];
	generatedAt: string;
}

export interface Allowance {
	line: BillingLine;
	used: number;
	included: number;
	/** "ok" below 80%, "warning" from 80%, "exceeded" from 100%. */
	level: "ok" | "warning" | "exceeded";
}

export function allowanceLevel(used: number, included: number): Allowance["level"] {
	if (included <= 0) return used > 0 ? "exceeded" : "ok";
	const share = used / included;
	return share >= 1 ? "exceeded" : share >= 0.8 ? "warning" : "ok";
}

/** A tenant's invoices: the open period's preview (and projection) and the closed ones. */
export interface InvoiceList {
	preview: Invoice;
	projected: Invoice;
	closed: Invoice[];
	planHistory: { effectiveAt: string; plan: Plan }[];
}

/** One tenant's line in the operator's fleet view: both stores side by side. */
export interface FleetRow {
	tenantId: string;
	slug: string | null;
	plan: Plan | null;
	meter: Meter;
	ledger: number;
	analytics: number;
}

export interface FleetUsage extends UsageRange {
	/** Which store the Analytics Engine column came from. */
	analyticsSource: "analytics-engine" | "local";
	rows: FleetRow[];
	/** Ledger series summed over the fleet. */
	series: UsagePoint[];
	/** Per tenant: the period's invoice preview total and cost-to-serve, in cents. */
	tenants: { tenantId: string; slug: string; plan: Plan; revenueCents: number; costCents: number }[];
	generatedAt: string;
	/** The newest data point the Analytics Engine column saw, if any. */
	analyticsNewest: string | null;
}

export const planLabels = Object.fromEntries(Object.entries(PLANS).map(([plan, info]) => [plan, info.label]));
