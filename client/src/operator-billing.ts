// The operator's billing calls: any tenant's usage and invoices as a BillingSource, the fleet view,
// and adjustments. All carry the admin token this tab holds.
import type { FleetUsage, InvoiceList, UsageReport } from "../../shared/billing";
import type { Adjustment } from "../../shared/invoice";
import { type BillingParams, paths } from "../../shared/paths";
import { readAdminToken } from "./admin-api";
import { request } from "./api";
import type { BillingSource } from "./billing-source";

export function operatorHeaders(): Record<string, string> {
	return { Authorization: `Bearer ${readAdminToken() ?? ""}` };
}

/** Any tenant, as the operator sees it. */
export function operatorBilling(slug: string): BillingSource {
	return {
		usage: (params, signal) =>
			request<UsageReport>(paths.adminBillingUsage(slug, params), { signal, headers: operatorHeaders() }),
		invoices: (signal) =>
			request<InvoiceList>(paths.adminBillingInvoices(slug), { signal, headers: operatorHeaders() }),
		usageCsv: (params) => paths.adminBillingUsage(slug, { ...params, format: "csv" }),
		invoicesCsv: () => paths.adminBillingInvoices(slug, { format: "csv" }),
		downloadHeaders: operatorHeaders,
	};
}

export function fleetUsage(params: BillingParams, signal: AbortSignal): Promise<FleetUsage> {
	return request<FleetUsage>(paths.adminUsage(params), { signal, headers: operatorHeaders() });
}

export function addAdjustment(slug: string, description: string, amountCents: number): Promise<Adjustment> {
	return request<Adjustment>(paths.adminAdjustments(slug), {
		method: "POST",
		body: { description, amountCents },
		headers: operatorHeaders(),
	});
}
