// Every API response carries x-request-id, and every request writes one JSON log line with what
// an operator needs to follow it: route, status, duration, tenant, and whether an object woke.
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderError } from "../../worker/http";
import { startRequest } from "../../worker/request-log";
import { admin, call, tenantWithBoard } from "../helpers/api";
import { forgetCaches, variant } from "../helpers/storage";

afterEach(() => vi.restoreAllMocks());

type LogLine = Record<string, unknown>;

/** The request lines written while `work` runs. */
async function requestLines(work: () => Promise<unknown>): Promise<LogLine[]> {
	const log = vi.spyOn(console, "log");
	await work();
	const lines = log.mock.calls.flatMap(([first]) => {
		if (typeof first !== "string" || !first.startsWith("{")) return [];
		const line = JSON.parse(first) as LogLine;
		return line.message === "request" ? [line] : [];
	});
	log.mockRestore();
	return lines;
}

describe("request ids and request logs", () => {
	it("puts a request id on every response: success, error, unknown route, bad input", async () => {
		const responses = await Promise.all([
			call("/api/health"),
			call("/api/nothing-here"),
			call("/api/t/acme/boards"),
			admin("/api/admin/tenants", { method: "POST", json: { slug: "x" } }),
		]);
		const ids = responses.map((res) => res.headers.get("x-request-id"));
		expect(responses.map((res) => res.status)).toEqual([200, 404, 401, 422]);
		for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it("keeps a caller's own well-formed request id, and replaces anything else", async () => {
		const given = await call("/api/health", { headers: { "x-request-id": "trace-0001.abc" } });
		expect(given.headers.get("x-request-id")).toBe("trace-0001.abc");
		const odd = await call("/api/health", { headers: { "x-request-id": "<script>" } });
		expect(odd.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
	});

	it("writes one JSON line per request with its route, status, duration and tenant", async () => {
		const { tenant, slug, token } = await tenantWithBoard();
		let res: Response | undefined;
		const lines = await requestLines(async () => {
			res = await call(`/api/t/${slug}/boards`, { token });
		});
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatchObject({
			requestId: res?.headers.get("x-request-id"),
			method: "GET",
			route: "/api/t/:slug/boards",
			status: 200,
			tenantId: tenant.id,
			refused: null,
		});
		expect(lines[0]?.durationMs).toEqual(expect.any(Number));
	});

	it("says whether the tenant's object had to wake for the request", async () => {
		const { slug, token } = await tenantWithBoard();
		await forgetCaches(slug);
		const [first] = await requestLines(() => call(`/api/t/${slug}/boards`, { token }));
		const [second] = await requestLines(() => call(`/api/t/${slug}/boards`, { token }));
		// In the D1 design an HTTP request reaches no object at all.
		expect([first?.object, second?.object]).toEqual(variant === "do" ? ["woke", "warm"] : ["none", "none"]);
	});

	it("says why the edge refused a request that never reached the tenant", async () => {
		const { slug, token } = await tenantWithBoard();
		await admin(`/api/admin/tenants/${slug}`, { method: "PATCH", json: { status: "suspended" } });
		const [line] = await requestLines(() => call(`/api/t/${slug}/boards`, { token }));
		expect(line).toMatchObject({ status: 403, refused: "suspended", object: "none" });
	});

	it("logs an unexpected error with its request's id and route, and tells the client nothing of it", async () => {
		const request = new Request("https://boardroom.test/api/t/acme/boards", {
			headers: { "x-request-id": "trace-err-42" },
		});
		startRequest(request);
		const errors = vi.spyOn(console, "error").mockImplementation(() => {});
		const res = renderError(new TypeError("cannot read properties of undefined (reading 'id')"), request);
		const logged = JSON.parse(String(errors.mock.calls[0]?.[0])) as LogLine;
		expect(logged).toMatchObject({ message: "unhandled error", requestId: "trace-err-42", method: "GET" });
		expect(String(logged.stack)).toContain("TypeError");
		expect(await res.text()).not.toMatch(/TypeError|reading 'id'|at /);
	});
});
