// Rate limits at the edge. The Workers Rate Limiting binding does the counting; this file picks
// the counters. A tenant's requests count against its plan's limit (one binding per plan, because
// a binding's limit is fixed in wrangler.jsonc); an API key's also count against a smaller limit
// of its own, so one runaway script cannot spend its tenant's whole allowance; sign-in tries count
// per (tenant, caller address), since each one costs the tenant a PBKDF2 run.
//
// The binding counts per Cloudflare location and approximately, by design: it keeps one tenant
// from hurting the platform and its neighbours. Quotas that must be exact (boards, members,
// storage, what is billed) are kept by the tenant itself and its usage ledger.
import type { Credential } from "../objects/domain/members";
import { PLANS, RATE_LIMIT_PERIOD_SECONDS } from "../shared/plans";
import type { Plan } from "../shared/tenant";
import { HttpError } from "./http";
import type { EdgeTenant } from "./tenant-cache";

/** The API_KEY_RATE_LIMIT binding's limit per period (it must match wrangler.jsonc). */
export const API_KEY_REQUESTS_PER_PERIOD = 50;
/** The SIGN_IN_RATE_LIMIT binding's limit per minute (it must match wrangler.jsonc). */
export const SIGN_IN_TRIES_PER_MINUTE = 10;

const PLAN_LIMITERS = {
	free: "FREE_RATE_LIMIT",
	team: "TEAM_RATE_LIMIT",
	business: "BUSINESS_RATE_LIMIT",
} as const satisfies Record<Plan, keyof Env>;

/** Counts one request of a tenant route; 429 with Retry-After once a counter is spent. */
export async function limitRequest(env: Env, tenant: EdgeTenant, credential: Credential): Promise<void> {
	if (env.RATE_LIMITS === "off") return;
	const counts = [env[PLAN_LIMITERS[tenant.plan]].limit({ key: `tenant:${tenant.id}` })];
	if (credential.kind === "apiKey") counts.push(env.API_KEY_RATE_LIMIT.limit({ key: `key:${credential.keyHash}` }));
	const outcomes = await Promise.all(counts);
	if (outcomes.some((outcome) => !outcome.success)) {
		const limit = credential.kind === "apiKey" && !outcomes[1]?.success ? "This API key" : "This workspace";
		const allowed = PLANS[tenant.plan].requestsPerPeriod;
		throw rateLimited(
			`${limit} is over its request limit (${allowed} per ${RATE_LIMIT_PERIOD_SECONDS} s on its plan).`,
			RATE_LIMIT_PERIOD_SECONDS,
		);
	}
}

/** Counts one sign-in try from one address at one tenant. */
export async function limitSignIn(env: Env, tenant: EdgeTenant, client: string): Promise<void> {
	if (env.RATE_LIMITS === "off") return;
	const { success } = await env.SIGN_IN_RATE_LIMIT.limit({ key: `sign-in:${tenant.id}:${client}` });
	if (!success) throw rateLimited("Too many sign-in tries from here.", 60);
}

/** The binding does not say when its window ends, so callers are told to wait one whole window. */
function rateLimited(message: string, retryAfter: number): HttpError {
	const wait = `${message} Try again in ${retryAfter} seconds.`;
	return new HttpError("rate_limited", wait, { retryAfter }, { "Retry-After": String(retryAfter) });
}
