// Exports of a tenant: the operator starts one and follows it; once ready, the same address
// gives the archive itself. The tenant's owners may download it too, from their own routes.
//
//   POST /api/admin/tenants/:slug/exports          202 {id, status, download}
//   GET  /api/admin/tenants/:slug/exports/:id      Accept: application/json → 200 the export's status
//                                                  otherwise: 202 status while queued or running,
//                                                  200 the archive (application/gzip) once ready,
//                                                  409 export_not_ready if it failed
//   GET  /api/t/:slug/exports/:id                  the same, for an owner of the tenant
import type { ExportRecord } from "../../objects/fleet/fleet-records";
import type { TenantExport } from "../../shared/fleet";
import { paths } from "../../shared/paths";
import { audit } from "../audit";
import { controlPlane } from "../control-plane";
import { startExport } from "../fleet/export-job";
import { type ApiRouter, HttpError, unwrap } from "../http";
import { callerOf, parseSlug, tenantStub } from "../tenant-stub";

export function exportRoutes(router: ApiRouter): void {
	router.post("/api/admin/tenants/:slug/exports", async (request, env, ctx) => {
		const slug = parseSlug(request.params.slug);
		const tenant = unwrap(await tenantStub(request, env, ctx, slug).describe());
		if (tenant.status === "deleting") throw new HttpError("tenant_deleting", "This workspace is being deleted.");
		const id = await startExport(env, tenant);
		await audit(request, env, "export.start", tenant, { exportId: id });
		const download = paths.adminExport(slug, id);
		return Response.json({ id, status: "queued", download }, { status: 202, headers: { Location: download } });
	});

	router.get("/api/admin/tenants/:slug/exports/:id", async (request, env) => {
		const slug = parseSlug(request.params.slug);
		const record = await controlPlane(env).fleet.export(request.params.id ?? "");
		if (!record || record.slug !== slug) throw new HttpError("not_found", "No such export.");
		return answer(request, env, record, paths.adminExport(slug, record.id));
	});

	router.get("/api/t/:slug/exports/:id", async (request, env, ctx) => {
		const { slug, credential, stub } = await callerOf(request, env, ctx);
		const tenantId = unwrap(await stub.exportAccess(credential));
		const record = await controlPlane(env).fleet.export(request.params.id ?? "");
		// Another tenant's export (or one of an earlier tenant under this slug) is not there for this one.
		if (!record || record.tenantId !== tenantId) throw new HttpError("not_found", "No such export.");
		return answer(request, env, record, paths.tenantExport(slug, record.id));
	});
}

/** The export's status as JSON, or its archive: see the table at the top. */
async function answer(request: Request, env: Env, record: ExportRecord, download: string): Promise<Response> {
	const { archiveKey: _key, ...rest } = record;
	const status: TenantExport = { ...rest, download };
	if (/\bapplication\/json\b/i.test(request.headers.get("accept") ?? "")) return Response.json(status);
	if (record.status === "failed")
		throw new HttpError("export_not_ready", `This export failed: ${record.error ?? "see the audit log"}.`);
	if (record.status !== "ready") return Response.json(status, { status: 202, headers: { "Retry-After": "2" } });
	const archive = await env.ATTACHMENTS.get(record.archiveKey);
	if (!archive) throw new HttpError("not_found", "The archive is no longer in storage.");
	return new Response(archive.body, {
		headers: {
			"Content-Type": "application/gzip",
			"Content-Length": String(archive.size),
			"Content-Disposition": `attachment; filename="${record.slug}-${record.id}.jsonl.gz"`,
		},
	});
}
