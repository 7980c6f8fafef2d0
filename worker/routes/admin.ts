// The operator's API: create (or restore from an export), list, inspect, change and delete
// tenants, and add their members. Every route needs the admin token, and every change is written
// to the audit log once it succeeded.
import { createMemberSchema, createTenantSchema, type Tenant, updateTenantSchema } from "../../shared/api";
import { audit } from "../audit";
import { requireAdmin } from "../auth";
import { controlPlane } from "../control-plane";
import { importExport } from "../fleet/import";
import { sendJobs } from "../fleet/jobs";
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
		// An import names an export that must be ready before anything is created.
		const source = body.importFrom ? await importExport(env, body.importFrom) : null;
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
		const stub = tenantStub(request, env, ctx, slug);
		const tenant = await stub.provision({ slug, name: body.name, plan: body.plan });
		if (!tenant.ok) await plane.release(slug);
		let value: Tenant = unwrap(tenant);
		if (source) value = await source.restoreInto(stub, slug);
		await plane.record(value);
		if (source) await audit(request, env, "tenant.import", value, { plan: value.plan, ...source.details });
		else await audit(request, env, "tenant.create", value, { plan: value.plan });
		return created(value);
	});

	router.get("/api/admin/tenants/:slug", async (request, env, ctx) => {
		return unwrap(await tenantStub(request, env, ctx, parseSlug(request.params.slug)).describe());
	});

	router.patch("/api/admin/tenants/:slug", async (request, env, ctx) => {
		const slug = parseSlug(request.params.slug);
		const patch = await readJson(request, updateTenantSchema);
		const stub = tenantStub(request, env, ctx, slug);
		const before = unwrap(await stub.describe());
		const tenant = unwrap(await stub.update(patch));
		await controlPlane(env).record(tenant);
		if (tenant.plan !== before.plan)
			await audit(request, env, "tenant.plan", tenant, { from: before.plan, to: tenant.plan });
		if (tenant.status !== before.status)
			await audit(request, env, tenant.status === "suspended" ? "tenant.suspend" : "tenant.resume", tenant);
		return tenant;
	});

	// Deleting is two steps: the tenant is marked "deleting" now (refused from this moment, sockets
	// closed) and the fleet queue purges it. 202 while that is queued; 204 when nothing was there.
	router.delete("/api/admin/tenants/:slug", async (request, env, ctx) => {
		const slug = parseSlug(request.params.slug);
		const marked = await tenantStub(request, env, ctx, slug).markDeleting();
		if (!marked.ok && marked.code === "not_found") return new Response(null, { status: 204 });
		const tenant = unwrap(marked);
		await controlPlane(env).record(tenant);
		await sendJobs(env, [{ kind: "purge", slug, tenantId: tenant.id }]);
		await audit(request, env, "tenant.delete", tenant);
		return Response.json(tenant, { status: 202 });
	});

	router.post("/api/admin/tenants/:slug/members", async (request, env, ctx) => {
		const slug = parseSlug(request.params.slug);
		const body = await readJson(request, createMemberSchema);
		const stub = tenantStub(request, env, ctx, slug);
		const member = unwrap(await stub.addMember(body));
		const tenant = await stub.describe();
		const id = tenant.ok ? tenant.value.id : null;
		await audit(request, env, "member.add", { slug, id }, { email: member.email, role: member.role });
		return created(member);
	});
}
