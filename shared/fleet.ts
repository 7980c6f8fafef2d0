// The operator's fleet operations in the contract: schema rollouts, exports, point-in-time
// restore and the audit log: the response schemas (types inferred from them) and the one request
// schema; the routes are in ARCHITECTURE.md's HTTP contract and their paths in shared/paths.ts.
import { z } from "zod";
import { isoTime } from "./entities";

/** A schema rollout as the operator follows it: GET /api/admin/rollouts/:id. */
export const rolloutSchema = z
	.object({
		id: z.string(),
		targetVersion: z.number().int().meta({ description: "The schema version every tenant is brought to." }),
		startedAt: isoTime,
		finishedAt: isoTime
			.nullable()
			.meta({ description: "When the last tenant was done or failed; null while any remains." }),
		total: z.number().int().meta({ description: "Tenants the rollout covers (every tenant listed when it started)." }),
		done: z.number().int(),
		failed: z.number().int(),
		skipped: z.number().int().meta({ description: "Tenants deleted while the rollout ran: nothing left to migrate." }),
		remaining: z.number().int(),
		failures: z
			.array(z.object({ slug: z.string(), reason: z.string(), attempts: z.number().int() }))
			.meta({ description: "Tenants whose migration failed every retry and was parked in the dead-letter queue." }),
		note: z.string().meta({
			description: "How the design rolls its schema out, in a sentence (the D1 design has one shared schema).",
		}),
	})
	.meta({ id: "Rollout" });
export type Rollout = z.infer<typeof rolloutSchema>;

export const exportStatusSchema = z.enum(["queued", "running", "ready", "failed"]);
export type ExportStatus = z.infer<typeof exportStatusSchema>;

/** An export as GET .../exports/:id answers with Accept: application/json (or while it is not ready). */
export const tenantExportSchema = z
	.object({
		id: z.string(),
		slug: z.string(),
		tenantId: z.string(),
		status: exportStatusSchema,
		createdAt: isoTime,
		finishedAt: isoTime.nullable(),
		bytes: z.number().int().nullable().meta({ description: "Size of the archive in bytes, once ready." }),
		counts: z
			.record(z.string(), z.number())
			.nullable()
			.meta({ description: "Rows per table and attachments copied, once ready." }),
		error: z.string().nullable().meta({ description: "Why it failed, once failed." }),
		download: z.string().meta({
			description:
				"Where the archive is downloaded from: the same address, asked for without Accept: application/json.",
		}),
	})
	.meta({ id: "TenantExport" });
export type TenantExport = z.infer<typeof tenantExportSchema>;

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

/** One operator action, as GET /api/admin/audit lists them (newest first). */
export const auditEntrySchema = z
	.object({
		id: z.number().int(),
		at: isoTime,
		actor: z.string().meta({
			description: 'Who: the `x-operator` header when given, else "operator"; "fleet" for what the queue did.',
		}),
		client: z.string().nullable().meta({
			description:
				"A short hash of the caller's address and user agent, to tell operators apart without storing either.",
		}),
		action: z.enum(AUDIT_ACTIONS),
		slug: z.string().nullable(),
		tenantId: z.string().nullable(),
		details: z.record(z.string(), z.unknown()),
	})
	.meta({ id: "AuditEntry" });
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = z
	.object({ entries: z.array(auditEntrySchema), cursor: z.string().nullable() })
	.meta({ id: "AuditPage", description: "Newest first, 50 a page; pass `cursor` back for the next page." });
export type AuditPage = z.infer<typeof auditPageSchema>;

/** POST /api/admin/tenants/:slug/restore: the moment to bring the tenant's database back to. */
export const restoreSchema = z.object({
	at: z.iso.datetime({ offset: true, message: "Give `at` as an ISO 8601 time, such as 2026-11-20T09:30:00Z." }),
});

/** How far back a Durable Object's history reaches. */
export const RESTORE_WINDOW_MS = 30 * 24 * 3600 * 1000;
