// The tenant directory (control plane): one shard of the list of tenants, for the operator's
// console and billing. Tenant requests never come here; the tenant object is the authority on
// its own status, and the directory is kept in step by the admin API.
import { DurableObject } from "cloudflare:workers";
import type { Tenant } from "../../shared/api";
import { fail, ok, type Result } from "../../shared/errors";
import type { Adjustment, Invoice } from "../../shared/invoice";
import { Sql } from "../tenant/sql";
import { addAdjustment, adjustmentsFor, closedInvoices, createInvoiceTables, freezeInvoices } from "./invoices";

type Row = {
	slug: string;
	id: string;
	name: string;
	plan: Tenant["plan"];
	status: Tenant["status"];
	schema_version: number;
	created_at: string;
	last_active_at: string | null;
};

export class Directory extends DurableObject<Env> {
	readonly #sql = new Sql(this.ctx.storage);

	constructor(ctx: DurableObjectState, env: Env) {
		super(ctx, env);
		this.#sql.run(`CREATE TABLE IF NOT EXISTS tenants (slug TEXT PRIMARY KEY, id TEXT NOT NULL, name TEXT NOT NULL,
			plan TEXT NOT NULL, status TEXT NOT NULL, schema_version INTEGER NOT NULL, created_at TEXT NOT NULL,
			last_active_at TEXT)`);
		createInvoiceTables(this.#sql);
	}

	// ── Billing records (see invoices.ts) ──────────────────────────────────────

	async closedInvoices(tenantId: string): Promise<Invoice[]> {
		return closedInvoices(this.#sql, tenantId);
	}

	async freezeInvoices(invoices: Invoice[]): Promise<void> {
		freezeInvoices(this.#sql, invoices);
	}

	async adjustments(tenantId: string, period: string): Promise<Adjustment[]> {
		return adjustmentsFor(this.#sql, tenantId, period);
	}

	async addAdjustment(tenantId: string, period: string, input: { description: string; amountCents: number }) {
		return addAdjustment(this.#sql, tenantId, period, input);
	}

	/** Claims a slug. The row is written before the tenant object is provisioned, so two operators cannot both win. */
	async claim(tenant: Tenant): Promise<Result<null>> {
		const inserted = this.#sql.run(
			`INSERT INTO tenants (slug, id, name, plan, status, schema_version, created_at, last_active_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (slug) DO NOTHING`,
			tenant.slug,
			tenant.id,
			tenant.name,
			tenant.plan,
			tenant.status,
			tenant.schemaVersion,
			tenant.createdAt,
			tenant.lastActiveAt,
		);
		return inserted > 0 ? ok(null) : fail("slug_taken", `The slug ${tenant.slug} is taken.`);
	}

	/** Replaces the entry with what the tenant object reports. */
	async record(tenant: Tenant): Promise<void> {
		this.#sql.run(
			`UPDATE tenants SET id = ?, name = ?, plan = ?, status = ?, schema_version = ?, created_at = ?,
				last_active_at = coalesce(?, last_active_at) WHERE slug = ?`,
			tenant.id,
			tenant.name,
			tenant.plan,
			tenant.status,
			tenant.schemaVersion,
			tenant.createdAt,
			tenant.lastActiveAt,
			tenant.slug,
		);
	}

	async touch(slug: string, at: string): Promise<void> {
		this.#sql.run("UPDATE tenants SET last_active_at = ? WHERE slug = ?", at, slug);
	}

	async remove(slug: string): Promise<void> {
		this.#sql.run("DELETE FROM tenants WHERE slug = ?", slug);
	}

	async find(slug: string): Promise<Tenant | undefined> {
		const row = this.#sql.one<Row>("SELECT * FROM tenants WHERE slug = ?", slug);
		return row && toTenant(row);
	}

	/** Up to `limit` tenants with slugs after `after`, in slug order. */
	async list(after: string, limit: number): Promise<Tenant[]> {
		return this.#sql.all<Row>("SELECT * FROM tenants WHERE slug > ? ORDER BY slug LIMIT ?", after, limit).map(toTenant);
	}
}

function toTenant(r: Row): Tenant {
	return {
		id: r.id,
		slug: r.slug,
		name: r.name,
		plan: r.plan,
		status: r.status,
		schemaVersion: r.schema_version,
		createdAt: r.created_at,
		lastActiveAt: r.last_active_at,
	};
}
