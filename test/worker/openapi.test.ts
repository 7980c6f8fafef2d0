// The OpenAPI document against the router it describes: every route in one is in the other, every
// success answer says what it carries, and real answers have exactly the shape documented (parsed
// through the same zod schemas the document was built from).
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { boardDetailSchema, boardSchema, cardDetailSchema, cardSchema, tenantSchema } from "../../shared/api";
import { errorBodySchema } from "../../shared/errors";
import { boardListSchema, healthSchema, memberListSchema } from "../../shared/responses";
import { router } from "../../worker/router";
import { admin, call, tenantWithBoard } from "../helpers/api";

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
		const { slug, token, board } = await tenantWithBoard();
		const json = { listId: board.lists[0]?.id, title: "Write the docs" };
		const card = await (await call(`/api/t/${slug}/boards/${board.id}/cards`, { method: "POST", json, token })).json();
		expectExactly(cardSchema, card);
		expectExactly(tenantSchema, await (await admin(`/api/admin/tenants/${slug}`)).json());
		expectExactly(boardListSchema, await (await call(`/api/t/${slug}/boards`, { token })).json());
		expectExactly(boardDetailSchema, await (await call(`/api/t/${slug}/boards/${board.id}`, { token })).json());
		expectExactly(
			cardDetailSchema,
			await (await call(`/api/t/${slug}/cards/${cardSchema.parse(card).id}`, { token })).json(),
		);
		expectExactly(memberListSchema, await (await call(`/api/t/${slug}/members`, { token })).json());
		expectExactly(healthSchema, await (await call("/api/health")).json());
	});

	it("documents the error body as it really comes: 401, 404 and 422 with details", async () => {
		const { slug, token } = await tenantWithBoard();
		const unauthenticated = await call(`/api/t/${slug}/boards`);
		expect(unauthenticated.status).toBe(401);
		expectExactly(errorBodySchema, await unauthenticated.json());
		const missing = await call(`/api/t/${slug}/boards/b_nothing`, { token });
		expect(missing.status).toBe(404);
		expectExactly(errorBodySchema, await missing.json());
		const invalid = await call(`/api/t/${slug}/boards`, { method: "POST", json: { title: "" }, token });
		expect(invalid.status).toBe(422);
		expectExactly(errorBodySchema, await invalid.json());
	});

	it("would notice an answer that drifted from its schema", () => {
		const board = { id: "b_1", title: "Launch", version: 1, createdAt: "2026-11-20T09:30:00.000Z" };
		expect(() => expectExactly(boardSchema, board)).toThrow();
		expect(() => expectExactly(boardSchema, { ...board, updatedAt: board.createdAt, extra: true })).toThrow();
	});
});
