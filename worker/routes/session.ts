// Signing in and out of a tenant, who am I, WebSocket tickets, members and API keys.
import { createApiKeySchema, signInSchema } from "../../shared/api";
import { clearedSessionCookie, issueToken, newApiKey, sessionCookie, sha256Hex } from "../auth";
import { created, readJson, unwrap } from "../http";
import type { ApiRouter } from "../router";
import { callerOf, parseSlug, tenantStub } from "../tenant-stub";

export function sessionRoutes(router: ApiRouter): void {
	router.post("/api/t/:slug/session", async (request, env) => {
		const slug = parseSlug(request.params.slug);
		const { email, password } = await readJson(request, signInSchema);
		const { user, tenantId } = unwrap(await tenantStub(env, slug).signIn(email, password));
		const token = await issueToken(env, { use: "session", slug, tid: tenantId, uid: user.id });
		const secure = new URL(request.url).protocol === "https:";
		return Response.json({ token, user }, { headers: { "Set-Cookie": sessionCookie(slug, token, secure) } });
	});

	router.delete("/api/t/:slug/session", (request) => {
		const slug = parseSlug(request.params.slug);
		return new Response(null, { status: 204, headers: { "Set-Cookie": clearedSessionCookie(slug) } });
	});

	router.get("/api/t/:slug/me", async (request, env) => {
		const { stub, credential } = await callerOf(request, env);
		return unwrap(await stub.me(credential));
	});

	/** A one-minute ticket for WebSocket clients that cannot send the session cookie. */
	router.post("/api/t/:slug/ws-ticket", async (request, env) => {
		const { slug, stub, credential } = await callerOf(request, env);
		const { user } = unwrap(await stub.me(credential));
		if (credential.kind !== "session") return { ticket: null };
		return { ticket: await issueToken(env, { use: "ticket", slug, tid: credential.tenantId, uid: user.id }) };
	});

	router.get("/api/t/:slug/members", async (request, env) => {
		const { stub, credential } = await callerOf(request, env);
		return { members: unwrap(await stub.listMembers(credential)) };
	});

	router.get("/api/t/:slug/api-keys", async (request, env) => {
		const { stub, credential } = await callerOf(request, env);
		return { apiKeys: unwrap(await stub.listApiKeys(credential)) };
	});

	/** Creates an API key; the key itself is in this response only, the tenant keeps its hash. */
	router.post("/api/t/:slug/api-keys", async (request, env) => {
		const { slug, stub, credential } = await callerOf(request, env);
		const input = await readJson(request, createApiKeySchema);
		const key = newApiKey(slug);
		const apiKey = unwrap(await stub.createApiKey(credential, input, await sha256Hex(key)));
		return created({ ...apiKey, key });
	});
}
