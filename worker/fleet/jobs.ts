// The messages of the fleet queue: one job each, small and self-describing, so a message read
// back from the dead-letter queue days later still says what it was for. Sent in batches of up to
// 100 (the most one sendBatch takes).
import { z } from "zod";

const id = z.string().min(1).max(64);

const fleetJobSchema = z.discriminatedUnion("kind", [
	/** Bring one tenant's schema up to date (the Durable Object design; D1's schema is the database's). */
	z.object({ kind: z.literal("rollout"), rolloutId: id, slug: z.string() }),
	/** Delete everything of a tenant marked "deleting", if it is still that tenant. */
	z.object({ kind: z.literal("purge"), slug: z.string(), tenantId: id }),
	/** Write a tenant's export archive. */
	z.object({ kind: z.literal("export"), exportId: id, slug: z.string(), tenantId: id }),
]);

export type FleetJob = z.infer<typeof fleetJobSchema>;

/** The job in a message body, or undefined for a body of no known shape. */
export function parseJob(body: unknown): FleetJob | undefined {
	const parsed = fleetJobSchema.safeParse(body);
	return parsed.success ? parsed.data : undefined;
}

/** What a kind of job does: run it, note a failed attempt, and record it as failed for good. */
export interface JobHandler<J extends FleetJob> {
	run(job: J, env: Env, ctx: ExecutionContext): Promise<void>;
	retrying(job: J, env: Env, reason: string): Promise<void>;
	parked(job: J, env: Env): Promise<void>;
}

const SEND_BATCH_MAX = 100;

export async function sendJobs(env: Env, jobs: readonly FleetJob[]): Promise<void> {
	for (let start = 0; start < jobs.length; start += SEND_BATCH_MAX)
		await env.FLEET_JOBS.sendBatch(
			jobs.slice(start, start + SEND_BATCH_MAX).map((body) => ({ body, contentType: "json" as const })),
		);
}
