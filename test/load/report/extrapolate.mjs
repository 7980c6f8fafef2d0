// From this run's numbers to production, with Cloudflare's documented limits and the list prices
// in shared/prices.ts. A local run has one process and two cores for everything, so what carries
// over is the *shape* (queries and rows per request, what grows with what), not the local rates.
import { importShared } from "./shared-contract.mjs";

const { CLOUDFLARE_PRICES, OTHER_PRICES, PRICES_READ_ON } = await importShared("prices");

export const LIMITS = {
	objectRequestsPerSecond: 1000,
	d1QueriesPerSecond: 1000,
	storageBytes: 10 * 1e9,
	aePointsPerInvocation: 250,
};

/**
 * Queries one request sends to D1 in the D1 design, estimated from the code (worker/d1/, the
 * tenant service and the meter), split by whether they must run on the primary (writes) or could
 * run on a read replica. A board read: the tenant's record, the session and member, the board's
 * batch of five; then, at the end of the request, the meter's upserts (request count, object
 * requests, member activity): every read also writes. A card write: the same first two, the plan's
 * reads (list, last position, operation id), then one batch (operation id, two guards, card,
 * event, ledger upserts, guard cleanup) and the end-of-request upserts.
 */
const D1_QUERIES = { read: { replica: 7, primary: 3 }, write: { replica: 5, primary: 11 } };
/** A tenant at its busiest, for the "how many tenants" figures: reads and writes per second. */
const PROFILES = [
	{ name: "quiet (a small team)", reads: 0.2, writes: 0.05 },
	{ name: "busy (a 50-person team at peak)", reads: 5, writes: 1 },
	{ name: "heavy (an integration writing constantly)", reads: 20, writes: 10 },
];

const perMillion = (price) => (price.dollars / price.per) * 1e6;

export function extrapolate(scenarios) {
	const find = (scenario, key, variant) =>
		scenarios[scenario]?.measurements?.find((m) => m.key === key && m.variant === variant);
	const designs = {};
	for (const variant of ["do", "d1"]) {
		const read = find("board-reads", "read-10", variant);
		const write = find("card-writes", "write", variant);
		if (!read && !write) continue;
		const worker = perMillion(CLOUDFLARE_PRICES["requests.read"]);
		const objectRequest = perMillion(CLOUDFLARE_PRICES["cost.object_requests"]);
		const rowRead =
			variant === "do" ? perMillion(CLOUDFLARE_PRICES["cost.rows_read"]) : perMillion(OTHER_PRICES.d1RowsRead);
		const rowWritten =
			variant === "do" ? perMillion(CLOUDFLARE_PRICES["cost.rows_written"]) : perMillion(OTHER_PRICES.d1RowsWritten);
		// The D1 board store's statements do not reach the ledger's row counts (only the Db
		// interface's do), so its rows per request are the Durable Object design's measurement:
		// the same schema and statements (plus a tenant_id in every key).
		const rowsFrom = variant === "d1" ? "do" : variant;
		const readRows = find("board-reads", "read-10", rowsFrom)?.cost;
		const writeRows = find("card-writes", "write", rowsFrom)?.cost;
		// Object requests: the tenant's object in one design; in the other, the relay that each
		// committed event is handed to (a write), and none for a read.
		const cost = (rows, objectRequests) =>
			rows && round2(worker + objectRequest * objectRequests + rowRead * rows.rowsRead + rowWritten * rows.rowsWritten);
		const d = {
			localReadsPerSecond: read?.rate,
			localWritesPerSecond: write?.rate,
			rowsPerRead: readRows,
			rowsPerWrite: writeRows,
			rowsMeasuredOn: rowsFrom,
			dollarsPerMillionReads: cost(readRows, variant === "do" ? 1 : 0),
			dollarsPerMillionWrites: cost(writeRows, 1),
		};
		if (variant === "do") {
			d.perTenantCeiling = { requestsPerSecond: LIMITS.objectRequestsPerSecond };
			d.fleetCeiling = null;
			d.saturation = PROFILES.map((p) => ({
				profile: p.name,
				tenants: null,
				perTenantHeadroom: Math.round(LIMITS.objectRequestsPerSecond / (p.reads + p.writes)),
			}));
		} else {
			const q = D1_QUERIES;
			const all = (kind) => q[kind].replica + q[kind].primary;
			d.fleetCeiling = {
				writesPerSecond: Math.round(LIMITS.d1QueriesPerSecond / all("write")),
				readsPerSecond: Math.round(LIMITS.d1QueriesPerSecond / all("read")),
				readsPerSecondWithReplicas: Math.round(LIMITS.d1QueriesPerSecond / q.read.primary),
				queriesPerRead: all("read"),
				queriesPerWrite: all("write"),
			};
			d.saturation = PROFILES.map((p) => ({
				profile: p.name,
				tenants: Math.floor(LIMITS.d1QueriesPerSecond / (p.reads * all("read") + p.writes * all("write"))),
				tenantsWithReplicas: Math.floor(
					LIMITS.d1QueriesPerSecond / (p.reads * q.read.primary + p.writes * q.write.primary),
				),
			}));
		}
		designs[variant] = d;
	}
	return {
		limits: LIMITS,
		pricesReadOn: PRICES_READ_ON,
		profiles: PROFILES,
		d1Queries: D1_QUERIES,
		designs,
	};
}

function round2(n) {
	return Math.round(n * 100) / 100;
}
