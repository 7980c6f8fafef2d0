import { describe, expect, it } from "vitest";
import { renderError } from "../../worker/http";

const request = new Request("https://boardroom.test/api/anything");

describe("turning failures into the contract's error bodies", () => {
	it("answers an overloaded Durable Object with 503 and Retry-After", async () => {
		const error = Object.assign(new Error("Durable Object is overloaded. Too many requests queued."), {
			overloaded: true,
		});
		const res = renderError(error, request);
		expect(res.status).toBe(503);
		expect(res.headers.get("retry-after")).toBe("5");
		expect(await res.json()).toMatchObject({ error: { code: "overloaded" } });
	});

	it("answers an unexpected error with a 500 that carries no stack trace", async () => {
		const res = renderError(new TypeError("cannot read properties of undefined"), request);
		expect(res.status).toBe(500);
		const text = await res.text();
		expect(text).not.toContain("TypeError");
		expect(JSON.parse(text)).toEqual({ error: { code: "internal", message: "Something went wrong on our side." } });
	});
});
