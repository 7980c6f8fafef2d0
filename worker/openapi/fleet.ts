// The operator's fleet operations (worker/routes/fleet.ts): schema rollouts, the audit log and
// point-in-time restore of one tenant.
import { z } from "zod";
import { auditPageSchema, restoreSchema, rolloutSchema } from "../../shared/fleet";
import { restoreReceiptSchema, rolloutStartedSchema } from "../../shared/responses";
import type { Area } from "./area";

export const fleetArea: Area = {
	tag: "Operator: fleet",
	description: "Fleet jobs run on Cloudflare Queues, with retries and a dead-letter queue the operator can see.",
	routes: [
		{
			method: "post",
			path: "/api/admin/rollouts",
			summary: "Start a schema rollout",
			description: "Migrates every tenant to the current schema now, one queued job per tenant.",
			access: "operator",
			answers: { 202: { description: "Started; follow it at Location.", schema: rolloutStartedSchema } },
		},
		{
			method: "get",
			path: "/api/admin/rollouts/:id",
			summary: "Follow a rollout",
			access: "operator",
			answers: { 200: { description: "Done, failed and remaining.", schema: rolloutSchema } },
			errors: ["not_found"],
		},
		{
			method: "get",
			path: "/api/admin/audit",
			summary: "Read the audit log",
			access: "operator",
			query: z.object({ cursor: z.string().optional().meta({ description: "From the previous page." }) }),
			answers: { 200: { description: "Newest first.", schema: auditPageSchema } },
			errors: ["bad_request"],
		},
		{
			method: "post",
			path: "/api/admin/tenants/:slug/restore",
			summary: "Restore a tenant to a point in time",
			description:
				"The Durable Object design in production: any moment of the last 30 days. 501 locally (no history kept) and in the D1 design (D1 Time Travel restores the whole database).",
			access: "operator",
			body: restoreSchema,
			answers: { 202: { description: "The object restarts in the restored state.", schema: restoreReceiptSchema } },
			errors: ["invalid_slug", "not_found", "not_implemented"],
		},
	],
};
