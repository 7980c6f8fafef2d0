// Exports: the admin route records the export as queued and sends this job; the job has the
// tenant write its archive to R2 (objects/domain/archive-export.ts) and records it ready with its
// size and counts. A failed attempt leaves the reason on the export; the last one parks it as failed.
import { archiveKey } from "../../objects/domain/archive-format";
import { newId } from "../../objects/domain/ids";
import type { Tenant } from "../../shared/api";
import { auditJob } from "../audit";
import { controlPlane } from "../control-plane";
import { jobTenant } from "../tenant-stub";
import { type FleetJob, type JobHandler, sendJobs } from "./jobs";

type ExportJob = Extract<FleetJob, { kind: "export" }>;

/** Records a new export of `tenant` and queues it; its id. */
export async function startExport(env: Env, tenant: Pick<Tenant, "id" | "slug">): Promise<string> {
	const id = newId("x");
	const record = { id, tenantId: tenant.id, slug: tenant.slug, archiveKey: archiveKey(tenant.id, id) };
	await controlPlane(env).fleet.createExport(record);
	await sendJobs(env, [{ kind: "export", exportId: id, slug: tenant.slug, tenantId: tenant.id }]);
	return id;
}

export const exportJob: JobHandler<ExportJob> = {
	async run({ exportId, slug, tenantId }, env, ctx) {
		const fleet = controlPlane(env).fleet;
		await fleet.updateExport(exportId, "running");
		const written = await jobTenant(env, ctx, slug).exportArchive(tenantId, exportId, env.VARIANT);
		if (!written.ok) return fleet.updateExport(exportId, "failed", { error: written.message });
		await fleet.updateExport(exportId, "ready", { bytes: written.value.bytes, counts: written.value.counts });
	},
	retrying: ({ exportId }, env, reason) =>
		controlPlane(env).fleet.updateExport(exportId, "running", { error: `An attempt failed (${reason}); retrying.` }),
	async parked({ exportId, slug, tenantId }, env) {
		await controlPlane(env).fleet.updateExport(exportId, "failed");
		await auditJob(env, "export.failed", { slug, id: tenantId }, { exportId });
	},
};
