// The operator's API: create, list, inspect, change and delete tenants, and add their members.
// Every route needs the admin token.
import { decodeCursor, directoryFor, listTenants } from "../../objects/directory/client";
import { createMemberSchema, createTenantSchema, updateTenantSchema } from "../../shared/api";
import { requireAdmin } from "../auth";
import { type ApiRouter, created, HttpError, readJson, unwrap } from "../http";
import { parseSlug, tenantStub } from "../tenant-stub";

export function adminRoutes(router: ApiRouter): void {
	router.all("/api/admin/*", (request, env) => requireAdmin(request, env).then(() => undefined));

	router.get("/api/admin/tenants", async (request, env) => {
		const limit = Number(request.query.limit ?? 50);
		if (!Number.isInteger(limit) || limit < 1 || limit > 200)
			throw new HttpError("bad_request", "limit is a whole number from 1 to 200.");
		const start = decodeCursor(typeof request.query.cursor === "string" ? request.query.cursor : null);
		if (!start) throw new HttpError("bad_request", "That cursor did not come from this listing. Start without one.");
		return listTenants(env, limit, start);
	});

	router.post("/api/admin/tenants", async (request, env) => {
		const body = await readJson(request, createTenantSchema);
		const slug = parseSlug(body.slug);
		const directory = directoryFor(env, slug);
		// Claim the slug in the directory first, then provision the object; undo the claim if that fails.
		const claim = await directory.claim({
			id: "",
			slug,
			name: body.name,
			plan: body.plan,
			status: "active",
			schemaVersion: 0,
			createdAt: new Date().toISOString(),
			lastActiveAt: null,
		});
		unwrap(claim);
		const tenant = await tenantStub(env, slug).provision({ slug, name: body.name, plan: body.plan });
		if (!tenant.ok) await directory.remove(slug);
		const value = unwrap(tenant);
		await directory.record(value);
		return created(value);
	});

	router.get("/api/admin/tenants/:slug", async (request, env) => {
		return unwrap(await tenantStub(env, parseSlug(request.params.slug)).describe());
	});

	router.patch("/api/admin/tenants/:slug", async (request, env) => {
		const slug = parseSlug(request.params.slug);
		const patch = await readJson(request, updateTenantSchema);
		const tenant = unwrap(await tenantStub(env, slug).update(patch));
		await directoryFor(env, slug).record(tenant);
		return tenant;
	});

	router.delete("/api/admin/tenants/:slug", async (request, env) => {
		const slug = parseSlug(request.params.slug);
		unwrap(await tenantStub(env, slug).destroy());
		await directoryFor(env, slug).remove(slug);
		return new Response(null, { status: 204 });
	});

	router.post("/api/admin/tenants/:slug/members", async (request, env) => {
		const slug = parseSlug(request.params.slug);
		const body = await readJson(request, createMemberSchema);
		return created(unwrap(await tenantStub(env, slug).addMember(body)));
	});
}
