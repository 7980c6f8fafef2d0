// The operator's fleet operations in the contract: schema rollouts, exports, point-in-time
// restore and the audit log. Types only, plus the one request schema; the routes are in
// ARCHITECTURE.md's HTTP contract and their paths in shared/paths.ts.
import { z } from "zod";

/** A schema rollout as the operator follows it: GET /api/admin/rollouts/:id. */
export interface Rollout {
	id: string;
	/** The schema version every tenant is brought to. */
	targetVersion: number;
	startedAt: string;
	/** When the last tenant was done or failed; null while any remains. */
	finishedAt: string | null;
	/** Tenants the rollout covers (every tenant listed when it started). */
	total: number;
	done: number;
	failed: number;
	/** Tenants deleted while the rollout ran: nothing left to migrate. */
	skipped: number;
	remaining: number;
	/** Tenants whose migration failed every retry and was parked in the dead-letter queue. */
	failures: { slug: string; reason: string; attempts: number }[];
	/** How the design rolls its schema out, in a sentence (the D1 design has one shared schema). */
	note: string;
}

export type ExportStatus = "queued" | "running" | "ready" | "failed";

/** An export as GET .../exports/:id answers with Accept: application/json (or while it is not ready). */
export interface TenantExport {
	id: string;
	slug: string;
	tenantId: string;
	status: ExportStatus;
	createdAt: string;
	finishedAt: string | null;
	/** Size of the archive in bytes, once ready. */
	bytes: number | null;
	/** Rows per table and attachments copied, once ready. */
	counts: Record<string, number> | null;
	/** Why it failed, once failed. */
	error: string | null;
	/** Where the archive is downloaded from (the same address, asked for without Accept: application/json). */
	download: string;
}

/** One operator action, as GET /api/admin/audit lists them (newest first). */
export interface AuditEntry {
	id: number;
	at: string;
	/** Who: the `x-operator` header when given, else "operator"; "fleet" for what the queue did. */
	actor: string;
	/** A short hash of the caller's address and user agent, to tell operators apart without storing either. */
	client: string | null;
	action: AuditAction;
	slug: string | null;
	tenantId: string | null;
	details: Record<string, unknown>;
}

export const AUDIT_ACTIONS = [
	"tenant.create",
	"tenant.import",
	"tenant.plan",
	"tenant.suspend",
	"tenant.resume",
	"tenant.delete",
	"tenant.purged",
	"tenant.purge_failed",
	"tenant.restore",
	"member.add",
	"export.start",
	"export.failed",
	"rollout.start",
	"billing.adjust",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditPage {
	entries: AuditEntry[];
	cursor: string | null;
}

/** POST /api/admin/tenants/:slug/restore: the moment to bring the tenant's database back to. */
export const restoreSchema = z.object({
	at: z.iso.datetime({ offset: true, message: "Give `at` as an ISO 8601 time, such as 2026-11-20T09:30:00Z." }),
});

/** How far back a Durable Object's history reaches. */
export const RESTORE_WINDOW_MS = 30 * 24 * 3600 * 1000;
