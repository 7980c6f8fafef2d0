// Rate limits by plan, per API key and per sign-in address, counted by the real Rate Limiting
// binding (miniflare's, with the limits from wrangler.jsonc). The binding counts in fixed windows,
// so a run that straddles a window's end may get up to twice the limit before its first 429:
// each test counts until the first 429 and checks the count lies in [limit, 2 × limit).

import { describe, expect, it } from "vitest";
import { PLANS, RATE_LIMIT_PERIOD_SECONDS } from "../../shared/plans";
import { API_KEY_REQUESTS_PER_PERIOD, SIGN_IN_TRIES_PER_MINUTE } from "../../worker/rate-limit";
import wranglerConfig from "../../wrangler.jsonc?raw";
import { addMember, call, createTenant, signIn } from "../helpers/api";
import { signInFrom } from "../helpers/credentials";

/** Sends requests until the first 429 (at most 2 × limit + 1); the count of those let through, and the 429. */
async function untilRefused(limit: number, send: () => Promise<Response>) {
	for (let passed = 0; passed <= 2 * limit; passed++) {
		const res = await send();
		if (res.status === 429) return { passed, refusal: res };
		if (res.status >= 500) throw new Error(`Unexpected ${res.status}: ${await res.text()}`);
	}
	throw new Error(`No 429 after ${2 * limit + 1} requests`);
}

async function freeTenantWithOwner() {
	const tenant = await createTenant(undefined, "free");
	await addMember(tenant.slug, `owner@${tenant.slug}.test`, "owner");
	const { token } = await signIn(tenant.slug, `owner@${tenant.slug}.test`);
	return { slug: tenant.slug, token };
}

describe("rate limits", () => {
	it("stops a tenant at its plan's limit with 429, Retry-After and the usual error body; other tenants carry on", async () => {
		const busy = await freeTenantWithOwner();
		const other = await freeTenantWithOwner();
		const limit = PLANS.free.requestsPerPeriod;
		const { passed, refusal } = await untilRefused(limit, () =>
			call(`/api/t/${busy.slug}/boards`, { token: busy.token }),
		);
		expect(passed).toBeGreaterThanOrEqual(limit);
		expect(passed).toBeLessThan(2 * limit);
		expect(refusal.headers.get("retry-after")).toBe(String(RATE_LIMIT_PERIOD_SECONDS));
		expect(refusal.headers.get("x-request-id")).toBeTruthy();
		const body = (await refusal.json()) as { error: { code: string; message: string } };
		expect(body.error.code).toBe("rate_limited");
		expect(body.error.message).toContain(`${limit} per ${RATE_LIMIT_PERIOD_SECONDS} s`);
		expect((await call(`/api/t/${other.slug}/boards`, { token: other.token })).status).toBe(200);
	});

	it("stops one API key at its own limit while the tenant's members carry on", async () => {
		const { slug, token } = await freeTenantWithOwner();
		const created = await call(`/api/t/${slug}/api-keys`, {
			method: "POST",
			json: { name: "CI", role: "member" },
			token,
		});
		const { key } = (await created.json()) as { key: string };
		const limit = API_KEY_REQUESTS_PER_PERIOD;
		const { passed, refusal } = await untilRefused(limit, () => call(`/api/t/${slug}/boards`, { token: key }));
		expect(passed).toBeGreaterThanOrEqual(limit);
		expect(passed).toBeLessThan(2 * limit);
		expect(((await refusal.json()) as { error: { message: string } }).error.message).toMatch(/^This API key/);
		expect((await call(`/api/t/${slug}/boards`, { token })).status).toBe(200);
	});

	it("counts sign-in tries per address, so guessing from one address does not lock out another", async () => {
		const { slug } = await freeTenantWithOwner();
		const limit = SIGN_IN_TRIES_PER_MINUTE;
		// Each try names a different email, so the per-email back-off never answers first.
		let n = 0;
		const guess = () => signInFrom(slug, `guess-${++n}@${slug}.test`, "203.0.113.7", "wrong");
		const { passed, refusal } = await untilRefused(limit, guess);
		expect(passed).toBeGreaterThanOrEqual(limit);
		expect(passed).toBeLessThan(2 * limit);
		expect(refusal.headers.get("retry-after")).toBe("60");
		expect((await signInFrom(slug, `owner@${slug}.test`, "198.51.100.4")).status).toBe(200);
	});

	it("wrangler.jsonc gives every binding the limits the code counts with", () => {
		const limits = new Map<string, number>();
		for (const match of wranglerConfig.matchAll(
			/"name": "(\w+)", "namespace_id": "\d+", "simple": \{ "limit": (\d+), "period": (\d+) \}/g,
		)) {
			const [, name = "", limit, period] = match;
			const seconds = name === "SIGN_IN_RATE_LIMIT" ? 60 : RATE_LIMIT_PERIOD_SECONDS;
			expect(Number(period), name).toBe(seconds);
			if (limits.has(name)) expect(limits.get(name), `${name} in every environment`).toBe(Number(limit));
			limits.set(name, Number(limit));
		}
		expect(Object.fromEntries(limits)).toEqual({
			FREE_RATE_LIMIT: PLANS.free.requestsPerPeriod,
			TEAM_RATE_LIMIT: PLANS.team.requestsPerPeriod,
			BUSINESS_RATE_LIMIT: PLANS.business.requestsPerPeriod,
			API_KEY_RATE_LIMIT: API_KEY_REQUESTS_PER_PERIOD,
			SIGN_IN_RATE_LIMIT: SIGN_IN_TRIES_PER_MINUTE,
		});
	});
});
