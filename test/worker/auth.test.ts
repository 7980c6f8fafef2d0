import { describe, expect, it } from "vitest";
import { addMember, admin, call, createTenant, signIn, tenantWithBoard } from "../helpers/api";
import { PASSWORD, signInFrom } from "../helpers/credentials";

describe("signing in and roles", () => {
	it("signs in with the right password and sets an HttpOnly cookie scoped to the tenant", async () => {
		const tenant = await createTenant();
		await addMember(tenant.slug, "amy@example.test", "member");
		const res = await call(`/api/t/${tenant.slug}/session`, {
			method: "POST",
			json: { email: "AMY@example.test", password: "correct horse battery" },
		});
		expect(res.status).toBe(200);
		const cookie = res.headers.get("set-cookie") ?? "";
		expect(cookie).toMatch(/HttpOnly/);
		expect(cookie).toContain(`Path=/api/t/${tenant.slug}`);
		const token = cookie.split(";")[0] ?? "";
		const me = await call(`/api/t/${tenant.slug}/me`, { headers: { cookie: token } });
		expect(await me.json()).toMatchObject({
			user: { email: "amy@example.test", role: "member" },
			tenant: { slug: tenant.slug },
		});
	});

	it("refuses a wrong password with 401 and no session", async () => {
		const tenant = await createTenant();
		await addMember(tenant.slug, "amy@example.test", "member");
		const res = await call(`/api/t/${tenant.slug}/session`, {
			method: "POST",
			json: { email: "amy@example.test", password: "wrong password" },
		});
		expect(res.status).toBe(401);
		expect(res.headers.get("set-cookie")).toBeNull();
	});

	it("slows down password guessing with 429 and Retry-After", async () => {
		const tenant = await createTenant();
		await addMember(tenant.slug, "amy@example.test", "member");
		const attempt = (password: string) => signInFrom(tenant.slug, "amy@example.test", "203.0.113.9", password);
		for (let i = 0; i < 5; i++) expect((await attempt("guess guess")).status).toBe(401);
		const limited = await attempt("guess guess");
		expect(limited.status).toBe(429);
		expect(await limited.json()).toMatchObject({ error: { code: "rate_limited" } });
		const retryAfter = Number(limited.headers.get("retry-after"));
		expect(retryAfter).toBeGreaterThan(0);
		expect(retryAfter).toBeLessThanOrEqual(30);
		// While this address waits, even the right password from it is not checked.
		expect((await attempt(PASSWORD)).status).toBe(429);
	});

	it("refuses requests without a credential, or with a forged one, with 401", async () => {
		const { slug, token } = await tenantWithBoard();
		expect((await call(`/api/t/${slug}/boards`)).status).toBe(401);
		const forged = `${token.slice(0, -4)}AAAA`;
		expect((await call(`/api/t/${slug}/boards`, { token: forged })).status).toBe(401);
	});

	it("lets a viewer read boards but not change them", async () => {
		const { slug, token, board } = await tenantWithBoard("viewer");
		expect((await call(`/api/t/${slug}/boards/${board.id}`, { token })).status).toBe(200);
		const res = await call(`/api/t/${slug}/boards/${board.id}/cards`, {
			method: "POST",
			json: { listId: board.lists[0]?.id, title: "Nope" },
			token,
		});
		expect(res.status).toBe(403);
		expect((await call(`/api/t/${slug}/boards`, { method: "POST", json: { title: "Nope" }, token })).status).toBe(403);
	});

	it("lets owners create API keys that work as Bearer tokens, and members not", async () => {
		const { slug, token, board } = await tenantWithBoard();
		const res = await call(`/api/t/${slug}/api-keys`, { method: "POST", json: { name: "CI", role: "member" }, token });
		expect(res.status).toBe(201);
		const { key } = (await res.json()) as { key: string };
		expect(key.startsWith(`brk_${slug}_`)).toBe(true);
		const created = await call(`/api/t/${slug}/boards/${board.id}/cards`, {
			method: "POST",
			json: { listId: board.lists[0]?.id, title: "From CI" },
			token: key,
		});
		expect(created.status).toBe(201);
		const listed = (await (await call(`/api/t/${slug}/api-keys`, { token })).json()) as {
			apiKeys: { name: string; lastUsedAt: string | null }[];
		};
		expect(listed.apiKeys[0]).toMatchObject({ name: "CI" });
		expect(JSON.stringify(listed)).not.toContain(key);
		expect(
			(await call(`/api/t/${slug}/api-keys`, { method: "POST", json: { name: "x", role: "member" }, token: key }))
				.status,
		).toBe(403);
		expect((await call(`/api/t/${slug}/boards`, { token: `brk_${slug}_notarealkey` })).status).toBe(401);
	});

	it("signing out clears the cookie", async () => {
		const { slug } = await tenantWithBoard();
		const res = await call(`/api/t/${slug}/session`, { method: "DELETE" });
		expect(res.status).toBe(204);
		expect(res.headers.get("set-cookie")).toMatch(/Max-Age=0/);
	});
});

describe("suspension", () => {
	it("a suspended tenant answers its members 403 tenant_suspended until it is resumed", async () => {
		const { slug, token } = await tenantWithBoard();
		await admin(`/api/admin/tenants/${slug}`, { method: "PATCH", json: { status: "suspended" } });
		const res = await call(`/api/t/${slug}/boards`, { token });
		expect(res.status).toBe(403);
		expect(await res.json()).toMatchObject({ error: { code: "tenant_suspended" } });
		// A member who signs in with the right password is told why, and gets no session.
		const signInRes = await call(`/api/t/${slug}/session`, {
			method: "POST",
			json: { email: `owner@${slug}.test`, password: "correct horse battery" },
		});
		expect(signInRes.status).toBe(403);
		expect(signInRes.headers.get("set-cookie")).toBeNull();
		await admin(`/api/admin/tenants/${slug}`, { method: "PATCH", json: { status: "active" } });
		expect((await call(`/api/t/${slug}/boards`, { token })).status).toBe(200);
		expect((await signIn(slug, `owner@${slug}.test`)).user.role).toBe("owner");
	});
});
