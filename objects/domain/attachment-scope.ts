// What the attachment modules need from the tenant, where its files live in R2, and the plan
// limits they enforce. Bytes never come here: the Worker streams them to R2 and reports what R2
// acknowledged.
import type { Attachment, Tenant } from "../../shared/api";
import { fail, ok, type Result } from "../../shared/errors";
import { PLANS } from "../../shared/plans";
import type { Db } from "./db";
import type { BoardStore } from "./store";
import type { UsageMeter } from "./usage-meter";

export interface AttachmentScope {
	db: Db;
	/** Attachment rows commit through the board store, with their event. */
	store: BoardStore;
	bucket: R2Bucket;
	tenant: Pick<Tenant, "id" | "plan">;
	/**
	 * Multipart completions in flight, by upload id. Completing awaits R2, which lets a second
	 * complete of the same upload in; it gets the first one's answer instead of racing it.
	 */
	completing: Map<string, Promise<Result<Attachment>>>;
	/** The tenant's usage meter: R2 operations and bytes moved are counted where they happen. */
	meter: UsageMeter;
	/** Makes sure the cleanup sweep runs by `at` (ms): the object's alarm, or the relay's in D1. */
	scheduleSweep(at: number): Promise<void>;
}

/** R2 key prefix of everything a tenant stored. */
export function tenantPrefix(tenantId: string): string {
	return `tenants/${tenantId}/`;
}

export function attachmentKey(tenantId: string, attachmentId: string): string {
	return `${tenantPrefix(tenantId)}attachments/${attachmentId}`;
}

/** Bytes stored plus bytes reserved by uploads still in flight (SQL, to use inside a statement). */
export const COMMITTED_BYTES = `(SELECT coalesce(sum(size), 0) FROM attachments WHERE @tenant)
	+ (SELECT coalesce(sum(size), 0) FROM uploads WHERE @tenant)`;

export async function committedBytes(db: Db): Promise<number> {
	return (await db.one<{ n: number }>(`SELECT ${COMMITTED_BYTES} AS n`))?.n ?? 0;
}

/**
 * Refuses a file the plan does not allow, before any byte is stored. (Uploads also reserve their
 * declared size with a conditional insert, so two concurrent uploads cannot both fit in the last
 * gigabyte; this check only words the refusal.)
 */
export function checkQuota(scope: AttachmentScope, size: number, used: number): Result<null> {
	const plan = PLANS[scope.tenant.plan];
	if (size > plan.maxFileBytes) {
		return fail(
			"payload_too_large",
			`Files on the ${plan.label} plan can be up to ${formatBytes(plan.maxFileBytes)}; this one is ${formatBytes(size)}.`,
			{ maxFileBytes: plan.maxFileBytes },
		);
	}
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
