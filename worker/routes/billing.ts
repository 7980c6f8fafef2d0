// Usage and billing over HTTP: a tenant's owners and admins read their exact ledger and invoices;
// the operator reads any tenant's, the whole fleet's (ledger beside Analytics Engine), and makes
// corrections as adjustments. JSON, or CSV with ?format=csv.
import type { FleetUsage, InvoiceList, UsageQuery, UsageReport } from "../../shared/billing";
import { createAdjustmentSchema, usageQuerySchema } from "../../shared/billing";
import { periodOf } from "../../shared/invoice";
import { audit } from "../audit";
import { csvResponse, toCsv } from "../billing/csv";
import { fleetUsage } from "../billing/fleet";
import { controlPlane } from "../control-plane";
import { type ApiRouter, created, HttpError, readJson, unwrap } from "../http";
import { callerOf, parseSlug, tenantStub } from "../tenant-stub";

export function billingRoutes(router: ApiRouter): void {
	router.get("/api/t/:slug/billing/usage", async (request, env, ctx) => {
		const { stub, credential, slug } = await callerOf(request, env, ctx);
		const query = parseUsageQuery(request.url);
		return usageAnswer(slug, query, unwrap(await stub.usage(credential, query)));
	});

	router.get("/api/t/:slug/billing/invoices", async (request, env, ctx) => {
		const { stub, credential, slug } = await callerOf(request, env, ctx);
		return invoicesAnswer(slug, request.url, unwrap(await stub.invoices(credential)));
	});

	router.get("/api/admin/usage", async (request, env, ctx) => {
		const query = parseUsageQuery(request.url);
		return fleetAnswer(query, await fleetUsage(request, env, ctx, query));
	});

	router.get("/api/admin/tenants/:slug/billing/usage", async (request, env, ctx) => {
		const slug = parseSlug(request.params.slug);
		const query = parseUsageQuery(request.url);
		return usageAnswer(slug, query, unwrap(await tenantStub(request, env, ctx, slug).operatorUsage(query)));
	});

	router.get("/api/admin/tenants/:slug/billing/invoices", async (request, env, ctx) => {
		const slug = parseSlug(request.params.slug);
		return invoicesAnswer(slug, request.url, unwrap(await tenantStub(request, env, ctx, slug).operatorInvoices()));
	});

	/** A correction: a new line on the open period's invoice, never an edit of a closed one. */
	router.post("/api/admin/tenants/:slug/billing/adjustments", async (request, env, ctx) => {
		const slug = parseSlug(request.params.slug);
		const input = await readJson(request, createAdjustmentSchema);
		const tenant = unwrap(await tenantStub(request, env, ctx, slug).describe());
		const period = periodOf(new Date()).id;
		const adjustment = await controlPlane(env).billing(slug).addAdjustment(tenant.id, period, input);
		await audit(request, env, "billing.adjust", tenant, { period, ...input });
		return created(adjustment);
	});
}

/** `?from=&to=&granularity=&format=`; a bad range or granularity is a 400 that says what to change. */
function parseUsageQuery(url: string): UsageQuery {
	const params = Object.fromEntries(new URL(url).searchParams);
	const parsed = usageQuerySchema.safeParse(params);
	if (parsed.success) return parsed.data;
	const issue = parsed.error.issues[0];
	throw new HttpError("bad_request", `${issue?.path.join(".") || "query"}: ${issue?.message ?? "Invalid query."}`);
}

function wantsCsv(url: string): boolean {
	return new URL(url).searchParams.get("format") === "csv";
}

function usageAnswer(slug: string, query: UsageQuery, report: UsageReport): Response | UsageReport {
	if (query.format !== "csv") return report;
	const rows = report.series.map((p) => [p.bucket, p.meter, p.quantity]);
	return csvResponse(`${slug}-usage-${query.from.slice(0, 10)}.csv`, toCsv(["bucket", "meter", "quantity"], rows));
}

function invoicesAnswer(slug: string, url: string, list: InvoiceList): Response | InvoiceList {
	if (!wantsCsv(url)) return list;
	const header = ["period", "status", "kind", "description", "plan", "quantity", "included", "overage", "amount_cents"];
	const rows = [list.preview, ...list.closed].flatMap((invoice) =>
		invoice.lines.map((line) => [
			invoice.period.id,
			invoice.status,
			line.kind,
			line.description,
			line.plan ?? null,
			line.quantity ?? null,
			line.included ?? null,
			line.overage ?? null,
			line.amountCents,
		]),
	);
	return csvResponse(`${slug}-invoices.csv`, toCsv(header, rows));
}

function fleetAnswer(query: UsageQuery, fleet: FleetUsage): Response | FleetUsage {
	if (query.format !== "csv") return fleet;
	const header = ["tenant_id", "slug", "plan", "meter", "ledger", "analytics_engine", "difference"];
	const rows = fleet.rows.map((r) => [
		r.tenantId,
		r.slug,
		r.plan,
		r.meter,
		r.ledger,
		r.analytics,
		r.analytics - r.ledger,
	]);
	return csvResponse(`fleet-usage-${query.from.slice(0, 10)}.csv`, toCsv(header, rows));
}
