// The fleet's own records: the operator's audit log, the progress of schema rollouts and the
// state of exports. Written once over a tiny SQL seam, so the Durable Object design keeps them in
// the Fleet object's SQLite (objects/fleet/fleet.ts) and the D1 design in the shared database
// (migrations/0004_fleet.sql) with the same statements. Nothing here is on a tenant's request path.
import type { AuditEntry, AuditPage, ExportStatus, Rollout, TenantExport } from "../../shared/fleet";

type Value = string | number | null;

/** What the records need of a SQLite database: the Fleet object's, or D1. */
export interface FleetSql {
	all<T>(query: string, ...params: Value[]): Promise<T[]>;
	run(query: string, ...params: Value[]): Promise<number>;
}

/** The tables, for the Fleet object (D1 gets the same from migrations/0004_fleet.sql). */
export const FLEET_SCHEMA = [
	`CREATE TABLE IF NOT EXISTS audit_log (seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL,
		client TEXT, action TEXT NOT NULL, slug TEXT, tenant_id TEXT, details TEXT NOT NULL)`,
	`CREATE TABLE IF NOT EXISTS rollouts (id TEXT PRIMARY KEY, target_version INTEGER NOT NULL, started_at TEXT NOT NULL,
		note TEXT NOT NULL)`,
	`CREATE TABLE IF NOT EXISTS rollout_tenants (rollout_id TEXT NOT NULL, slug TEXT NOT NULL, state TEXT NOT NULL,
		attempts INTEGER NOT NULL, reason TEXT, updated_at TEXT NOT NULL, PRIMARY KEY (rollout_id, slug))`,
	`CREATE TABLE IF NOT EXISTS exports (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL, slug TEXT NOT NULL,
		status TEXT NOT NULL, archive_key TEXT NOT NULL, created_at TEXT NOT NULL, finished_at TEXT, bytes INTEGER,
		counts TEXT, error TEXT)`,
];

/** A tenant's place in a rollout: waiting (and maybe retrying), or one of the three ends. */
export type RolloutState = "pending" | "done" | "failed" | "skipped";

/** An export's row, without the download address (which depends on who asks). */
export type ExportRecord = Omit<TenantExport, "download"> & { archiveKey: string };

const AUDIT_PAGE = 50;
const ROWS_PER_INSERT = 20;

export class FleetRecords {
	constructor(private readonly sql: FleetSql) {}

	// ── Audit log ─────────────────────────────────────────────────────────────

	async audit(entry: Omit<AuditEntry, "id" | "at">): Promise<void> {
		await this.sql.run(
			"INSERT INTO audit_log (at, actor, client, action, slug, tenant_id, details) VALUES (?, ?, ?, ?, ?, ?, ?)",
			new Date().toISOString(),
			entry.actor,
			entry.client,
			entry.action,
			entry.slug,
			entry.tenantId,
			JSON.stringify(entry.details),
		);
	}

	/** Newest first, a page at a time; undefined when the cursor is not one this log handed out. */
	async auditPage(cursor: string | null): Promise<AuditPage | undefined> {
		const before = cursor === null ? Number.MAX_SAFE_INTEGER : Number(cursor);
		if (!Number.isSafeInteger(before) || before < 1) return undefined;
		const rows = await this.sql.all<AuditRow>(
			"SELECT * FROM audit_log WHERE seq < ? ORDER BY seq DESC LIMIT ?",
			before,
			AUDIT_PAGE + 1,
		);
		const entries = rows.slice(0, AUDIT_PAGE).map(toAuditEntry);
		const last = entries.at(-1);
		return { entries, cursor: rows.length > AUDIT_PAGE && last ? String(last.id) : null };
	}

	// ── Rollouts ──────────────────────────────────────────────────────────────

	async startRollout(id: string, targetVersion: number, note: string): Promise<void> {
		await this.sql.run(
			"INSERT INTO rollouts (id, target_version, started_at, note) VALUES (?, ?, ?, ?)",
			id,
			targetVersion,
			new Date().toISOString(),
			note,
		);
	}

	/** Adds tenants to a rollout (a tenant listed twice is counted once). */
	async addToRollout(id: string, slugs: readonly string[], state: RolloutState): Promise<void> {
		const at = new Date().toISOString();
		// Several rows per statement, under D1's limit of 100 bound parameters.
		for (let start = 0; start < slugs.length; start += ROWS_PER_INSERT) {
			const chunk = slugs.slice(start, start + ROWS_PER_INSERT);
			await this.sql.run(
				`INSERT INTO rollout_tenants (rollout_id, slug, state, attempts, reason, updated_at)
				VALUES ${chunk.map(() => "(?, ?, ?, 0, NULL, ?)").join(", ")} ON CONFLICT (rollout_id, slug) DO NOTHING`,
				...chunk.flatMap((slug) => [id, slug, state, at]),
			);
		}
	}

	/**
	 * One tenant's attempt: a final state, or (state "pending") a failure the queue will retry.
	 * "failed" is the dead-letter queue parking it after its last attempt, so it counts no attempt
	 * and keeps the last reason. Only a pending tenant moves, so a message delivered twice never
	 * undoes an outcome.
	 */
	async rolloutAttempt(id: string, slug: string, state: RolloutState, reason: string | null = null): Promise<void> {
		await this.sql.run(
			`UPDATE rollout_tenants SET state = ?, attempts = attempts + (CASE WHEN ? = 'failed' THEN 0 ELSE 1 END),
				reason = coalesce(?, reason), updated_at = ?
			WHERE rollout_id = ? AND slug = ? AND state = 'pending'`,
			state,
			state,
			reason,
			new Date().toISOString(),
			id,
			slug,
		);
	}

	async rollout(id: string): Promise<Rollout | undefined> {
		const [rollout] = await this.sql.all<RolloutRow>("SELECT * FROM rollouts WHERE id = ?", id);
		if (!rollout) return undefined;
		const counts = await this.sql.all<{ state: RolloutState; n: number; last: string }>(
			"SELECT state, count(*) AS n, max(updated_at) AS last FROM rollout_tenants WHERE rollout_id = ? GROUP BY state",
			id,
		);
		const count = (state: RolloutState) => counts.find((c) => c.state === state)?.n ?? 0;
		const failures = await this.sql.all<{ slug: string; reason: string | null; attempts: number }>(
			"SELECT slug, reason, attempts FROM rollout_tenants WHERE rollout_id = ? AND state = 'failed' ORDER BY slug LIMIT 100",
			id,
		);
		const remaining = count("pending");
		const total = counts.reduce((sum, c) => sum + c.n, 0);
		const last = counts.reduce((max, c) => (c.last > max ? c.last : max), rollout.started_at);
		return {
			id,
			targetVersion: rollout.target_version,
			startedAt: rollout.started_at,
			finishedAt: remaining === 0 ? last : null,
			total,
			done: count("done"),
			failed: count("failed"),
			skipped: count("skipped"),
			remaining,
			failures: failures.map((f) => ({ slug: f.slug, reason: f.reason ?? "unknown", attempts: f.attempts })),
			note: rollout.note,
		};
	}

	// ── Exports ───────────────────────────────────────────────────────────────

	async createExport(record: { id: string; tenantId: string; slug: string; archiveKey: string }): Promise<void> {
		await this.sql.run(
			`INSERT INTO exports (id, tenant_id, slug, status, archive_key, created_at) VALUES (?, ?, ?, 'queued', ?, ?)`,
			record.id,
			record.tenantId,
			record.slug,
			record.archiveKey,
			new Date().toISOString(),
		);
	}

	/** Moves an export on (what is not given stays as it was); a finished one (ready or failed) stays as it is. */
	async updateExport(
		id: string,
		status: ExportStatus,
		outcome: { bytes?: number; counts?: Record<string, number>; error?: string } = {},
	): Promise<void> {
		const finished = status === "ready" || status === "failed" ? new Date().toISOString() : null;
		await this.sql.run(
			`UPDATE exports SET status = ?, finished_at = ?, bytes = coalesce(?, bytes), counts = coalesce(?, counts),
				error = coalesce(?, error)
			WHERE id = ? AND status NOT IN ('ready', 'failed')`,
			status,
			finished,
			outcome.bytes ?? null,
			outcome.counts ? JSON.stringify(outcome.counts) : null,
			outcome.error ?? null,
			id,
		);
	}

	async export(id: string): Promise<ExportRecord | undefined> {
		const [row] = await this.sql.all<ExportRow>("SELECT * FROM exports WHERE id = ?", id);
		return row && toExport(row);
	}
}

type AuditRow = {
	seq: number;
	at: string;
	actor: string;
	client: string | null;
	action: AuditEntry["action"];
	slug: string | null;
	tenant_id: string | null;
	details: string;
};

type RolloutRow = { id: string; target_version: number; started_at: string; note: string };

type ExportRow = {
	id: string;
	tenant_id: string;
	slug: string;
	status: ExportStatus;
	archive_key: string;
	created_at: string;
	finished_at: string | null;
	bytes: number | null;
	counts: string | null;
	error: string | null;
};

function toAuditEntry(row: AuditRow): AuditEntry {
	return {
		id: row.seq,
		at: row.at,
		actor: row.actor,
		client: row.client,
		action: row.action,
		slug: row.slug,
		tenantId: row.tenant_id,
		details: JSON.parse(row.details) as Record<string, unknown>,
	};
}

function toExport(row: ExportRow): ExportRecord {
	return {
		id: row.id,
		slug: row.slug,
		tenantId: row.tenant_id,
		status: row.status,
		archiveKey: row.archive_key,
		createdAt: row.created_at,
		finishedAt: row.finished_at,
		bytes: row.bytes,
		counts: row.counts ? (JSON.parse(row.counts) as Record<string, number>) : null,
		error: row.error,
	};
}
