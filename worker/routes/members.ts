// Tenant self-service: members, API keys and the workspace's settings, for owners and admins.
// Removing a member or revoking a key takes effect at once, over HTTP and on open sockets alike.
// (Invites are in invites.ts.)
import { createApiKeySchema } from "../../shared/api";
import { changeRoleSchema, updateSettingsSchema } from "../../shared/self-service";
import { newApiKey, sha256Hex } from "../auth";
import { controlPlane } from "../control-plane";
import { type ApiRouter, created, readJson, unwrap } from "../http";
import { callerOf } from "../tenant-stub";

const noContent = () => new Response(null, { status: 204 });

export function memberRoutes(router: ApiRouter): void {
	router.get("/api/t/:slug/members", async (request, env, ctx) => {
		const { stub, credential } = await callerOf(request, env, ctx);
		return { members: unwrap(await stub.listMembers(credential)) };
	});

	/** Gives a member another role. Only owners make or unmake owners; the last owner stays one (409). */
	router.patch("/api/t/:slug/members/:userId", async (request, env, ctx) => {
		const { stub, credential } = await callerOf(request, env, ctx);
		const { role } = await readJson(request, changeRoleSchema);
		return unwrap(await stub.changeRole(credential, request.params.userId ?? "", role));
	});

	/** Removes a member and ends their sessions and sockets. The last owner cannot be removed (409). */
	router.delete("/api/t/:slug/members/:userId", async (request, env, ctx) => {
		const { stub, credential } = await callerOf(request, env, ctx);
		unwrap(await stub.removeMember(credential, request.params.userId ?? ""));
		return noContent();
	});

	router.get("/api/t/:slug/api-keys", async (request, env, ctx) => {
		const { stub, credential } = await callerOf(request, env, ctx);
		return { apiKeys: unwrap(await stub.listApiKeys(credential)) };
	});

	/** Creates an API key; the key itself is in this response only, the tenant keeps its hash. */
	router.post("/api/t/:slug/api-keys", async (request, env, ctx) => {
		const { slug, stub, credential } = await callerOf(request, env, ctx);
		const input = await readJson(request, createApiKeySchema);
		const key = newApiKey(slug);
		const apiKey = unwrap(await stub.createApiKey(credential, input, await sha256Hex(key)));
		return created({ ...apiKey, key });
	});

	/**
	 * Renames the workspace. The operator's listing keeps a copy of the name (the control plane),
	 * so it is written there too, as the admin routes do after changing a tenant.
	 */
	router.patch("/api/t/:slug/settings", async (request, env, ctx) => {
		const { stub, credential } = await callerOf(request, env, ctx);
		const { name } = await readJson(request, updateSettingsSchema);
		const tenant = unwrap(await stub.renameWorkspace(credential, name));
		await controlPlane(env).record(tenant);
		return { slug: tenant.slug, name: tenant.name, plan: tenant.plan, status: tenant.status };
	});

	/** Revokes an API key: from now on it answers 401. */
	router.delete("/api/t/:slug/api-keys/:keyId", async (request, env, ctx) => {
		const { stub, credential } = await callerOf(request, env, ctx);
		unwrap(await stub.revokeApiKey(credential, request.params.keyId ?? ""));
		return noContent();
	});
}
