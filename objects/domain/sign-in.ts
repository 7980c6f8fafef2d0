// Signing in: a password check that is throttled per (email, client), takes as long for an email
// nobody has as for a wrong password, and opens a server-side session when it succeeds.
import type { User } from "../../shared/api";
import { fail, ok, type Result } from "../../shared/errors";
import type { Db } from "./db";
import { DUMMY_HASH, verifyPassword } from "./passwords";
import { type Session, startSession } from "./sessions";
import { checkThrottle, type FailureLog, recordFailure } from "./sign-in-throttle";

export interface SignInAttempt {
	email: string;
	password: string;
	/** The caller's address as the Worker saw it, or "local"; throttling is per (email, client). */
	client: string;
}

/** Checks an email and password against the tenant's members and opens a session. */
export async function signIn(
	failures: FailureLog,
	db: Db,
	attempt: SignInAttempt,
): Promise<Result<{ user: User; session: Session }>> {
	const user = await checkPassword(failures, db, attempt);
	return user.ok ? ok({ user: user.value, session: await startSession(db, user.value.id) }) : user;
}

/**
 * Checks an email and password without opening a session: what a suspended tenant does, so that
 * only someone who knows a member's password learns that the workspace is suspended.
 */
export async function checkPassword(
	failures: FailureLog,
	db: Db,
	{ email, password, client }: SignInAttempt,
): Promise<Result<User>> {
	const throttled = await checkThrottle(failures, email, client);
	if (throttled) return throttled;
	const row = await db.one<User & { password_hash: string }>(
		"SELECT id, email, name, role, password_hash FROM members WHERE @tenant AND email = ?",
		email,
	);
	// Unknown emails are checked against a dummy hash, so they take as long as wrong passwords.
	const valid = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
	if (!row || !valid) return wrongPassword(failures, email, client);
	await failures.clear(email, client);
	return ok({ id: row.id, email: row.email, name: row.name, role: row.role });
}

/**
 * The answer where there is nobody to sign in (an unknown tenant): the same steps, time and
 * words as a wrong password — throttle, a full PBKDF2 run, 401 — so sign-in never tells whether
 * a tenant exists.
 */
export async function refuseSignIn(
	failures: FailureLog,
	{ email, password, client }: SignInAttempt,
): Promise<ReturnType<typeof fail>> {
	const throttled = await checkThrottle(failures, email, client);
	if (throttled) return throttled;
	await verifyPassword(password, DUMMY_HASH);
	return wrongPassword(failures, email, client);
}

async function wrongPassword(failures: FailureLog, email: string, client: string) {
	await recordFailure(failures, email, client);
	return fail("unauthenticated", "Wrong email or password.");
}
