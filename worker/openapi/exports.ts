// Exports of a tenant (worker/routes/exports.ts): the operator starts one and follows it; once
// ready the same address gives the archive. The tenant's owners may download it too.
import { z } from "zod";
import { tenantExportSchema } from "../../shared/fleet";
import { exportStartedSchema } from "../../shared/responses";
import type { Area } from "./area";
import { bytes, json, retryAfter } from "./parts";
import type { RouteEntry } from "./route-entry";

const download: Omit<RouteEntry, "path" | "access" | "summary"> = {
	method: "get",
	description:
		"With Accept: application/json, the export's status. Otherwise: 202 and the status while it is queued or running, the archive (gzip-compressed JSON Lines) once ready, 409 if it failed.",
	answers: {
		200: {
			description: "The archive, or the status when asked for JSON.",
			content: { ...bytes("application/gzip"), ...json(tenantExportSchema) },
		},
		202: {
			description: "Not ready yet: the status. Ask again after Retry-After.",
			schema: tenantExportSchema,
			headers: z.object({ "Retry-After": retryAfter }),
		},
	},
	errors: ["export_not_ready", "not_found"],
};

export const exportArea: Area = {
	tag: "Exports",
	description:
		"A tenant's complete data as one archive, restorable into a new tenant (POST /api/admin/tenants with importFrom).",
	routes: [
		{
			method: "post",
			path: "/api/admin/tenants/:slug/exports",
			summary: "Export a tenant",
			access: "operator",
			answers: {
				202: {
					description: "Queued.",
					schema: exportStartedSchema,
					headers: z.object({ Location: z.string().meta({ description: "Where to follow it." }) }),
				},
			},
			errors: ["invalid_slug", "not_found", "tenant_deleting"],
		},
		{
			...download,
			path: "/api/admin/tenants/:slug/exports/:id",
			access: "operator",
			summary: "Follow or download an export",
		},
		{ ...download, path: "/api/t/:slug/exports/:id", access: "owner", summary: "Download an export of the workspace" },
	],
};
