import { env, listDurableObjectIds } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, tenantWithBoard, uniqueSlug } from "../helpers/api";

/** Every tenant route, as [method, path builder, body]. */
const ROUTES: [string, (slug: string, ids: { boardId: string; cardId: string }) => string, unknown?][] = [
	["GET", (s) => `/api/t/${s}/me`],
	["GET", (s) => `/api/t/${s}/boards`],
	["POST", (s) => `/api/t/${s}/boards`, { title: "Intruder" }],
	["GET", (s, i) => `/api/t/${s}/boards/${i.boardId}`],
	["GET", (s, i) => `/api/t/${s}/boards/${i.boardId}/activity`],
	["GET", (s) => `/api/t/${s}/boards?archived=true`],
	["PATCH", (s, i) => `/api/t/${s}/boards/${i.boardId}`, { archived: true }],
	["GET", (s, i) => `/api/t/${s}/boards/${i.boardId}/archive`],
	["GET", (s) => `/api/t/${s}/search?q=secret`],
	["DELETE", (s, i) => `/api/t/${s}/cards/${i.cardId}/comments/m_intruder`],
	["POST", (s, i) => `/api/t/${s}/boards/${i.boardId}/lists`, { title: "Intruder" }],
	["POST", (s, i) => `/api/t/${s}/boards/${i.boardId}/cards`, { listId: "l_x", title: "Intruder" }],
	["GET", (s, i) => `/api/t/${s}/cards/${i.cardId}`],
	["PATCH", (s, i) => `/api/t/${s}/cards/${i.cardId}`, { version: 1, title: "Intruder" }],
	["POST", (s, i) => `/api/t/${s}/cards/${i.cardId}/comments`, { body: "Intruder" }],
	["GET", (s) => `/api/t/${s}/members`],
	["GET", (s) => `/api/t/${s}/api-keys`],
	["POST", (s) => `/api/t/${s}/api-keys`, { name: "Intruder", role: "member" }],
	["POST", (s, i) => `/api/t/${s}/ws-ticket?board=${i.boardId}`],
	["DELETE", (s) => `/api/t/${s}/members/u_intruder`],
	["DELETE", (s) => `/api/t/${s}/api-keys/k_intruder`],
	["DELETE", (s) => `/api/t/${s}/session?everywhere=1`],
];

async function twoTenants() {
	const a = await tenantWithBoard();
	const b = await tenantWithBoard();
	const listId = b.board.lists[0]?.id ?? "";
	const card = await (
		await call(`/api/t/${b.slug}/boards/${b.board.id}/cards`, {
			method: "POST",
			json: { listId, title: "B's secret" },
			token: b.token,
		})
	).json();
	const keyRes = await call(`/api/t/${a.slug}/api-keys`, {
		method: "POST",
		json: { name: "ci", role: "admin" },
		token: a.token,
	});
	const { key } = (await keyRes.json()) as { key: string };
	return { a, b, apiKey: key, ids: { boardId: b.board.id, cardId: (card as { id: string }).id } };
}

describe("tenant isolation", () => {
	it("answers 404 to every tenant route called with another tenant's session or API key", async () => {
		const { a, b, apiKey, ids } = await twoTenants();
		for (const [method, path, body] of ROUTES) {
			for (const token of [a.token, apiKey]) {
				const res = await call(path(b.slug, ids), { method, token, json: body });
				expect(res.status, `${method} ${path(b.slug, ids)}`).toBe(404);
				expect(await res.json()).toMatchObject({ error: { code: "not_found" } });
			}
		}
		// And nothing was written to B: it still has one board with one card.
		const boards = (await (await call(`/api/t/${b.slug}/boards`, { token: b.token })).json()) as { boards: unknown[] };
		expect(boards.boards).toHaveLength(1);
	});

	it("creates no object when a credential is used on a tenant that does not exist", async () => {
		const { a, apiKey, ids } = await twoTenants();
		const before = (await listDurableObjectIds(env.Tenant)).length;
		const ghost = uniqueSlug("ghost");
		for (const [method, path, body] of ROUTES) {
			for (const token of [a.token, apiKey]) {
				expect((await call(path(ghost, ids), { method, token, json: body })).status).toBe(404);
			}
		}
		expect((await listDurableObjectIds(env.Tenant)).length).toBe(before);
	});

	it("does not find another tenant's board or card by id even with a valid session", async () => {
		const { a, ids } = await twoTenants();
		expect((await call(`/api/t/${a.slug}/boards/${ids.boardId}`, { token: a.token })).status).toBe(404);
		expect((await call(`/api/t/${a.slug}/cards/${ids.cardId}`, { token: a.token })).status).toBe(404);
	});

	it("refuses a WebSocket upgrade with another tenant's credential before touching any object", async () => {
		const { a, b } = await twoTenants();
		const before = (await listDurableObjectIds(env.Tenant)).length;
		const res = await call(`/api/t/${b.slug}/ws?board=${b.board.id}`, {
			headers: { upgrade: "websocket" },
			token: a.token,
		});
		expect(res.status).toBe(404);
		expect(res.webSocket).toBeNull();
		const ghost = await call(`/api/t/${uniqueSlug("ghost")}/ws?board=x`, {
			headers: { upgrade: "websocket" },
			token: a.token,
		});
		expect(ghost.status).toBe(404);
		expect((await listDurableObjectIds(env.Tenant)).length).toBe(before);
	});

	it("refuses unauthenticated upgrades and upgrades from another site", async () => {
		const { a } = await twoTenants();
		const anonymous = await call(`/api/t/${a.slug}/ws?board=${a.board.id}`, { headers: { upgrade: "websocket" } });
		expect(anonymous.status).toBe(401);
		const foreign = await call(`/api/t/${a.slug}/ws?board=${a.board.id}`, {
			headers: { upgrade: "websocket", origin: "https://evil.example" },
			token: a.token,
		});
		expect(foreign.status).toBe(403);
	});
});
