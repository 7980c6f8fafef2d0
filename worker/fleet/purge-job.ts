// Purging a deleted tenant, off the admin request: DELETE marks the tenant "deleting" (refused from
// then on) and sends this job, which removes its files, rows and directory entry. The job is safe
// to run twice: a tenant already gone is "gone", and a new tenant that took the slug meanwhile has
// another id and is "kept". When every retry fails the tenant stays "deleting", the audit log says
// so, and deleting it again sends a new job.

import { auditJob } from "../audit";
import { controlPlane } from "../control-plane";
import { unwrap } from "../http";
import { jobTenant } from "../tenant-stub";
import type { FleetJob, JobHandler } from "./jobs";

type PurgeJob = Extract<FleetJob, { kind: "purge" }>;

export const purgeJob: JobHandler<PurgeJob> = {
	async run({ slug, tenantId }, env, ctx) {
		const outcome = unwrap(await jobTenant(env, ctx, slug).purge(tenantId));
		if (outcome === "kept") return;
		await controlPlane(env).release(slug);
		if (outcome === "purged") await auditJob(env, "tenant.purged", { slug, id: tenantId });
	},
	// Nothing to record per attempt: the purge either finishes or is parked.
	retrying: async () => {},
	parked: ({ slug, tenantId }, env) =>
		auditJob(env, "tenant.purge_failed", { slug, id: tenantId }, { next: "Delete the tenant again to retry." }),
};
