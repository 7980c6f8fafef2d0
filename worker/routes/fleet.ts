// The operator's fleet operations: schema rollouts and their progress, the audit log, and
// point-in-time restore of one tenant. Behind the admin token like every /api/admin route.
import { type AuditEntry, RESTORE_WINDOW_MS, restoreSchema } from "../../shared/fleet";
import { audit } from "../audit";
import { controlPlane } from "../control-plane";
import { startRollout } from "../fleet/rollout-job";
import { type ApiRouter, HttpError, readJson, unwrap } from "../http";
import { parseSlug, tenantStub } from "../tenant-stub";

export function fleetRoutes(router: ApiRouter): void {
	router.post("/api/admin/rollouts", async (request, env) => {
		const id = await startRollout(env);
		const rollout = await controlPlane(env).fleet.rollout(id);
		await audit(
			request,
			env,
			"rollout.start",
			{ slug: null },
			{ rolloutId: id, targetVersion: rollout?.targetVersion },
		);
		return Response.json({ id }, { status: 202, headers: { Location: `/api/admin/rollouts/${id}` } });
	});

	router.get("/api/admin/rollouts/:id", async (request, env) => {
		const rollout = await controlPlane(env).fleet.rollout(request.params.id ?? "");
		if (!rollout) throw new HttpError("not_found", "No such rollout.");
		return rollout;
	});

	router.get("/api/admin/audit", async (request, env) => {
		const cursor =
			typeof request.query.cursor === "string" && request.query.cursor !== "" ? request.query.cursor : null;
		const page = await controlPlane(env).fleet.auditPage(cursor);
		if (!page) throw new HttpError("bad_request", "That cursor did not come from this log. Start without one.");
		return page satisfies { entries: AuditEntry[] };
	});

	// Point-in-time restore (the Durable Object design, in production). 202: the object restarts
	// in the restored state. 501 locally, where the runtime keeps no history, and in the D1 design.
	router.post("/api/admin/tenants/:slug/restore", async (request, env, ctx) => {
		const slug = parseSlug(request.params.slug);
		const { at } = await readJson(request, restoreSchema);
		const when = Date.parse(at);
		if (when > Date.now() || when < Date.now() - RESTORE_WINDOW_MS)
			throw new HttpError("validation_failed", "`at` must be in the last 30 days, and not in the future.");
		const tenant = unwrap(await tenantStub(request, env, ctx, slug).describe());
		if (env.VARIANT === "d1")
			throw new HttpError(
				"not_implemented",
				"The D1 design keeps every tenant in one database, so it can only go back as a whole: that is D1 Time Travel, an operator's command (`wrangler d1 time-travel restore boardroom --timestamp=…`), not a per-tenant API.",
			);
		const receipt = unwrap(await env.Tenant.getByName(slug).restoreTo(when));
		await audit(request, env, "tenant.restore", tenant, { at, ...receipt });
		return Response.json({ slug, at, ...receipt }, { status: 202 });
	});
}
