// The signed-in member's own account: their display name and their password. Both need a member's
// session (an API key has no account to change).
import type { User } from "../../shared/api";
import { fail, ok, type Result } from "../../shared/errors";
import type { PasswordChange } from "../../shared/self-service";
import { type Db, statement } from "./db";
import type { Credential } from "./members";
import { hashPassword, verifyPassword } from "./passwords";
import type { Revoked } from "./revocation";
import { checkThrottle, type FailureLog, recordFailure } from "./sign-in-throttle";

type SessionCredential = Extract<Credential, { kind: "session" }>;

/** The member a credential signs in as, or why it has no account to change. */
function sessionOf(credential: Credential): Result<SessionCredential> {
	return credential.kind === "session"
		? ok(credential)
		: fail("bad_request", "An API key has no account of its own. Sign in as a member to change it.");
}

/** Changes the caller's display name: what the members list, boards and comments show from now on. */
export async function renameMember(db: Db, credential: Credential, name: string): Promise<Result<User>> {
	const session = sessionOf(credential);
	if (!session.ok) return session;
	await db.run("UPDATE members SET name = ? WHERE @tenant AND id = ?", name, session.value.userId);
	const user = await db.one<User>(
		"SELECT id, email, name, role FROM members WHERE @tenant AND id = ?",
		session.value.userId,
	);
	return user ? ok(user) : fail("unauthenticated", "Sign in again.");
}

/**
 * Changes the caller's password, given the current one, and ends their other sessions (the one
 * asking stays signed in). Wrong current passwords count toward the same back-off as failed
 * sign-ins from that address, so a borrowed session cannot be used to guess the password.
 */
export async function changePassword(
	failures: FailureLog,
	db: Db,
	credential: Credential,
	change: PasswordChange,
	client: string,
): Promise<Result<Revoked>> {
	const session = sessionOf(credential);
	if (!session.ok) return session;
	const { userId, sessionId } = session.value;
	const row = await db.one<{ email: string; password_hash: string }>(
		"SELECT email, password_hash FROM members WHERE @tenant AND id = ?",
		userId,
	);
	if (!row) return fail("unauthenticated", "Sign in again.");
	const throttled = await checkThrottle(failures, row.email, client);
	if (throttled) return throttled;
	if (!(await verifyPassword(change.current, row.password_hash))) {
		await recordFailure(failures, row.email, client);
		return fail("wrong_password", "That is not your current password.");
	}
	await failures.clear(row.email, client);
	const hash = await hashPassword(change.next);
	await db.batch([
		statement("UPDATE members SET password_hash = ? WHERE @tenant AND id = ?", hash, userId),
		statement("DELETE FROM sessions WHERE @tenant AND user_id = ? AND id != ?", userId, sessionId),
	]);
	return ok({ userId, exceptSessionId: sessionId });
}
