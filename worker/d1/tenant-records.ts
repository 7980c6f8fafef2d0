// A tenant's record in the D1 design: its row of the shared `tenants` table, found by slug. The
// row's id scopes every other statement (D1Db). Leaving deletes the tenant's rows table by table
// in bounded batches, so a big tenant never hits D1's limits on one query's work.

import { now } from "../../objects/domain/clock";
import { newId } from "../../objects/domain/ids";
import type { RecordUpdate, TenantRecords } from "../../objects/domain/tenant-records";
import { recordPlanChange } from "../../objects/domain/usage-ledger";
import type { Tenant, UsageSummary } from "../../shared/api";
import type { Plan, TenantStatus } from "../../shared/tenant";
import type { D1Db, D1Queryable } from "./d1-db";

export type TenantRow = {
	id: string;
	slug: string;
	name: string;
	plan: Plan;
	status: TenantStatus;
	created_at: string;
	last_active_at: string | null;
};

export function toTenant(row: TenantRow, schemaVersion: number): Tenant {
	return {
		id: row.id,
		slug: row.slug,
		name: row.name,
		plan: row.plan,
		status: row.status,
		schemaVersion,
		createdAt: row.created_at,
		lastActiveAt: row.last_active_at,
	};
}

/** The tenant's tables, children before parents (foreign keys), with their primary keys. */
const TENANT_TABLES: readonly [table: string, key: string][] = [
	["upload_parts", "upload_id, part_number"],
	["uploads", "id"],
	["attachments", "id"],
	["card_labels", "card_id, label_id"],
	["card_assignees", "card_id, user_id"],
	["comments", "id"],
	["cards", "id"],
	["labels", "id"],
	// Emptied by the triggers of cards and comments already (and its index with it); in case.
	["search_docs", "kind, ref_id"],
	["lists", "id"],
	["boards", "id"],
	["events", "seq"],
	["operations", "actor_id, op_id"],
	["sessions", "id"],
	["api_keys", "id"],
	["invites", "id"],
	["used_tickets", "id"],
	["sign_in_failures", "email, client"],
	["member_activity", "hour, member_id"],
	["usage_ledger", "hour, meter"],
	["gauges", "meter"],
	["plan_changes", "effective_at"],
	["members", "id"],
];
/** Rows deleted per statement: well under D1's limits on a single query's work. */
const DELETE_BATCH = 500;

export class D1TenantRecords implements TenantRecords {
	/** The tenant's row: undefined until read, null when there is no such tenant. */
	#row: TenantRow | null | undefined;

	constructor(
		private readonly d1: D1Queryable,
		private readonly db: D1Db,
		private readonly slug: string,
	) {}

	/** The id every scoped statement binds; only asked for once the record was read. */
	id(): string {
		if (!this.#row) throw new Error(`The tenant ${this.slug} was not read before its rows were.`);
		return this.#row.id;
	}

	async read(): Promise<Tenant | undefined> {
		this.#row = await this.d1.prepare("SELECT * FROM tenants WHERE slug = ?").bind(this.slug).first<TenantRow>();
		if (!this.#row) return undefined;
		const last = await this.db.one<{ at: string }>("SELECT at FROM events WHERE @tenant ORDER BY seq DESC LIMIT 1");
		return toTenant(
			{ ...this.#row, last_active_at: last?.at ?? this.#row.last_active_at },
			await this.#schemaVersion(),
		);
	}

	async create(input: { slug: string; name: string; plan: Plan }): Promise<Tenant | undefined> {
		const id = newId("t");
		const at = now();
		const insert = this.d1
			.prepare(
				`INSERT INTO tenants (id, slug, name, plan, status, created_at) VALUES (?, ?, ?, ?, 'active', ?)
				ON CONFLICT (slug) DO NOTHING`,
			)
			.bind(id, input.slug, input.name, input.plan, at);
		const [inserted] = await this.d1.batch([insert]);
		if (!inserted?.meta.changes) return undefined;
		this.#row = { id, ...input, status: "active", created_at: at, last_active_at: null };
		await this.db.batch([recordPlanChange(input.plan, at)]);
		return this.read();
	}

	async update(patch: RecordUpdate): Promise<Tenant | undefined> {
		const tenant = await this.read();
		if (!tenant) return undefined;
		const statements = [
			this.d1
				.prepare("UPDATE tenants SET plan = ?, status = ? WHERE id = ?")
				.bind(patch.plan ?? tenant.plan, patch.status ?? tenant.status, tenant.id),
		];
		// Invoices prorate by the plan history, so each change is kept with the moment it took effect.
		if (patch.plan && patch.plan !== tenant.plan) statements.push(this.db.prepare(recordPlanChange(patch.plan, now())));
		await this.d1.batch(statements);
		return this.read();
	}

	async rename(name: string): Promise<Tenant | undefined> {
		if (!(await this.read())) return undefined;
		await this.d1.prepare("UPDATE tenants SET name = ? WHERE id = ?").bind(name, this.id()).run();
		return this.read();
	}

	async summary(): Promise<UsageSummary> {
		const count = async (sql: string) => (await this.db.one<{ n: number | null }>(sql))?.n ?? 0;
		return {
			members: await count("SELECT count(*) AS n FROM members WHERE @tenant"),
			boards: await count("SELECT count(*) AS n FROM boards WHERE @tenant AND archived = 0"),
			cards: await count("SELECT count(*) AS n FROM cards WHERE @tenant AND archived = 0"),
			storageBytes: await count("SELECT sum(size) AS n FROM attachments WHERE @tenant"),
		};
	}

	/** Every row of the tenant, a bounded batch at a time, then its `tenants` row. Idempotent. */
	async destroy(): Promise<void> {
		if (!this.#row && !(await this.read())) return;
		for (const [table, key] of TENANT_TABLES) {
			const remove = `DELETE FROM ${table} WHERE @tenant AND (${key}) IN
				(SELECT ${key} FROM ${table} WHERE @tenant LIMIT ${DELETE_BATCH})`;
			while ((await this.db.run(remove)) > 0) {}
		}
		await this.d1.prepare("DELETE FROM tenants WHERE id = ?").bind(this.id()).run();
		this.#row = null;
	}

	#schemaVersion(): Promise<number> {
		return d1SchemaVersion(this.d1);
	}
}

/** The schema is the database's, not the tenant's: how many D1 migrations were applied. */
export async function d1SchemaVersion(d1: D1Queryable): Promise<number> {
	const row = await d1
		.prepare("SELECT count(*) AS n FROM d1_migrations")
		.first<{ n: number }>()
		.catch(() => null);
	return row?.n ?? 0;
}
