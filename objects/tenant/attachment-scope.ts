// What the attachment modules need from the tenant object, and the plan limits they enforce.
// Bytes never come here: the Worker streams them to R2 and reports what R2 acknowledged.
import type { Attachment, Tenant } from "../../shared/api";
import { fail, ok, type Result } from "../../shared/errors";
import { PLANS } from "../../shared/plans";
import type { Sql } from "./sql";
import type { SqliteBoardStore } from "./sqlite-store";
import type { UsageMeter } from "./usage-meter";

export interface AttachmentScope {
	sql: Sql;
	storage: DurableObjectStorage;
	/** The SQLite store itself: attachment rows commit in the same transaction as upload rows. */
	store: SqliteBoardStore;
	bucket: R2Bucket;
	tenant: Pick<Tenant, "id" | "plan">;
	/**
	 * Multipart completions in flight, by upload id. Completing awaits R2, which lets a second
	 * complete of the same upload in; it gets the first one's answer instead of racing it.
	 */
	completing: Map<string, Promise<Result<Attachment>>>;
	/** The tenant's usage meter: R2 operations and bytes moved are counted where they happen. */
	meter: UsageMeter;
}

/** Bytes stored plus bytes reserved by uploads still in flight. */
export function committedBytes(sql: Sql): number {
	const stored = sql.one<{ n: number | null }>("SELECT sum(size) AS n FROM attachments")?.n ?? 0;
	const reserved = sql.one<{ n: number | null }>("SELECT sum(size) AS n FROM uploads")?.n ?? 0;
	return stored + reserved;
}

/**
 * Refuses a file the plan does not allow, before any byte is stored. Uploads reserve their
 * declared size when they start, so two concurrent uploads cannot both fit in the last gigabyte.
 */
export function checkQuota(scope: AttachmentScope, size: number): Result<null> {
	const plan = PLANS[scope.tenant.plan];
	if (size > plan.maxFileBytes) {
		return fail(
			"payload_too_large",
			`Files on the ${plan.label} plan can be up to ${formatBytes(plan.maxFileBytes)}; this one is ${formatBytes(size)}.`,
			{ maxFileBytes: plan.maxFileBytes },
		);
	}
	const used = committedBytes(scope.sql);
	if (used + size > plan.maxStorageBytes) {
		const left = Math.max(0, plan.maxStorageBytes - used);
		return fail(
			"payload_too_large",
			`This workspace has ${formatBytes(left)} of its ${formatBytes(plan.maxStorageBytes)} left on the ${plan.label} plan; this file is ${formatBytes(size)}.`,
			{ usedBytes: used, maxStorageBytes: plan.maxStorageBytes },
		);
	}
	return ok(null);
}

export function formatBytes(bytes: number): string {
	const units = ["bytes", "KB", "MB", "GB", "TB"];
	let value = bytes;
	let unit = 0;
	while (value >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit += 1;
	}
	return `${unit === 0 ? value : Number(value.toFixed(1))} ${units[unit]}`;
}
