import { describe, expect, it } from "vitest";
import type { ApiKey } from "../../shared/api";
import { call, tenantWithBoard } from "../helpers/api";
import { closeCode, liveSocket } from "../helpers/credentials";

async function createKey(slug: string, token: string, role = "member"): Promise<ApiKey & { key: string }> {
	const res = await call(`/api/t/${slug}/api-keys`, { method: "POST", json: { name: "CI", role }, token });
	if (res.status !== 201) throw new Error(`createKey: ${res.status} ${await res.text()}`);
	return res.json();
}

describe("API keys", () => {
	it("a revoked key answers 401 from then on", async () => {
		const { slug, token } = await tenantWithBoard();
		const { id, key } = await createKey(slug, token);
		expect((await call(`/api/t/${slug}/boards`, { token: key })).status).toBe(200);
		expect((await call(`/api/t/${slug}/api-keys/${id}`, { method: "DELETE", token })).status).toBe(204);
		const after = await call(`/api/t/${slug}/boards`, { token: key });
		expect(after.status).toBe(401);
		expect(await after.json()).toMatchObject({ error: { code: "unauthenticated" } });
		const { apiKeys } = (await (await call(`/api/t/${slug}/api-keys`, { token })).json()) as { apiKeys: ApiKey[] };
		expect(apiKeys).toEqual([]);
	});

	it("revoking a key closes the sockets it opened", async () => {
		const { slug, token, board } = await tenantWithBoard();
		const { id, key } = await createKey(slug, token);
		const socket = await liveSocket(slug, board.id, key);
		await call(`/api/t/${slug}/api-keys/${id}`, { method: "DELETE", token });
		expect(await closeCode(socket)).toBe(4401);
	});

	it("an unknown key id, or one of another tenant, answers 404", async () => {
		const a = await tenantWithBoard();
		const b = await tenantWithBoard();
		const theirs = await createKey(b.slug, b.token);
		expect((await call(`/api/t/${a.slug}/api-keys/k_nothing`, { method: "DELETE", token: a.token })).status).toBe(404);
		const foreign = await call(`/api/t/${a.slug}/api-keys/${theirs.id}`, { method: "DELETE", token: a.token });
		expect(foreign.status).toBe(404);
		expect((await call(`/api/t/${b.slug}/boards`, { token: theirs.key })).status).toBe(200);
	});

	it("only owners and admins revoke keys", async () => {
		const { slug, token, ownerToken } = await tenantWithBoard("member");
		const { id, key } = await createKey(slug, ownerToken);
		expect((await call(`/api/t/${slug}/api-keys/${id}`, { method: "DELETE", token })).status).toBe(403);
		expect((await call(`/api/t/${slug}/boards`, { token: key })).status).toBe(200);
	});

	it("an API key cannot mint API keys, even an admin key", async () => {
		const { slug, token } = await tenantWithBoard();
		const { key } = await createKey(slug, token, "admin");
		const res = await call(`/api/t/${slug}/api-keys`, {
			method: "POST",
			json: { name: "x", role: "viewer" },
			token: key,
		});
		expect(res.status).toBe(403);
		expect(await res.json()).toMatchObject({ error: { code: "forbidden" } });
	});

	it("an admin can give a key at most their own role", async () => {
		const { slug, token } = await tenantWithBoard("admin");
		expect((await createKey(slug, token, "admin")).role).toBe("admin");
		const owner = await call(`/api/t/${slug}/api-keys`, { method: "POST", json: { name: "x", role: "owner" }, token });
		expect(owner.status).toBe(422);
	});
});
