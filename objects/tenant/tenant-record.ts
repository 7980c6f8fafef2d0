// The tenant's own record (slug, plan, status) and what leaving looks like: every row, alarm and
// attachment removed.
import type { Tenant, TenantUpdate, UsageSummary } from "../../shared/api";
import type { Plan, TenantStatus } from "../../shared/tenant";
import { now } from "../domain/clock";
import { newId } from "../domain/ids";
import { isProvisioned, schemaVersion } from "./migrations";
import type { Sql } from "./sql";
import { recordPlanChange } from "./usage-ledger";

type TenantRow = { id: string; slug: string; name: string; plan: Plan; status: TenantStatus; created_at: string };

export function readTenant(sql: Sql): Tenant | undefined {
	if (!isProvisioned(sql)) return undefined;
	const row = sql.one<TenantRow>("SELECT * FROM tenant LIMIT 1");
	if (!row) return undefined;
	const last = sql.one<{ at: string }>("SELECT at FROM events ORDER BY seq DESC LIMIT 1");
	return {
		id: row.id,
		slug: row.slug,
		name: row.name,
		plan: row.plan,
		status: row.status,
		schemaVersion: schemaVersion(sql),
		createdAt: row.created_at,
		lastActiveAt: last?.at ?? null,
	};
}

export function writeTenant(sql: Sql, input: { slug: string; name: string; plan: Plan }): Tenant {
	const at = now();
	sql.run(
		"INSERT INTO tenant (id, slug, name, plan, status, created_at) VALUES (?, ?, ?, ?, 'active', ?)",
		newId("t"),
		input.slug,
		input.name,
		input.plan,
		at,
	);
	recordPlanChange(sql, input.plan, at);
	const tenant = readTenant(sql);
	if (!tenant) throw new Error("The tenant record was not written.");
	return tenant;
}

export function updateTenant(sql: Sql, patch: TenantUpdate): Tenant | undefined {
	const tenant = readTenant(sql);
	if (!tenant) return undefined;
	sql.run("UPDATE tenant SET plan = ?, status = ?", patch.plan ?? tenant.plan, patch.status ?? tenant.status);
	// Invoices prorate by the plan history, so each change is kept with the moment it took effect.
	if (patch.plan && patch.plan !== tenant.plan) recordPlanChange(sql, patch.plan, now());
	return readTenant(sql);
}

export function usageSummary(sql: Sql): UsageSummary {
	const count = (table: string) => sql.one<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)?.n ?? 0;
	return {
		members: count("members"),
		boards: sql.one<{ n: number }>("SELECT count(*) AS n FROM boards WHERE archived = 0")?.n ?? 0,
		cards: sql.one<{ n: number }>("SELECT count(*) AS n FROM cards WHERE archived = 0")?.n ?? 0,
		storageBytes: sql.one<{ n: number | null }>("SELECT sum(size) AS n FROM attachments")?.n ?? 0,
	};
}

/** R2 key prefix of everything a tenant stored. */
export function tenantPrefix(tenantId: string): string {
	return `tenants/${tenantId}/`;
}

/**
 * Deletes the tenant's attachments (and unfinished multipart uploads), its alarm and all of its
 * storage. R2 goes first: if the object dies half-way, the rows still say what to delete.
 */
export async function removeTenantData(storage: DurableObjectStorage, sql: Sql, bucket: R2Bucket): Promise<void> {
	const tenant = readTenant(sql);
	if (tenant) {
		const multipart = "SELECT id, r2_upload_id FROM uploads WHERE r2_upload_id IS NOT NULL";
		for (const upload of sql.all<{ id: string; r2_upload_id: string }>(multipart)) {
			// An upload writes straight to its future attachment key (see uploads.ts).
			await bucket
				.resumeMultipartUpload(attachmentKey(tenant.id, upload.id), upload.r2_upload_id)
				.abort()
				.catch(() => {});
		}
		await deletePrefix(bucket, tenantPrefix(tenant.id));
	}
	await storage.deleteAlarm();
	await storage.deleteAll();
}

export function attachmentKey(tenantId: string, attachmentId: string): string {
	return `${tenantPrefix(tenantId)}attachments/${attachmentId}`;
}

async function deletePrefix(bucket: R2Bucket, prefix: string): Promise<void> {
	let cursor: string | undefined;
	do {
		const page = await bucket.list({ prefix, cursor, limit: 1000 });
		if (page.objects.length > 0) await bucket.delete(page.objects.map((o) => o.key));
		cursor = page.truncated ? page.cursor : undefined;
	} while (cursor);
}
