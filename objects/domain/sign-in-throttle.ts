// Slowing down password guessing without handing strangers a way to lock owners out.
//
// Policy: failures are counted per (email, client), the client being the caller's address as
// Cloudflare reports it (CF-Connecting-IP, IPv6 cut to its /64; "local" in development). After 5 failures that client
// waits 30 s before its next try for that email, then 60 s after the next failure, doubling up
// to 15 minutes; while it waits it gets 429 with Retry-After and its password is not even checked.
// Every other client, the owner signing in from their own address included, is unaffected. A
// success clears the count; a count idle for a day is forgotten. PBKDF2 (about 100 ms a try) and
// this back-off together allow about a dozen guesses per address in the first hour and four an
// hour after that. (Many addresses guessing at one email remain a matter for the Rate Limiting
// binding at the edge: counting per email alone is exactly what let strangers lock owners out.)
import { fail } from "../../shared/errors";
import { type Db, statement } from "./db";
import type { Awaitable } from "./store";

const FREE_FAILURES = 5;
const FIRST_WAIT_MS = 30_000;
const MAX_WAIT_MS = 15 * 60_000;
const FORGET_AFTER_MS = 24 * 3600_000;

/** One (email, client) pair's failed sign-ins. */
export interface Failures {
	count: number;
	/** No try is checked before this moment (ms since the epoch; 0 when not blocked). */
	blockedUntil: number;
	lastFailureAt: number;
}

/** Where failures are kept: the tenant's database, or memory where there is nothing to write to. */
export interface FailureLog {
	read(email: string, client: string, nowMs: number): Awaitable<Failures | undefined>;
	write(email: string, client: string, failures: Failures): Awaitable<void>;
	clear(email: string, client: string): Awaitable<void>;
}

/** 429 with the seconds to wait, while this client is backing off for this email. */
export async function checkThrottle(
	log: FailureLog,
	email: string,
	client: string,
	nowMs = Date.now(),
): Promise<ReturnType<typeof fail> | undefined> {
	const blockedUntil = (await log.read(email, client, nowMs))?.blockedUntil ?? 0;
	if (blockedUntil <= nowMs) return undefined;
	const retryAfter = Math.ceil((blockedUntil - nowMs) / 1000);
	return fail("rate_limited", "Too many failed sign-ins from here. Try again later.", { retryAfter });
}

/** Counts one more failure and, from the fifth on, makes this client wait twice as long as last time. */
export async function recordFailure(log: FailureLog, email: string, client: string, nowMs = Date.now()) {
	const count = ((await log.read(email, client, nowMs))?.count ?? 0) + 1;
	const wait = count < FREE_FAILURES ? 0 : Math.min(FIRST_WAIT_MS * 2 ** (count - FREE_FAILURES), MAX_WAIT_MS);
	await log.write(email, client, { count, blockedUntil: wait ? nowMs + wait : 0, lastFailureAt: nowMs });
}

/** The tenant's own log, in its database. */
export function dbFailureLog(db: Db): FailureLog {
	return {
		read(email, client, nowMs) {
			return db.one<Failures>(
				`SELECT failures AS count, blocked_until AS blockedUntil, last_failure_at AS lastFailureAt
				FROM sign_in_failures WHERE @tenant AND email = ? AND client = ? AND last_failure_at > ?`,
				email,
				client,
				nowMs - FORGET_AFTER_MS,
			);
		},
		async write(email, client, { count, blockedUntil, lastFailureAt }) {
			await db.batch([
				// Failures are the only thing that adds rows, so they also sweep out the forgotten ones.
				statement(
					"DELETE FROM sign_in_failures WHERE @tenant AND last_failure_at <= ?",
					lastFailureAt - FORGET_AFTER_MS,
				),
				statement(
					`INSERT INTO sign_in_failures (@tenantColumn email, client, failures, blocked_until, last_failure_at)
					VALUES (@tenantValue ?, ?, ?, ?, ?)
					ON CONFLICT (@tenantColumn email, client) DO UPDATE SET failures = excluded.failures,
						blocked_until = excluded.blocked_until, last_failure_at = excluded.last_failure_at`,
					email,
					client,
					count,
					blockedUntil,
					lastFailureAt,
				),
			]);
		},
		async clear(email, client) {
			await db.run("DELETE FROM sign_in_failures WHERE @tenant AND email = ? AND client = ?", email, client);
		},
	};
}

/**
 * A log in memory, for an object that was never provisioned: it must write nothing, yet it has to
 * throttle exactly like a real tenant so that sign-in does not tell which tenants exist. Bounded,
 * oldest first out, so a flood of made-up emails cannot grow it without end.
 */
export function memoryFailureLog(limit = 10_000): FailureLog {
	const entries = new Map<string, Failures>();
	const key = (email: string, client: string) => JSON.stringify([email, client]);
	return {
		read(email, client, nowMs) {
			const found = entries.get(key(email, client));
			return found && found.lastFailureAt > nowMs - FORGET_AFTER_MS ? found : undefined;
		},
		write(email, client, failures) {
			const k = key(email, client);
			entries.delete(k);
			entries.set(k, failures);
			if (entries.size > limit) entries.delete(entries.keys().next().value ?? k);
		},
		clear(email, client) {
			entries.delete(key(email, client));
		},
	};
}
