// Members, API keys and the workspace's settings, managed by its owners and admins (worker/routes/members.ts).
import { createApiKeySchema } from "../../shared/api";
import { memberSchema } from "../../shared/entities";
import { apiKeyCreatedSchema, apiKeyListSchema, memberListSchema } from "../../shared/responses";
import { changeRoleSchema, updateSettingsSchema, workspaceSchema } from "../../shared/self-service";
import type { Area } from "./area";

export const memberArea: Area = {
	tag: "Members, API keys and settings",
	description: "Removing a member or revoking a key takes effect at once, over HTTP and on open sockets alike.",
	routes: [
		{
			method: "get",
			path: "/api/t/:slug/members",
			summary: "List members",
			access: "member",
			answers: { 200: { description: "The workspace's members.", schema: memberListSchema } },
		},
		{
			method: "patch",
			path: "/api/t/:slug/members/:userId",
			summary: "Change a member's role",
			description:
				"Admins give and take roles up to admin; only owners make or unmake owners. The last owner stays one. Their open sockets follow the new role at once.",
			access: "manager",
			body: changeRoleSchema,
			answers: { 200: { description: "The member with the new role.", schema: memberSchema } },
			errors: ["last_owner"],
		},
		{
			method: "delete",
			path: "/api/t/:slug/members/:userId",
			summary: "Remove a member",
			description: "Their sessions and sockets end. The last owner cannot be removed.",
			access: "manager",
			answers: { 204: { description: "Removed." } },
			errors: ["last_owner"],
		},
		{
			method: "get",
			path: "/api/t/:slug/api-keys",
			summary: "List API keys",
			access: "manager",
			answers: { 200: { description: "The workspace's keys (never the keys themselves).", schema: apiKeyListSchema } },
		},
		{
			method: "post",
			path: "/api/t/:slug/api-keys",
			summary: "Create an API key",
			description: "Only a signed-in owner or admin, never another key, and with at most the caller's own role.",
			access: "manager",
			body: createApiKeySchema,
			answers: { 201: { description: "The key, shown this once.", schema: apiKeyCreatedSchema } },
		},
		{
			method: "delete",
			path: "/api/t/:slug/api-keys/:keyId",
			summary: "Revoke an API key",
			access: "manager",
			answers: { 204: { description: "Revoked: the key answers 401 from now on." } },
		},
		{
			method: "patch",
			path: "/api/t/:slug/settings",
			summary: "Rename the workspace",
			access: "manager",
			body: updateSettingsSchema,
			answers: { 200: { description: "The workspace with its new name.", schema: workspaceSchema } },
		},
	],
};
