// Point-in-time restore: an operator endpoint for the Durable Object design in production. The
// local runtime keeps no history, and the D1 design restores the whole database with Time Travel,
// so here both answer 501 with a message that says why — and bad input is refused before that.
import { describe, expect, it } from "vitest";
import { admin, createTenant, uniqueSlug } from "../helpers/api";
import { variant } from "../helpers/storage";

const restore = (slug: string, json: unknown) => admin(`/api/admin/tenants/${slug}/restore`, { method: "POST", json });
const anHourAgo = () => new Date(Date.now() - 3_600_000).toISOString();

describe("point-in-time restore", () => {
	it("answers 501 with the reason, and changes nothing", async () => {
		const tenant = await createTenant();
		const res = await restore(tenant.slug, { at: anHourAgo() });
		expect(res.status).toBe(501);
		const body = (await res.json()) as { error: { code: string; message: string } };
		expect(body.error.code).toBe("not_implemented");
		expect(body.error.message).toMatch(variant === "d1" ? /Time Travel/ : /local runtime/);
		expect(await (await admin(`/api/admin/tenants/${tenant.slug}`)).json()).toMatchObject({ status: "active" });
	});

	it("refuses a time that is not ISO 8601, in the future, or older than 30 days", async () => {
		const tenant = await createTenant();
		const later = new Date(Date.now() + 3_600_000).toISOString();
		const longAgo = new Date(Date.now() - 31 * 86_400_000).toISOString();
		for (const at of ["yesterday", later, longAgo, 12]) expect((await restore(tenant.slug, { at })).status).toBe(422);
	});

	it("answers 404 for an unknown tenant", async () => {
		expect((await restore(uniqueSlug("ghost"), { at: anHourAgo() })).status).toBe(404);
	});
});
