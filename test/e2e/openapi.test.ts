// /api/openapi.json from the running server, checked against the OpenAPI 3.1 schema itself. This
// lives with the browser tests because they run in Node: the validator compiles JSON Schemas with
// ajv, which generates code at run time, and workerd forbids that.
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { baseUrl } from "./browser";

describe("the OpenAPI document as served", () => {
	it("validates as OpenAPI 3.1, with no errors", async () => {
		const res = await fetch(`${baseUrl()}/api/openapi.json`);
		expect(res.status).toBe(200);
		const validator = new Validator();
		const result = await validator.validate(await res.json());
		expect(validator.version).toBe("3.1");
		expect(result.errors ?? []).toEqual([]);
		expect(result.valid).toBe(true);
	});

	it("is refused by the same check when it breaks the rules", async () => {
		const doc = (await (await fetch(`${baseUrl()}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
		// A parameter must say where it goes (`in`): without it the document is not OpenAPI.
		doc.paths["/api/broken"] = { get: { parameters: [{ name: "x" }], responses: { 200: { description: "OK" } } } };
		const result = await new Validator().validate(doc);
		expect(result.valid).toBe(false);
	});
});
