// The billing contract: usage queries (ranges and granularities, validated once), what usage and
// invoice responses look like, and the time buckets both stores group by.
import { z } from "zod";
import { isoTime } from "./entities";
import { billingLineSchema, invoiceSchema } from "./invoice";
import { METERS, type Meter } from "./meters";
import { PLANS } from "./plans";
import { planSchema } from "./tenant";
import { storedText } from "./text";

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

/** The fields of a usage route's query, as given (the OpenAPI document describes these). */
export const usageQueryFields = z.object({
	from: isoDate.optional().meta({ description: "An ISO date or time; default: the start of this month (UTC)." }),
	to: isoDate.optional().meta({ description: "An ISO date or time; default: now." }),
	granularity: granularitySchema.default("day"),
	format: z.enum(["json", "csv"]).default("json"),
});

/** `?from=&to=&granularity=&format=` of every usage route. Defaults: this month so far, by day. */
export const usageQuerySchema = usageQueryFields
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

/** Every meter's id (shared/meters.ts), as a schema. */
export const meterSchema = z.enum(Object.keys(METERS) as [Meter, ...Meter[]]);
const range = { from: isoTime, to: isoTime, granularity: granularitySchema };
const quantities = z.partialRecord(meterSchema, z.number());

export const usagePointSchema = z
	.object({ bucket: isoTime, meter: meterSchema, quantity: z.number() })
	.meta({ id: "UsagePoint", description: "One meter's quantity in one bucket." });
export type UsagePoint = z.infer<typeof usagePointSchema>;

export const allowanceSchema = z
	.object({
		line: billingLineSchema,
		used: z.number(),
		included: z.number(),
		level: z
			.enum(["ok", "warning", "exceeded"])
			.meta({ description: '"ok" below 80%, "warning" from 80%, "exceeded" from 100%.' }),
	})
	.meta({ id: "Allowance" });
export type Allowance = z.infer<typeof allowanceSchema>;

export const usageReportSchema = z
	.object({
		...range,
		tenantId: z.string(),
		plan: planSchema,
		series: z.array(usagePointSchema),
		totals: quantities,
		allowance: z
			.array(allowanceSchema)
			.meta({ description: "Where the open period stands against the plan, per billed line (0.8 = 80% of included)." }),
		generatedAt: isoTime,
	})
	.meta({ id: "UsageReport", description: "A tenant's exact usage, from its ledger." });
export type UsageReport = z.infer<typeof usageReportSchema>;

export function allowanceLevel(used: number, included: number): Allowance["level"] {
	if (included <= 0) return used > 0 ? "exceeded" : "ok";
	const share = used / included;
	return share >= 1 ? "exceeded" : share >= 0.8 ? "warning" : "ok";
}

export const invoiceListSchema = z
	.object({
		preview: invoiceSchema,
		projected: invoiceSchema,
		closed: z.array(invoiceSchema),
		planHistory: z.array(z.object({ effectiveAt: isoTime, plan: planSchema })),
	})
	.meta({ id: "InvoiceList", description: "The open period's preview (and projection) and the closed invoices." });
export type InvoiceList = z.infer<typeof invoiceListSchema>;

export const fleetRowSchema = z
	.object({
		tenantId: z.string(),
		slug: z.string().nullable(),
		plan: planSchema.nullable(),
		meter: meterSchema,
		ledger: z.number(),
		analytics: z.number(),
	})
	.meta({ id: "FleetRow", description: "One tenant's meter in the fleet view: both stores side by side." });
export type FleetRow = z.infer<typeof fleetRowSchema>;

export const fleetUsageSchema = z
	.object({
		...range,
		analyticsSource: z
			.enum(["analytics-engine", "local"])
			.meta({ description: "Which store the Analytics Engine column came from." }),
		rows: z.array(fleetRowSchema),
		series: z.array(usagePointSchema).meta({ description: "Ledger series summed over the fleet." }),
		tenants: z
			.array(
				z.object({
					tenantId: z.string(),
					slug: z.string(),
					plan: planSchema,
					revenueCents: z.number(),
					costCents: z.number(),
				}),
			)
			.meta({ description: "Per tenant: the period's invoice preview total and cost-to-serve, in cents." }),
		generatedAt: isoTime,
		analyticsNewest: isoTime.nullable().meta({ description: "The newest data point the Analytics Engine column saw." }),
	})
	.meta({ id: "FleetUsage" });
export type FleetUsage = z.infer<typeof fleetUsageSchema>;

/** POST /api/admin/tenants/:slug/billing/adjustments: a correction to the open period's invoice. */
export const createAdjustmentSchema = z.object({
	description: storedText(200, { min: 1, what: "A description" }),
	amountCents: z
		.number()
		.int()
		.refine((n) => n !== 0, "An adjustment of zero changes nothing.")
		.meta({ description: "Whole cents; negative for a credit." }),
});

export const planLabels = Object.fromEntries(Object.entries(PLANS).map(([plan, info]) => [plan, info.label]));
