// Cloudflare's list prices for what a tenant costs to serve, so that cost can stand beside the
// bill. Read from developers.cloudflare.com (Workers Paid plan, pay-as-you-go rates, free
// allowances ignored: they are per account, not per tenant) on the date below.
import type { Meter } from "./meters";
import { BYTES_PER_GB, SECONDS_PER_MONTH } from "./meters";

export const PRICES_READ_ON = "2026-11-25";

/** US dollars per unit of each cost meter. */
export interface UnitPrice {
	dollars: number;
	/** How many of the meter's units that price buys. */
	per: number;
	source: string;
}

const MILLION = 1_000_000;
const GB_MONTH = BYTES_PER_GB * SECONDS_PER_MONTH;

/** The Durable Object design: one SQLite object per tenant, attachments in R2. */
export const CLOUDFLARE_PRICES: Partial<Record<Meter, UnitPrice>> = {
	"cost.object_requests": { dollars: 0.15, per: MILLION, source: "Durable Objects requests" },
	"cost.rows_read": { dollars: 0.001, per: MILLION, source: "SQLite-backed Durable Objects, rows read" },
	"cost.rows_written": { dollars: 1.0, per: MILLION, source: "SQLite-backed Durable Objects, rows written" },
	"cost.sql_byte_seconds": { dollars: 0.2, per: GB_MONTH, source: "SQLite-backed Durable Objects, stored data" },
	"cost.r2_class_a": { dollars: 4.5, per: MILLION, source: "R2 Standard, class A operations" },
	"cost.r2_class_b": { dollars: 0.36, per: MILLION, source: "R2 Standard, class B operations" },
	"storage.byte_seconds": { dollars: 0.015, per: GB_MONTH, source: "R2 Standard storage" },
	// Every API request runs the front Worker once.
	"requests.read": { dollars: 0.3, per: MILLION, source: "Workers requests" },
	"requests.write": { dollars: 0.3, per: MILLION, source: "Workers requests" },
	"requests.upload": { dollars: 0.3, per: MILLION, source: "Workers requests" },
	"requests.download": { dollars: 0.3, per: MILLION, source: "Workers requests" },
	"requests.ws_connect": { dollars: 0.3, per: MILLION, source: "Workers requests" },
};

/** Other list prices the load report uses to extrapolate. */
export const OTHER_PRICES = {
	analyticsEnginePoint: { dollars: 0.25, per: MILLION, source: "Workers Analytics Engine, data points written" },
	d1RowsRead: { dollars: 0.001, per: MILLION, source: "D1 rows read" },
	d1RowsWritten: { dollars: 1.0, per: MILLION, source: "D1 rows written" },
	d1Storage: { dollars: 0.75, per: GB_MONTH, source: "D1 storage (per GB-month)" },
	kvRead: { dollars: 0.5, per: MILLION, source: "Workers KV reads" },
	queueOperation: { dollars: 0.4, per: MILLION, source: "Queues operations (per 64 KB)" },
} as const;

/** What `quantity` of a meter cost to serve, in (fractional) US cents. */
export function costCents(meter: Meter, quantity: number): number {
	const price = CLOUDFLARE_PRICES[meter];
	return price ? (quantity / price.per) * price.dollars * 100 : 0;
}

/**
 * What serving these totals cost, in (fractional) cents: each cost meter at its list price, plus
 * incoming WebSocket messages, which Durable Objects bill as requests at 20 messages to one.
 */
export function costToServeCents(totals: Partial<Record<Meter, number>>): number {
	let cents = 0;
	for (const [meter, quantity] of Object.entries(totals) as [Meter, number][]) cents += costCents(meter, quantity);
	return cents + costCents("cost.object_requests", (totals["ws.messages_in"] ?? 0) / 20);
}
