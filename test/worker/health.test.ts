import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call } from "../helpers/api";

describe("health", () => {
	it("answers with the variant it runs", async () => {
		const res = await call("/api/health");
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ ok: true, variant: env.VARIANT });
	});

	it("answers unknown API routes with a JSON 404", async () => {
		const res = await call("/api/nothing-here");
		expect(res.status).toBe(404);
		expect(await res.json()).toMatchObject({ error: { code: "not_found" } });
	});
});
