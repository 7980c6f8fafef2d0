// What Boardroom meters: one table of meters, read by the tenant's ledger, the Analytics Engine
// writer, the billing queries, the invoices and the dashboards. A meter's id is what both stores
// keep, so renaming one is a data migration, not a refactor.

export type MeterKind =
	/** A count of things that happened: requests, operations, bytes moved. Summed over time. */
	| "count"
	/** A level integrated over time: byte-seconds stored. Shown and billed as GB-month. */
	| "gauge"
	/** Distinct members who did anything: counted once per period, however busy they were. */
	| "distinct";

export interface MeterInfo {
	label: string;
	/** The unit quantities are kept in. */
	unit: string;
	kind: MeterKind;
	/** What the meter tells: what the tenant used (billable) or what it cost us to serve it. */
	group: "usage" | "cost";
}

export const METERS = {
	"requests.read": { label: "Read requests", unit: "requests", kind: "count", group: "usage" },
	"requests.write": { label: "Write requests", unit: "requests", kind: "count", group: "usage" },
	"requests.upload": { label: "Upload requests", unit: "requests", kind: "count", group: "usage" },
	"requests.download": { label: "Download requests", unit: "requests", kind: "count", group: "usage" },
	"requests.ws_connect": { label: "Live connections", unit: "connections", kind: "count", group: "usage" },
	operations: { label: "Committed changes", unit: "operations", kind: "count", group: "usage" },
	"ws.messages_in": { label: "Live messages in", unit: "messages", kind: "count", group: "usage" },
	"ws.messages_out": { label: "Live messages out", unit: "messages", kind: "count", group: "usage" },
	"storage.byte_seconds": { label: "Attachment storage", unit: "byte-seconds", kind: "gauge", group: "usage" },
	"bytes.uploaded": { label: "Bytes uploaded", unit: "bytes", kind: "count", group: "usage" },
	"bytes.downloaded": { label: "Bytes downloaded", unit: "bytes", kind: "count", group: "usage" },
	"members.active": { label: "Active members", unit: "members", kind: "distinct", group: "usage" },
	"cost.object_requests": { label: "Durable Object requests", unit: "requests", kind: "count", group: "cost" },
	"cost.rows_read": { label: "SQLite rows read", unit: "rows", kind: "count", group: "cost" },
	"cost.rows_written": { label: "SQLite rows written", unit: "rows", kind: "count", group: "cost" },
	"cost.r2_class_a": { label: "R2 class A operations", unit: "operations", kind: "count", group: "cost" },
	"cost.r2_class_b": { label: "R2 class B operations", unit: "operations", kind: "count", group: "cost" },
	"cost.sql_byte_seconds": { label: "Database storage", unit: "byte-seconds", kind: "gauge", group: "cost" },
} as const satisfies Record<string, MeterInfo>;

export type Meter = keyof typeof METERS;

export const METER_IDS = Object.keys(METERS) as Meter[];

export function isMeter(value: string): value is Meter {
	return Object.hasOwn(METERS, value);
}

/** The class of an API request, as the requests.* meters count it. */
export type RequestClass = "read" | "write" | "upload" | "download" | "ws_connect";

export function requestMeter(kind: RequestClass): Meter {
	return `requests.${kind}`;
}

/** Seconds in the billing month used to turn byte-seconds into GB-months: 30 days, as clouds bill. */
export const SECONDS_PER_MONTH = 30 * 24 * 3600;
export const BYTES_PER_GB = 1_000_000_000;

/** Byte-seconds as GB-months, the unit storage is priced in. */
export function toGbMonths(byteSeconds: number): number {
	return byteSeconds / BYTES_PER_GB / SECONDS_PER_MONTH;
}
