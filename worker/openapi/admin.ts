// The operator's tenant routes (worker/routes/admin.ts): create or restore, list, inspect,
// change and delete tenants, and add their members.
import { z } from "zod";
import {
	createMemberSchema,
	createTenantSchema,
	memberSchema,
	tenantSchema,
	updateTenantSchema,
} from "../../shared/api";
import { tenantPageSchema } from "../../shared/responses";
import type { Area } from "./area";

export const adminArea: Area = {
	tag: "Operator: tenants",
	description: "Every route needs the admin token (Authorization: Bearer $ADMIN_TOKEN); every change is audited.",
	routes: [
		{
			method: "get",
			path: "/api/admin/tenants",
			summary: "List tenants",
			access: "operator",
			query: z.object({
				limit: z.int().min(1).max(200).default(50),
				cursor: z.string().optional().meta({ description: "From the previous page." }),
			}),
			answers: { 200: { description: "A page of tenants.", schema: tenantPageSchema } },
			errors: ["bad_request"],
		},
		{
			method: "post",
			path: "/api/admin/tenants",
			summary: "Create a tenant, or restore an export into a new one",
			description: "With `importFrom` (a ready export's id) the new tenant starts as a copy of that export.",
			access: "operator",
			body: createTenantSchema,
			answers: { 201: { description: "The new tenant.", schema: tenantSchema } },
			errors: ["invalid_slug", "slug_taken", "not_found", "export_not_ready"],
		},
		{
			method: "get",
			path: "/api/admin/tenants/:slug",
			summary: "Get a tenant",
			description: "Plan, status, schema version and a usage summary.",
			access: "operator",
			answers: { 200: { description: "The tenant.", schema: tenantSchema } },
			errors: ["invalid_slug", "not_found"],
		},
		{
			method: "patch",
			path: "/api/admin/tenants/:slug",
			summary: "Change a tenant's plan or status",
			access: "operator",
			body: updateTenantSchema,
			answers: { 200: { description: "The tenant as changed.", schema: tenantSchema } },
			errors: ["invalid_slug", "not_found", "tenant_deleting"],
		},
		{
			method: "delete",
			path: "/api/admin/tenants/:slug",
			summary: "Delete a tenant",
			description:
				"Marks the tenant `deleting` (refused from now on, sockets closed) and queues its purge. 204 when nothing was there.",
			access: "operator",
			answers: {
				202: { description: "Marked deleting; the fleet queue purges it.", schema: tenantSchema },
				204: { description: "There was no such tenant." },
			},
			errors: ["invalid_slug"],
		},
		{
			method: "post",
			path: "/api/admin/tenants/:slug/members",
			summary: "Add a member",
			access: "operator",
			body: createMemberSchema,
			answers: { 201: { description: "The new member.", schema: memberSchema } },
			errors: ["invalid_slug", "not_found", "conflict", "plan_limit", "tenant_deleting"],
		},
	],
};
