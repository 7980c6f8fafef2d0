// The tenant's record in its own database: one row in `tenant`, which exists once the object was
// provisioned. Leaving is deleting everything: every row, the alarm, and (first) its R2 files.
import type { Tenant, UsageSummary } from "../../shared/api";
import type { Plan, TenantStatus } from "../../shared/tenant";
import { now } from "../domain/clock";
import { newId } from "../domain/ids";
import type { RecordUpdate, TenantRecords } from "../domain/tenant-records";
import { recordPlanChange } from "../domain/usage-ledger";
import { isProvisioned, schemaVersion } from "./migrations";
import type { Sql } from "./sql";
import type { SqliteDb } from "./sqlite-db";

type TenantRow = { id: string; slug: string; name: string; plan: Plan; status: TenantStatus; created_at: string };

export function sqliteTenantRecords(sql: Sql, db: SqliteDb, storage: DurableObjectStorage): TenantRecords {
	const read = (): Tenant | undefined => {
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
	};
	return {
		read,
		create(input) {
			if (read()) return undefined;
			const at = now();
			storage.transactionSync(() => {
				sql.run(
					"INSERT INTO tenant (id, slug, name, plan, status, created_at) VALUES (?, ?, ?, ?, 'active', ?)",
					newId("t"),
					input.slug,
					input.name,
					input.plan,
					at,
				);
				const change = recordPlanChange(input.plan, at);
				db.run(change.query, ...change.params);
			});
			return read();
		},
		update(patch: RecordUpdate) {
			const tenant = read();
			if (!tenant) return undefined;
			storage.transactionSync(() => {
				sql.run("UPDATE tenant SET plan = ?, status = ?", patch.plan ?? tenant.plan, patch.status ?? tenant.status);
				// Invoices prorate by the plan history, so each change is kept with the moment it took effect.
				if (patch.plan && patch.plan !== tenant.plan) {
					const change = recordPlanChange(patch.plan, now());
					db.run(change.query, ...change.params);
				}
			});
			return read();
		},
		rename(name: string) {
			if (!read()) return undefined;
			sql.run("UPDATE tenant SET name = ?", name);
			return read();
		},
		summary(): UsageSummary {
			return {
				members: sql.one<{ n: number }>("SELECT count(*) AS n FROM members")?.n ?? 0,
				boards: sql.one<{ n: number }>("SELECT count(*) AS n FROM boards WHERE archived = 0")?.n ?? 0,
				cards: sql.one<{ n: number }>("SELECT count(*) AS n FROM cards WHERE archived = 0")?.n ?? 0,
				storageBytes: sql.one<{ n: number | null }>("SELECT sum(size) AS n FROM attachments")?.n ?? 0,
			};
		},
		async destroy() {
			await storage.deleteAlarm();
			await storage.deleteAll();
		},
	};
}
