// The tenant's own record (slug, plan, status) as each store keeps it — one row in the object's
// own database, or one row of the shared `tenants` table in D1 — and what leaving looks like.
import type { Tenant, UsageSummary } from "../../shared/api";
import type { Plan, TenantStatus } from "../../shared/tenant";
import { tenantPrefix } from "./attachment-scope";
import type { Db } from "./db";
import type { Awaitable } from "./store";

/** What may change in a tenant's record: its plan, and its status (including "deleting", set by deleting). */
export interface RecordUpdate {
	plan?: Plan;
	status?: TenantStatus;
}

export interface TenantRecords {
	read(): Awaitable<Tenant | undefined>;
	/** Creates the record (and its first plan-history row); undefined if the tenant exists already. */
	create(input: { slug: string; name: string; plan: Plan }): Awaitable<Tenant | undefined>;
	update(patch: RecordUpdate): Awaitable<Tenant | undefined>;
	/** Changes the name people see (the workspace's owners and admins do it). */
	rename(name: string): Awaitable<Tenant | undefined>;
	summary(): Awaitable<UsageSummary>;
	/** Deletes every row of the tenant (files in R2 go first, through removeTenantFiles). */
	destroy(): Promise<void>;
}

/**
 * Deletes a tenant's attachments and unfinished multipart uploads from R2. Called before its rows
 * go: if it stops half-way, the rows still say what to delete.
 */
export async function removeTenantFiles(db: Db, bucket: R2Bucket, tenantId: string): Promise<void> {
	const uploads = await db.all<{ id: string; r2_upload_id: string }>(
		"SELECT id, r2_upload_id FROM uploads WHERE @tenant AND r2_upload_id IS NOT NULL",
	);
	for (const upload of uploads) {
		// An upload writes straight to its future attachment key (see uploads.ts).
		await bucket
			.resumeMultipartUpload(`${tenantPrefix(tenantId)}attachments/${upload.id}`, upload.r2_upload_id)
			.abort()
			.catch(() => {});
	}
	let cursor: string | undefined;
	do {
		const page = await bucket.list({ prefix: tenantPrefix(tenantId), cursor, limit: 1000 });
		if (page.objects.length > 0) await bucket.delete(page.objects.map((o) => o.key));
		cursor = page.truncated ? page.cursor : undefined;
	} while (cursor);
}
