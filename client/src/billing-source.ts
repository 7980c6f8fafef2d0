// Where a billing view reads from. The tenant's own page and the operator's drill-down show the
// same things from different routes and credentials (a session cookie, or the admin token), so the
// views take a source instead of knowing either.
import type { InvoiceList, UsageReport } from "../../shared/billing";
import { type BillingParams, paths } from "../../shared/paths";
import { request } from "./api";

export interface BillingSource {
	usage(params: BillingParams, signal: AbortSignal): Promise<UsageReport>;
	invoices(signal: AbortSignal): Promise<InvoiceList>;
	usageCsv(params: BillingParams): string;
	invoicesCsv(): string;
	/** Headers a CSV download needs; undefined when a plain link carries the credential (the cookie). */
	downloadHeaders?: () => Record<string, string>;
}

/** A tenant's owners and admins, signed in with the session cookie. */
export function tenantBilling(slug: string): BillingSource {
	return {
		usage: (params, signal) => request<UsageReport>(paths.billingUsage(slug, params), { signal }),
		invoices: (signal) => request<InvoiceList>(paths.billingInvoices(slug), { signal }),
		usageCsv: (params) => paths.billingUsage(slug, { ...params, format: "csv" }),
		invoicesCsv: () => paths.billingInvoices(slug, { format: "csv" }),
	};
}
