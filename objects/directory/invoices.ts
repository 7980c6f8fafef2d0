// Closed invoices and adjustments, kept in the control plane: they are the record of what was
// billed, so they outlive the tenant object (and its ledger) when the tenant is deleted. A frozen
// invoice is written once and never updated; a correction is an adjustment, which lands on the
// invoice of the period it was made in.
import type { Adjustment, Invoice } from "../../shared/invoice";
import { newId } from "../domain/ids";
import type { Sql } from "../tenant/sql";

export function createInvoiceTables(sql: Sql): void {
	sql.run(`CREATE TABLE IF NOT EXISTS invoices (tenant_id TEXT NOT NULL, period TEXT NOT NULL, invoice TEXT NOT NULL,
		frozen_at TEXT NOT NULL, PRIMARY KEY (tenant_id, period))`);
	sql.run(`CREATE TABLE IF NOT EXISTS adjustments (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL, period TEXT NOT NULL,
		description TEXT NOT NULL, amount_cents INTEGER NOT NULL, created_at TEXT NOT NULL)`);
	sql.run("CREATE INDEX IF NOT EXISTS adjustments_by_tenant ON adjustments(tenant_id, period)");
}

export function closedInvoices(sql: Sql, tenantId: string): Invoice[] {
	return sql
		.all<{ invoice: string }>("SELECT invoice FROM invoices WHERE tenant_id = ? ORDER BY period DESC", tenantId)
		.map((row) => JSON.parse(row.invoice) as Invoice);
}

/** Stores closed invoices; one already frozen for its period stays as it was. */
export function freezeInvoices(sql: Sql, invoices: readonly Invoice[]): void {
	for (const invoice of invoices)
		sql.run(
			"INSERT OR IGNORE INTO invoices (tenant_id, period, invoice, frozen_at) VALUES (?, ?, ?, ?)",
			invoice.tenantId,
			invoice.period.id,
			JSON.stringify(invoice),
			new Date().toISOString(),
		);
}

/** Adjustments made during a period, which its invoice carries. */
export function adjustmentsFor(sql: Sql, tenantId: string, period: string): Adjustment[] {
	return sql.all<Adjustment>(
		`SELECT id, description, amount_cents AS amountCents, created_at AS createdAt FROM adjustments
		WHERE tenant_id = ? AND period = ? ORDER BY created_at`,
		tenantId,
		period,
	);
}

export function addAdjustment(
	sql: Sql,
	tenantId: string,
	period: string,
	input: { description: string; amountCents: number },
): Adjustment {
	const adjustment = { id: newId("adj"), ...input, createdAt: new Date().toISOString() };
	sql.run(
		"INSERT INTO adjustments (id, tenant_id, period, description, amount_cents, created_at) VALUES (?, ?, ?, ?, ?, ?)",
		adjustment.id,
		tenantId,
		period,
		adjustment.description,
		adjustment.amountCents,
		adjustment.createdAt,
	);
	return adjustment;
}
