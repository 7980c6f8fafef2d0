// The control plane of the D1 design: tenants are rows of the shared `tenants` table (the row is
// the claim: its slug is UNIQUE), and closed invoices and adjustments are rows beside them, so
// they outlive the tenant's own rows. These statements are the only ones that read across
// tenants, which is exactly what the operator's listing is.

import { newId } from "../../objects/domain/ids";
import { FleetRecords } from "../../objects/fleet/fleet-records";
import type { Tenant } from "../../shared/api";
import { ok } from "../../shared/errors";
import type { Adjustment, Invoice } from "../../shared/invoice";
import type { ControlPlane } from "../control-plane";
import { d1Of } from "./bindings";
import { type TenantRow, toTenant } from "./tenant-records";

export function d1ControlPlane(env: Env): ControlPlane {
	const db = d1Of(env);
	return {
		// The fleet's tables (migrations/0004_fleet.sql), read and written with FleetRecords' statements.
		fleet: new FleetRecords({
			async all<T>(query: string, ...params: (string | number | null)[]) {
				return (
					await db
						.prepare(query)
						.bind(...params)
						.all<T>()
				).results;
			},
			async run(query, ...params) {
				return (
					await db
						.prepare(query)
						.bind(...params)
						.run()
				).meta.changes;
			},
		}),
		// The tenant's row is written when it is provisioned; its UNIQUE slug settles a race then.
		claim: async () => ok(null),
		record: async () => {},
		release: async () => {},
		async find(slug) {
			const row = await db
				.prepare("SELECT id, slug, name, plan, status, created_at, last_active_at FROM tenants WHERE slug = ?")
				.bind(slug)
				.first<TenantRow>();
			return row ? toTenant(row, 0) : undefined;
		},
		async list(limit, cursor) {
			let after = "";
			if (cursor) {
				try {
					after = atob(cursor);
				} catch {
					return undefined;
				}
			}
			const { results } = await db
				// Last activity is the tenant's newest event: one step down the (tenant_id, seq) key.
				.prepare(
					`SELECT t.id, t.slug, t.name, t.plan, t.status, t.created_at,
						coalesce((SELECT at FROM events WHERE tenant_id = t.id ORDER BY seq DESC LIMIT 1), t.last_active_at)
						AS last_active_at
					FROM tenants t WHERE t.slug > ? ORDER BY t.slug LIMIT ?`,
				)
				.bind(after, limit + 1)
				.all<TenantRow>();
			const tenants: Tenant[] = results.slice(0, limit).map((row) => toTenant(row, 0));
			const last = tenants.at(-1);
			return { tenants, cursor: results.length > limit && last ? btoa(last.slug) : null };
		},
		billing: () => ({
			async closedInvoices(tenantId) {
				const { results } = await db
					.prepare("SELECT invoice FROM invoices WHERE tenant_id = ? ORDER BY period DESC")
					.bind(tenantId)
					.all<{ invoice: string }>();
				return results.map((row) => JSON.parse(row.invoice) as Invoice);
			},
			async freezeInvoices(invoices) {
				if (invoices.length === 0) return;
				const insert = "INSERT OR IGNORE INTO invoices (tenant_id, period, invoice, frozen_at) VALUES (?, ?, ?, ?)";
				const at = new Date().toISOString();
				await db.batch(invoices.map((i) => db.prepare(insert).bind(i.tenantId, i.period.id, JSON.stringify(i), at)));
			},
			async adjustments(tenantId, period) {
				const { results } = await db
					.prepare(
						`SELECT id, description, amount_cents AS amountCents, created_at AS createdAt FROM adjustments
						WHERE tenant_id = ? AND period = ? ORDER BY created_at`,
					)
					.bind(tenantId, period)
					.all<Adjustment>();
				return results;
			},
			async addAdjustment(tenantId, period, input) {
				const adjustment = { id: newId("adj"), ...input, createdAt: new Date().toISOString() };
				await db
					.prepare(
						`INSERT INTO adjustments (id, tenant_id, period, description, amount_cents, created_at)
						VALUES (?, ?, ?, ?, ?, ?)`,
					)
					.bind(adjustment.id, tenantId, period, adjustment.description, adjustment.amountCents, adjustment.createdAt)
					.run();
				return adjustment;
			},
		}),
	};
}
