// The operator's API: create, list, inspect, change and delete tenants, and add their members.
// Every route needs the admin token.
import { createMemberSchema, createTenantSchema, updateTenantSchema } from "../../shared/api";
import { requireAdmin } from "../auth";
import { controlPlane } from "../control-plane";
import { type ApiRouter, created, HttpError, readJson, unwrap } from "../http";
import { parseSlug, tenantStub } from "../tenant-stub";

export function adminRoutes(router: ApiRouter): void {
	router.all("/api/admin/*", (request, env) => requireAdmin(request, env).then(() => undefined));

	router.get("/api/admin/tenants", async (request, env) => {
		const limit = Number(request.query.limit ?? 50);
		if (!Number.isInteger(limit) || limit < 1 || limit > 200)
			throw new HttpError("bad_request", "limit is a whole number from 1 to 200.");
		const cursor = typeof request.query.cursor === "string" ? request.query.cursor : null;
		const page = await controlPlane(env).list(limit, cursor);
		if (!page) throw new HttpError("bad_request", "That cursor did not come from this listing. Start without one.");
		return page;
	});

	router.post("/api/admin/tenants", async (request, env, ctx) => {
		const body = await readJson(request, createTenantSchema);
		const slug = parseSlug(body.slug);
		const plane = controlPlane(env);
		// Claim the slug in the control plane first, then provision the tenant; undo the claim if that fails.
		const claim = await plane.claim({
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
		const tenant = await tenantStub(request, env, ctx, slug).provision({ slug, name: body.name, plan: body.plan });
		if (!tenant.ok) await plane.release(slug);
		const value = unwrap(tenant);
		await plane.record(value);
		return created(value);
	});

	router.get("/api/admin/tenants/:slug", async (request, env, ctx) => {
		return unwrap(await tenantStub(request, env, ctx, parseSlug(request.params.slug)).describe());
	});

	router.patch("/api/admin/tenants/:slug", async (request, env, ctx) => {
		const slug = parseSlug(request.params.slug);
		const patch = await readJson(request, updateTenantSchema);
		const tenant = unwrap(await tenantStub(request, env, ctx, slug).update(patch));
		await controlPlane(env).record(tenant);
		return tenant;
	});

	router.delete("/api/admin/tenants/:slug", async (request, env, ctx) => {
		const slug = parseSlug(request.params.slug);
		unwrap(await tenantStub(request, env, ctx, slug).destroy());
		await controlPlane(env).release(slug);
		return new Response(null, { status: 204 });
	});

	router.post("/api/admin/tenants/:slug/members", async (request, env, ctx) => {
		const slug = parseSlug(request.params.slug);
		const body = await readJson(request, createMemberSchema);
		return created(unwrap(await tenantStub(request, env, ctx, slug).addMember(body)));
	});
}
