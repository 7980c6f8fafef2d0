// The local stand-in for Analytics Engine's storage: wrangler and miniflare accept AE writes and
// drop them, so when USAGE_STORE is "local" the writer also sends every point here. Points keep
// AE's column layout (timestamp, index1, blob1..20, double1..20, _sample_interval) and the billing
// queries run against them in the same shape they run against AE in production.
import { DurableObject } from "cloudflare:workers";
import { Sql } from "../tenant/sql";
import { localSql, toUsageRows, type UsageQueryDef, type UsageRow } from "./queries";
import { type RecordedPoint, UsageWriter } from "./writer";

const COLUMNS = 20;
const numbered = (prefix: string) => Array.from({ length: COLUMNS }, (_, i) => `${prefix}${i + 1}`);
const BLOBS = numbered("blob");
const DOUBLES = numbered("double");

export class UsageRecorder extends DurableObject<Env> {
	readonly #sql = new Sql(this.ctx.storage);

	constructor(ctx: DurableObjectState, env: Env) {
		super(ctx, env);
		this.#sql.run(`CREATE TABLE IF NOT EXISTS points (timestamp INTEGER NOT NULL, index1 TEXT NOT NULL,
			${BLOBS.map((b) => `${b} TEXT`).join(", ")}, ${DOUBLES.map((d) => `${d} REAL`).join(", ")},
			_sample_interval INTEGER NOT NULL)`);
		this.#sql.run("CREATE INDEX IF NOT EXISTS points_by_time ON points(timestamp, index1)");
	}

	/** Stores a batch of points as Analytics Engine would. */
	async record(points: RecordedPoint[]): Promise<number> {
		const columns = ["timestamp", "index1", ...BLOBS, ...DOUBLES, "_sample_interval"];
		const insert = `INSERT INTO points (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`;
		this.ctx.storage.transactionSync(() => {
			for (const p of points) {
				const blobs = BLOBS.map((_, i) => p.blobs[i] ?? null);
				const doubles = DOUBLES.map((_, i) => p.doubles[i] ?? null);
				this.#sql.run(insert, p.timestamp, p.index1, ...blobs, ...doubles, p.sampleInterval);
			}
		});
		return points.length;
	}

	/** A usage query, rendered for SQLite by the same definition that renders AE SQL. */
	async usage(def: UsageQueryDef): Promise<UsageRow[]> {
		return localSql(def).flatMap(({ sql, params }) => toUsageRows(this.#sql.all(sql, ...params)));
	}

	/** When the newest point arrived (ISO), so dashboards can say how fresh the data is. */
	async newest(): Promise<string | null> {
		const at = this.#sql.one<{ at: number | null }>("SELECT max(timestamp) AS at FROM points")?.at;
		return at ? new Date(at).toISOString() : null;
	}

	/** Every point, for tests that check the recorder holds exactly what was done. */
	async points(tenantId: string): Promise<RecordedPoint[]> {
		return this.#sql
			.all<Record<string, string | number | null>>("SELECT * FROM points WHERE index1 = ? ORDER BY rowid", tenantId)
			.map((r) => ({
				timestamp: Number(r.timestamp),
				index1: String(r.index1),
				blobs: BLOBS.map((b) => r[b]).filter((v): v is string => typeof v === "string"),
				doubles: DOUBLES.map((d) => r[d]).filter((v): v is number => typeof v === "number"),
				sampleInterval: Number(r._sample_interval),
			}));
	}
}

/** The recorder every local point goes to: one object, named here and nowhere else. */
export function usageRecorder(env: Env) {
	return env.UsageRecorder.getByName("local");
}

/**
 * Batches points for the recorder and sends them shortly after, off the request's path. Points
 * written in the same moment travel together, so metering costs one call per burst, not per point.
 */
export class RecorderSink {
	#batch: RecordedPoint[] = [];

	constructor(
		private readonly env: Env,
		private readonly waitUntil: (promise: Promise<unknown>) => void,
	) {}

	add(point: RecordedPoint): void {
		this.#batch.push(point);
		if (this.#batch.length === 1) this.waitUntil(this.#sendSoon());
	}

	async #sendSoon(): Promise<void> {
		await new Promise((resolve) => setTimeout(resolve, 50));
		const batch = this.#batch;
		this.#batch = [];
		await usageRecorder(this.env)
			.record(batch)
			.catch((error: unknown) => console.warn("The local usage recorder refused a batch", error));
	}
}

/**
 * The usage writer for this configuration: Analytics Engine always (a no-op locally, where
 * wrangler drops the writes), plus the local recorder when USAGE_STORE is "local" (npm start and
 * the tests set it). One decision, made here, instead of `if (local)` in every handler.
 */
export function usageWriter(env: Env, variant: string, waitUntil: (promise: Promise<unknown>) => void): UsageWriter {
	const sink = env.USAGE_STORE === "local" ? new RecorderSink(env, waitUntil) : undefined;
	return new UsageWriter(env.USAGE, variant, sink);
}
