// The OpenAPI document against the router it describes: every route in one is in the other, every
// success answer says what it carries, and real answers have exactly the shape documented (parsed
// through the same zod schemas the document was built from).
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
	boardDetailSchema,
	boardSchema,
	cardDetailSchema,
	cardSchema,
	memberSchema,
	meSchema,
	tenantSchema,
} from "../../shared/api";
import { errorBodySchema } from "../../shared/errors";
import { boardListSchema, healthSchema, memberListSchema } from "../../shared/responses";
import { inviteCreatedSchema, inviteListSchema, invitePreviewSchema, workspaceSchema } from "../../shared/self-service";
import { router } from "../../worker/router";
import { addMember, admin, call, tenantWithBoard } from "../helpers/api";

interface Operation {
	responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
	security?: unknown[];
	"x-access"?: string;
}
type OpenApiDocument = { openapi: string; paths: Record<string, Record<string, Operation>> };

const METHODS = ["get", "put", "post", "patch", "delete"];

async function fetchDocument(): Promise<OpenApiDocument> {
	const res = await call("/api/openapi.json");
	expect(res.status).toBe(200);
	return res.json();
}

/** "GET /api/t/{slug}/boards" for every route the router would answer. */
function routerRoutes(): string[] {
	return (
		router.routes
			// `all` entries are middleware (the admin token check in front of /api/admin/*), not endpoints.
			.filter(([method]) => method !== "ALL")
			.map(([method, , , path]) => `${method} ${(path ?? "").replace(/:([A-Za-z]+)/g, "{$1}")}`)
	);
}

function documentedRoutes(doc: OpenApiDocument): string[] {
	return Object.entries(doc.paths).flatMap(([path, item]) =>
		Object.keys(item)
			.filter((method) => METHODS.includes(method))
			.map((method) => `${method.toUpperCase()} ${path}`),
	);
}

function operations(doc: OpenApiDocument): [string, Operation][] {
	return Object.entries(doc.paths).flatMap(([path, item]) =>
		Object.entries(item)
			.filter(([method]) => METHODS.includes(method))
			.map(([method, operation]): [string, Operation] => [`${method.toUpperCase()} ${path}`, operation]),
	);
}

/** The schema reference the document gives a route's JSON answer with that status. */
function documentedSchema(doc: OpenApiDocument, route: string, status: string): unknown {
	const [method = "", path = ""] = route.split(" ");
	const operation = doc.paths[path]?.[method.toLowerCase()];
	return (operation?.responses[status]?.content?.["application/json"]?.schema as { $ref?: string } | undefined)?.$ref;
}

/** Parses through the schema and expects nothing dropped: an undocumented field fails as surely as a missing one. */
function expectExactly(schema: z.ZodType, body: unknown): void {
	expect(schema.parse(body)).toEqual(body);
}

describe("the OpenAPI document", () => {
	it("is served as OpenAPI 3.1, publicly, cacheable for a short while", async () => {
		const res = await call("/api/openapi.json");
		expect(res.status).toBe(200);
		expect(res.headers.get("cache-control")).toBe("public, max-age=300");
		expect(((await res.json()) as OpenApiDocument).openapi).toBe("3.1.0");
	});

	it("describes every route of the router, and no route the router lacks", async () => {
		const documented = new Set(documentedRoutes(await fetchDocument()));
		const routed = new Set(routerRoutes());
		expect(routed.size).toBeGreaterThan(40);
		// Both lists at once, so a failure names every route on either side.
		expect({
			"in the router, not in the document": [...routed].filter((route) => !documented.has(route)),
			"in the document, not in the router": [...documented].filter((route) => !routed.has(route)),
		}).toEqual({ "in the router, not in the document": [], "in the document, not in the router": [] });
	});

	it("gives every operation a success answer, each with a schema for what it carries", async () => {
		const faults: string[] = [];
		for (const [route, operation] of operations(await fetchDocument())) {
			const successes = Object.entries(operation.responses).filter(([status]) => /^(1|2|3)\d\d$/.test(status));
			if (successes.length === 0) faults.push(`${route}: no success answer`);
			for (const [status, response] of successes) {
				const media = Object.entries(response.content ?? {});
				if (media.length === 0 && !["101", "204", "304"].includes(status))
					faults.push(`${route} ${status}: says nothing of its body`);
				for (const [type, { schema }] of media) if (!schema) faults.push(`${route} ${status} ${type}: no schema`);
			}
			if (!operation["x-access"]) faults.push(`${route}: does not say who may call it`);
		}
		expect(faults).toEqual([]);
	});

	it("documents real answers exactly: a tenant, boards, a board, a new card, a card, members, health", async () => {
		const doc = await fetchDocument();
		const { slug, token, board } = await tenantWithBoard();
		const json = { listId: board.lists[0]?.id, title: "Write the docs" };
		const created = await call(`/api/t/${slug}/boards/${board.id}/cards`, { method: "POST", json, token });
		const card = cardSchema.parse(await created.clone().json());
		// [the route as documented, the status, the real answer, the schema the document says it has]
		const answers: [string, string, Response, z.ZodType][] = [
			["POST /api/t/{slug}/boards/{boardId}/cards", "201", created, cardSchema],
			["GET /api/admin/tenants/{slug}", "200", await admin(`/api/admin/tenants/${slug}`), tenantSchema],
			["GET /api/t/{slug}/boards", "200", await call(`/api/t/${slug}/boards`, { token }), boardListSchema],
			[
				"GET /api/t/{slug}/boards/{boardId}",
				"200",
				await call(`/api/t/${slug}/boards/${board.id}`, { token }),
				boardDetailSchema,
			],
			[
				"GET /api/t/{slug}/cards/{cardId}",
				"200",
				await call(`/api/t/${slug}/cards/${card.id}`, { token }),
				cardDetailSchema,
			],
			["GET /api/t/{slug}/members", "200", await call(`/api/t/${slug}/members`, { token }), memberListSchema],
			["GET /api/health", "200", await call("/api/health"), healthSchema],
		];
		for (const [route, status, res, schema] of answers) {
			expect(res.status, route).toBe(Number(status));
			expect(documentedSchema(doc, route, status), route).toBe(`#/components/schemas/${schema.meta()?.id}`);
			expectExactly(schema, await res.json());
		}
	});

	it("documents the self-service answers exactly: invites, a role change, a profile, the workspace", async () => {
		const doc = await fetchDocument();
		const { slug, token } = await tenantWithBoard();
		const bob = await addMember(slug, `bob@${slug}.test`, "member");
		const invited = await call(`/api/t/${slug}/invites`, {
			method: "POST",
			json: { email: `carol@${slug}.test`, role: "viewer" },
			token,
		});
		const { url } = inviteCreatedSchema.parse(await invited.clone().json());
		const link = url.split("/").at(-1) ?? "";
		const patch = (path: string, json: unknown) => call(path, { method: "PATCH", json, token });
		const answers: [string, string, Response, z.ZodType][] = [
			["POST /api/t/{slug}/invites", "201", invited, inviteCreatedSchema],
			["GET /api/t/{slug}/invites", "200", await call(`/api/t/${slug}/invites`, { token }), inviteListSchema],
			["GET /api/t/{slug}/invites/{token}", "200", await call(`/api/t/${slug}/invites/${link}`), invitePreviewSchema],
			[
				"PATCH /api/t/{slug}/members/{userId}",
				"200",
				await patch(`/api/t/${slug}/members/${bob.id}`, { role: "admin" }),
				memberSchema,
			],
			["PATCH /api/t/{slug}/me", "200", await patch(`/api/t/${slug}/me`, { name: "Alice B." }), meSchema],
			[
				"PATCH /api/t/{slug}/settings",
				"200",
				await patch(`/api/t/${slug}/settings`, { name: "Acme Ltd" }),
				workspaceSchema,
			],
		];
		for (const [route, status, res, schema] of answers) {
			expect(res.status, route).toBe(Number(status));
			expect(documentedSchema(doc, route, status), route).toBe(`#/components/schemas/${schema.meta()?.id}`);
			expectExactly(schema, await res.json());
		}
	});

	it("documents the error body as it really comes: 401, 404 and 422 with details", async () => {
		const doc = await fetchDocument();
		const { slug, token } = await tenantWithBoard();
		const refusals: [string, string, Response][] = [
			["GET /api/t/{slug}/boards", "401", await call(`/api/t/${slug}/boards`)],
			["GET /api/t/{slug}/boards/{boardId}", "404", await call(`/api/t/${slug}/boards/b_nothing`, { token })],
			[
				"POST /api/t/{slug}/boards",
				"422",
				await call(`/api/t/${slug}/boards`, { method: "POST", json: { title: "" }, token }),
			],
		];
		for (const [route, status, res] of refusals) {
			expect(res.status, route).toBe(Number(status));
			expect(documentedSchema(doc, route, status), route).toBe("#/components/schemas/ErrorBody");
			expectExactly(errorBodySchema, await res.json());
		}
	});

	it("would notice an answer that drifted from its schema", () => {
		const board = { id: "b_1", title: "Launch", version: 1, createdAt: "2026-11-20T09:30:00.000Z" };
		expect(() => expectExactly(boardSchema, board)).toThrow();
		expect(() => expectExactly(boardSchema, { ...board, updatedAt: board.createdAt, extra: true })).toThrow();
	});
});
