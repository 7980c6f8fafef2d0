import { describe, expect, it } from "vitest";
import { call, tenantWithBoard } from "../helpers/api";
import { cookieOf, PASSWORD } from "../helpers/credentials";

const ORIGIN = "https://boardroom.test";

/** A tenant and the owner's session cookie, as a browser holds it. */
async function cookieSession() {
	const setup = await tenantWithBoard();
	const res = await call(`/api/t/${setup.slug}/session`, {
		method: "POST",
		json: { email: `owner@${setup.slug}.test`, password: PASSWORD },
	});
	return { ...setup, cookie: cookieOf(res) };
}

function createBoard(slug: string, headers: Record<string, string>, token?: string): Promise<Response> {
	return call(`/api/t/${slug}/boards`, { method: "POST", json: { title: "Roadmap" }, headers, token });
}

describe("cookie-authenticated writes must come from this origin", () => {
	it("accepts a write whose Origin is this site", async () => {
		const { slug, cookie } = await cookieSession();
		expect((await createBoard(slug, { cookie, origin: ORIGIN })).status).toBe(201);
	});

	it("accepts a write with no Origin when the browser says Sec-Fetch-Site: same-origin", async () => {
		const { slug, cookie } = await cookieSession();
		expect((await createBoard(slug, { cookie, "sec-fetch-site": "same-origin" })).status).toBe(201);
	});

	it("refuses a write from another origin with 403 and a JSON error", async () => {
		const { slug, cookie } = await cookieSession();
		const res = await createBoard(slug, { cookie, origin: "https://evil.example" });
		expect(res.status).toBe(403);
		expect(await res.json()).toMatchObject({ error: { code: "origin_not_allowed" } });
	});

	it("refuses a write that proves no origin, or that a browser marks cross-site", async () => {
		const { slug, cookie } = await cookieSession();
		expect((await createBoard(slug, { cookie })).status).toBe(403);
		expect((await createBoard(slug, { cookie, "sec-fetch-site": "cross-site" })).status).toBe(403);
		expect((await createBoard(slug, { cookie, "sec-fetch-site": "same-site" })).status).toBe(403);
	});

	it("refuses signing out from another origin, so a stranger's page cannot end a session", async () => {
		const { slug, cookie } = await cookieSession();
		const res = await call(`/api/t/${slug}/session`, {
			method: "DELETE",
			headers: { cookie, origin: "https://evil.example" },
		});
		expect(res.status).toBe(403);
		expect((await call(`/api/t/${slug}/me`, { headers: { cookie } })).status).toBe(200);
	});

	it("lets cookie reads through from anywhere", async () => {
		const { slug, cookie } = await cookieSession();
		expect((await call(`/api/t/${slug}/boards`, { headers: { cookie, origin: "https://evil.example" } })).status).toBe(
			200,
		);
	});

	it("leaves Bearer-token writes alone, with or without an Origin", async () => {
		const { slug, token } = await cookieSession();
		expect((await createBoard(slug, {}, token)).status).toBe(201);
		expect((await createBoard(slug, { origin: "https://elsewhere.example" }, token)).status).toBe(201);
	});
});
