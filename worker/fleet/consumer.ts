// The fleet queue's consumer, in the same Worker as the API. Each message is one job; a job that
// throws is retried with a growing delay (FLEET_RETRY_SECONDS, doubled per attempt), and after
// max_retries the queue moves it to the dead-letter queue. That queue is consumed here too: a
// message arriving there is "parked" — recorded as failed where the operator sees it (the
// rollout's failures, the export's status, the audit log) and acknowledged.
import { exportJob } from "./export-job";
import { type FleetJob, type JobHandler, parseJob } from "./jobs";
import { purgeJob } from "./purge-job";
import { rolloutJob } from "./rollout-job";

/** The dead-letter queue of a job queue is named after it (see wrangler.jsonc). */
const DEAD_LETTER_SUFFIX = "-dlq";
/** The longest wait before a retry (Queues allows up to 12 hours; a fleet job should not wait that long). */
const MAX_RETRY_DELAY_SECONDS = 15 * 60;

/** A handler with its job already given. */
interface BoundJob {
	run(env: Env, ctx: ExecutionContext): Promise<void>;
	retrying(env: Env, reason: string): Promise<void>;
	parked(env: Env): Promise<void>;
}

export async function consumeFleetJobs(batch: MessageBatch, env: Env, ctx: ExecutionContext): Promise<void> {
	const deadLetters = batch.queue.endsWith(DEAD_LETTER_SUFFIX);
	// Jobs of one batch touch different tenants, so they run side by side.
	await Promise.all(batch.messages.map((message) => (deadLetters ? park(message, env) : run(message, env, ctx))));
}

async function run(message: Message, env: Env, ctx: ExecutionContext): Promise<void> {
	const job = parseJob(message.body);
	if (!job) return drop(message);
	try {
		await bound(job).run(env, ctx);
		message.ack();
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		console.error(JSON.stringify({ message: "Fleet job failed", job, attempt: message.attempts, reason }));
		await bound(job)
			.retrying(env, reason)
			.catch(() => {});
		message.retry({ delaySeconds: retryDelay(env, message.attempts) });
	}
}

async function park(message: Message, env: Env): Promise<void> {
	const job = parseJob(message.body);
	if (!job) return drop(message);
	console.error(JSON.stringify({ message: "Fleet job parked in the dead-letter queue", job }));
	try {
		await bound(job).parked(env);
		message.ack();
	} catch {
		message.retry();
	}
}

/** The handler of the job's kind (a switch, so a new kind without a handler does not compile). */
function bound(job: FleetJob): BoundJob {
	switch (job.kind) {
		case "rollout":
			return bind(rolloutJob, job);
		case "purge":
			return bind(purgeJob, job);
		case "export":
			return bind(exportJob, job);
	}
}

function bind<J extends FleetJob>(handler: JobHandler<J>, job: J): BoundJob {
	return {
		run: (env, ctx) => handler.run(job, env, ctx),
		retrying: (env, reason) => handler.retrying(job, env, reason),
		parked: (env) => handler.parked(job, env),
	};
}

function drop(message: Message): void {
	console.error(JSON.stringify({ message: "Fleet message of no known shape dropped", body: message.body }));
	message.ack();
}

/** FLEET_RETRY_SECONDS, doubled for each attempt already made. */
function retryDelay(env: Env, attempts: number): number {
	const base = Number(env.FLEET_RETRY_SECONDS ?? 10);
	if (!Number.isFinite(base) || base <= 0) return 0;
	return Math.min(MAX_RETRY_DELAY_SECONDS, base * 2 ** Math.max(0, attempts - 1));
}
