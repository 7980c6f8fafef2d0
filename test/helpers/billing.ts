// Helpers for usage and billing tests: read a tenant's ledger through the real routes, and wait
// for the local Analytics Engine recorder to hold a tenant's points.
import { env } from "cloudflare:test";
import type { InvoiceList, UsageReport } from "../../shared/billing";
import type { Meter } from "../../shared/meters";
import { admin, call } from "./api";

export async function usageOf(slug: string, token: string, query = "granularity=day"): Promise<UsageReport> {
	const res = await call(`/api/t/${slug}/billing/usage?${query}`, { token });
	if (res.status !== 200) throw new Error(`usage: ${res.status} ${await res.text()}`);
	return res.json();
}

export async function invoicesOf(slug: string): Promise<InvoiceList> {
	const res = await admin(`/api/admin/tenants/${slug}/billing/invoices`);
	if (res.status !== 200) throw new Error(`invoices: ${res.status} ${await res.text()}`);
	return res.json();
}

/** Sums of a tenant's recorded Analytics Engine points, per meter (double1 × _sample_interval). */
export async function recordedTotals(tenantId: string): Promise<Partial<Record<Meter, number>>> {
	const points = await env.UsageRecorder.getByName("local").points(tenantId);
	const totals: Partial<Record<Meter, number>> = {};
	for (const point of points) {
		const meter = point.blobs[0] as Meter;
		totals[meter] = (totals[meter] ?? 0) + (point.doubles[0] ?? 0) * point.sampleInterval;
	}
	return totals;
}

/** Polls `check` until it holds, failing after `timeoutMs`. */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}
