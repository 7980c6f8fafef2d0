// Usage and billing (worker/routes/billing.ts): a workspace's owners and admins read its exact
// ledger and invoices; the operator reads any tenant's and the fleet's, and adds corrections.
import {
	createAdjustmentSchema,
	fleetUsageSchema,
	invoiceListSchema,
	usageQueryFields,
	usageReportSchema,
} from "../../shared/billing";
import { adjustmentSchema } from "../../shared/invoice";
import type { Area } from "./area";
import { csv, formatQuery, json } from "./parts";
import type { RouteEntry } from "./route-entry";

const usage: Omit<RouteEntry, "path" | "access" | "summary"> = {
	method: "get",
	query: usageQueryFields,
	answers: { 200: { description: "JSON, or CSV with ?format=csv.", content: { ...json(usageReportSchema), ...csv } } },
	errors: ["bad_request"],
};
const invoices: Omit<RouteEntry, "path" | "access" | "summary"> = {
	method: "get",
	query: formatQuery,
	answers: { 200: { description: "JSON, or CSV with ?format=csv.", content: { ...json(invoiceListSchema), ...csv } } },
};

export const billingArea: Area = {
	tag: "Billing",
	description:
		"Usage from the exact ledger, invoices computed from it, and the fleet's view beside Analytics Engine. Integer cents.",
	routes: [
		{ ...usage, path: "/api/t/:slug/billing/usage", access: "manager", summary: "The workspace's usage" },
		{
			...invoices,
			path: "/api/t/:slug/billing/invoices",
			access: "manager",
			summary: "The workspace's invoices",
		},
		{
			method: "get",
			path: "/api/admin/usage",
			summary: "The fleet's usage: ledger beside Analytics Engine",
			access: "operator",
			query: usageQueryFields,
			answers: {
				200: { description: "JSON, or CSV with ?format=csv.", content: { ...json(fleetUsageSchema), ...csv } },
			},
			errors: ["bad_request"],
		},
		{ ...usage, path: "/api/admin/tenants/:slug/billing/usage", access: "operator", summary: "A tenant's usage" },
		{
			...invoices,
			path: "/api/admin/tenants/:slug/billing/invoices",
			access: "operator",
			summary: "A tenant's invoices",
		},
		{
			method: "post",
			path: "/api/admin/tenants/:slug/billing/adjustments",
			summary: "Add a credit or charge to the open invoice",
			description: "A correction is a new line, never an edit of a closed invoice.",
			access: "operator",
			body: createAdjustmentSchema,
			answers: { 201: { description: "The adjustment.", schema: adjustmentSchema } },
			errors: ["invalid_slug", "not_found"],
		},
	],
};
