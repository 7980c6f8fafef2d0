// Schema rollouts. Starting one lists every tenant (page by page from the control plane), records
// each as pending and sends one job per tenant; each job wakes that tenant's object, which runs
// its pending migrations and reports its version, and the control plane records it. A tenant
// whose migration keeps failing ends in the dead-letter queue and is counted as failed.
//
// In the D1 design the schema is the shared database's, changed once for everyone by `wrangler
// d1 migrations apply`: there is nothing to do per tenant, so a rollout is recorded as done for
// every tenant at once, and says so.
import { newId } from "../../objects/domain/ids";
import { LATEST_VERSION } from "../../objects/tenant/migrations";
import { controlPlane } from "../control-plane";
import { d1Of } from "../d1/bindings";
import { d1SchemaVersion } from "../d1/tenant-records";
import { type FleetJob, type JobHandler, sendJobs } from "./jobs";

type RolloutJob = Extract<FleetJob, { kind: "rollout" }>;

const PAGE = 200;

const DO_NOTE =
	"Each tenant's object runs its pending migrations when its job arrives; failures are retried, then parked as failed.";
const D1_NOTE =
	"The D1 design has one schema for every tenant, applied with `wrangler d1 migrations apply`; there is no per-tenant step, so every tenant is done at once.";

/** Starts a rollout over every tenant listed now; its id. */
export async function startRollout(env: Env): Promise<string> {
	const id = newId("r");
	const plane = controlPlane(env);
	const d1 = env.VARIANT === "d1";
	await plane.fleet.startRollout(id, d1 ? await d1SchemaVersion(d1Of(env)) : LATEST_VERSION, d1 ? D1_NOTE : DO_NOTE);
	let cursor: string | null = null;
	do {
		const page = await plane.list(PAGE, cursor);
		if (!page) break;
		const slugs = page.tenants.filter((t) => t.status !== "deleting").map((t) => t.slug);
		// Recorded before the jobs go out, so a fast consumer always finds its tenant pending.
		await plane.fleet.addToRollout(id, slugs, d1 ? "done" : "pending");
		if (!d1)
			await sendJobs(
				env,
				slugs.map((slug) => ({ kind: "rollout", rolloutId: id, slug })),
			);
		cursor = page.cursor;
	} while (cursor);
	return id;
}

export const rolloutJob: JobHandler<RolloutJob> = {
	async run({ rolloutId, slug }, env) {
		const plane = controlPlane(env);
		const tenant = await env.Tenant.getByName(slug).migrateSchema();
		if (!tenant.ok) return plane.fleet.rolloutAttempt(rolloutId, slug, "skipped", "The workspace was deleted.");
		await plane.record(tenant.value);
		await plane.fleet.rolloutAttempt(rolloutId, slug, "done", null);
	},
	retrying: ({ rolloutId, slug }, env, reason) =>
		controlPlane(env).fleet.rolloutAttempt(rolloutId, slug, "pending", reason),
	parked: ({ rolloutId, slug }, env) => controlPlane(env).fleet.rolloutAttempt(rolloutId, slug, "failed", null),
};
