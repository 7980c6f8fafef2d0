// Invoices: their schemas (types inferred from them) and their math, pure and shared: the tenant object computes previews, the control plane freezes
// closed ones, and the tests check the arithmetic. Rules, written down once:
// - Billing periods are calendar months in UTC. A plan change takes effect at its recorded time;
//   each stretch of the month on one plan is a segment.
// - A segment pays its plan's base price and gets its included quantities in proportion to the
//   share of the month it covers (by the second). Active members are the exception: they are
//   people, not a pace, so each segment includes its plan's whole member count (otherwise a tenant
//   that starts on the 25th would pay overage for its first member).
// - Usage is counted in hourly buckets; an hour belongs to the plan in force when it ends (so the
//   hour of a plan change goes to the new plan, and the last segment takes the hour in progress).
// - Each line is computed exactly, then rounded half up to whole cents; the total is the sum of
//   the rounded lines, so the lines always add up to the total shown.
// - A closed invoice never changes. A correction is an adjustment line on a later invoice.
import { z } from "zod";
import { isoTime } from "./entities";
import { METERS, type Meter } from "./meters";
import { BILLING_LINE_IDS, BILLING_LINES, type BillingLine, PLANS } from "./plans";
import { type Plan, planSchema } from "./tenant";

/** The billed lines of an invoice (shared/plans.ts), as a schema. */
export const billingLineSchema = z.enum(BILLING_LINE_IDS as [BillingLine, ...BillingLine[]]);

export const periodSchema = z
	.object({ id: z.string().meta({ description: 'The month, "2026-11".' }), from: isoTime, to: isoTime })
	.meta({ id: "Period", description: "A billing period: a calendar month in UTC." });
export type Period = z.infer<typeof periodSchema>;

/** The stretch of a period spent on one plan, with what was used during it. */
export interface SegmentUsage {
	plan: Plan;
	from: string;
	to: string;
	quantities: Partial<Record<Meter, number>>;
}

export const invoiceLineSchema = z
	.object({
		kind: z.enum(["base", "usage", "adjustment"]),
		description: z.string(),
		plan: planSchema.optional(),
		line: billingLineSchema.optional(),
		quantity: z.number().optional().meta({ description: "In the line's billed unit (GB-month, requests…)." }),
		included: z.number().optional(),
		overage: z.number().optional(),
		amountCents: z.number().int(),
	})
	.meta({ id: "InvoiceLine" });
export type InvoiceLine = z.infer<typeof invoiceLineSchema>;

export const adjustmentSchema = z
	.object({ id: z.string(), description: z.string(), amountCents: z.number().int(), createdAt: isoTime })
	.meta({ id: "Adjustment", description: "A correction: a line on the open period's invoice, never an edit." });
export type Adjustment = z.infer<typeof adjustmentSchema>;

export const invoiceSchema = z
	.object({
		tenantId: z.string(),
		period: periodSchema,
		status: z.enum(["open", "closed"]),
		lines: z.array(invoiceLineSchema),
		totalCents: z.number().int().meta({ description: "The sum of the lines, each rounded half up to the cent." }),
		computedAt: isoTime,
	})
	.meta({ id: "Invoice" });
export type Invoice = z.infer<typeof invoiceSchema>;

/** The UTC calendar month holding `at`. */
export function periodOf(at: Date): Period {
	const from = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
	const to = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1));
	return { id: from.toISOString().slice(0, 7), from: from.toISOString(), to: to.toISOString() };
}

/** The period before `period`. */
export function previousPeriod(period: Period): Period {
	return periodOf(new Date(Date.parse(period.from) - 1));
}

/** Half up to a whole cent. Amounts here are never negative except adjustments, which are whole. */
export function roundCents(cents: number): number {
	return Math.floor(cents + 0.5);
}

export function computeInvoice(
	tenantId: string,
	period: Period,
	segments: readonly SegmentUsage[],
	adjustments: readonly Adjustment[],
	status: Invoice["status"],
	computedAt: string,
): Invoice {
	const periodSeconds = seconds(period.from, period.to);
	const lines: InvoiceLine[] = [];
	for (const segment of segments) {
		const share = seconds(segment.from, segment.to) / periodSeconds;
		const plan = PLANS[segment.plan];
		const days = share === 1 ? "" : ` (${describeShare(segment, share)})`;
		lines.push({
			kind: "base",
			description: `${plan.label} plan${days}`,
			plan: segment.plan,
			amountCents: roundCents(plan.priceCents * share),
		});
		for (const line of BILLING_LINE_IDS) lines.push(usageLine(segment, line, share));
	}
	for (const adjustment of adjustments)
		lines.push({ kind: "adjustment", description: adjustment.description, amountCents: adjustment.amountCents });
	const totalCents = lines.reduce((sum, line) => sum + line.amountCents, 0);
	return { tenantId, period, status, lines, totalCents, computedAt };
}

function usageLine(segment: SegmentUsage, line: BillingLine, share: number): InvoiceLine {
	const info = BILLING_LINES[line];
	const plan = PLANS[segment.plan];
	const raw = info.meters.reduce((sum, meter) => sum + (segment.quantities[meter] ?? 0), 0);
	const quantity = info.toUnits(raw);
	const perPerson = info.meters.every((meter) => METERS[meter].kind === "distinct");
	const included = plan.included[line] * (perPerson ? 1 : share);
	const overage = Math.max(0, quantity - included);
	const price = plan.overage[line];
	const amountCents = price ? roundCents((overage / price.per) * price.cents) : 0;
	return { kind: "usage", description: info.label, plan: segment.plan, line, quantity, included, overage, amountCents };
}

function describeShare(segment: SegmentUsage, share: number): string {
	const day = (iso: string) => iso.slice(0, 10);
	return `${day(segment.from)} to ${day(segment.to)}, ${(share * 100).toFixed(1)}% of the month`;
}

function seconds(from: string, to: string): number {
	return (Date.parse(to) - Date.parse(from)) / 1000;
}

/**
 * The open period's invoice as it would be if usage went on at the pace so far: quantities of
 * the last segment scaled from the time elapsed to the whole segment.
 */
export function projectSegments(segments: readonly SegmentUsage[], now: Date): SegmentUsage[] {
	return segments.map((segment) => {
		const elapsed = Math.min(now.getTime(), Date.parse(segment.to)) - Date.parse(segment.from);
		const whole = Date.parse(segment.to) - Date.parse(segment.from);
		if (elapsed <= 0 || elapsed >= whole) return segment;
		const scale = whole / elapsed;
		const quantities = Object.fromEntries(
			Object.entries(segment.quantities).map(([meter, quantity]) => [
				meter,
				// Active members are people, not a pace: they are not extrapolated.
				meter === "members.active" ? quantity : (quantity ?? 0) * scale,
			]),
		);
		return { ...segment, quantities };
	});
}
