// Taking access away: signing out (here or everywhere), revoking an API key, removing a member.
// Each deletes rows in one transaction, so the next HTTP request with the old credential is 401,
// and returns which credentials it ended, so their open sockets can be closed too.
import { fail, ok, type Result } from "../../shared/errors";
import { canManage, type Role } from "../../shared/tenant";
import { type Db, statement } from "./db";
import type { Credential } from "./members";
import type { Actor } from "./operations";
import { endSession, endSessionsOf } from "./sessions";

/**
 * Which credentials a revocation ended: a member's sessions (one, all of them, or all but the one
 * that changed the password), or an API key. Plain data, so it can travel to whatever holds the
 * sockets (the object itself, or a relay).
 */
export type Revoked = { userId: string; sessionId?: string; exceptSessionId?: string } | { keyHash: string };

/** Whether a socket's credential is one that was revoked (its socket closes with 4401). */
export function isRevoked(revoked: Revoked, credential: Credential): boolean {
	if ("keyHash" in revoked) return credential.kind === "apiKey" && credential.keyHash === revoked.keyHash;
	if (credential.kind !== "session" || credential.userId !== revoked.userId) return false;
	if (credential.sessionId === revoked.exceptSessionId) return false;
	return revoked.sessionId === undefined || credential.sessionId === revoked.sessionId;
}

/** Ends the caller's session, or with `everywhere` every session of the caller. */
export async function signOut(db: Db, credential: Credential, everywhere: boolean): Promise<Result<Revoked>> {
	if (credential.kind !== "session")
		return fail("bad_request", "An API key has no session to end. Revoke the key instead.");
	const { userId, sessionId } = credential;
	await db.batch([everywhere ? endSessionsOf(userId) : endSession(userId, sessionId)]);
	return ok(everywhere ? { userId } : { userId, sessionId });
}

/** Deletes an API key (owners and admins). An unknown id, or one of another tenant, is 404. */
export async function revokeApiKey(db: Db, actor: Actor, keyId: string): Promise<Result<Revoked>> {
	if (!canManage(actor.role)) return fail("forbidden", "Only owners and admins manage API keys.");
	const key = await db.one<{ key_hash: string }>("SELECT key_hash FROM api_keys WHERE @tenant AND id = ?", keyId);
	if (!key) return fail("not_found", "No such API key.");
	await db.run("DELETE FROM api_keys WHERE @tenant AND id = ?", keyId);
	return ok({ keyHash: key.key_hash });
}

/**
 * Removes a member and ends all their sessions (owners and admins, themselves included). Only an
 * owner removes an owner, and the last owner stays: a tenant always has someone who can manage
 * it. The delete checks that itself, so two owners removing each other at once cannot both go.
 * What they wrote (cards, comments, activity) stays, as the tenant's.
 */
export async function removeMember(db: Db, actor: Actor, userId: string): Promise<Result<Revoked>> {
	if (!canManage(actor.role)) return fail("forbidden", "Only owners and admins remove members.");
	const target = await db.one<{ role: Role }>("SELECT role FROM members WHERE @tenant AND id = ?", userId);
	if (!target) return fail("not_found", "No such member.");
	if (target.role === "owner" && actor.role !== "owner") return fail("forbidden", "Only an owner can remove an owner.");
	const [removed] = await db.batch([
		statement(
			`DELETE FROM members WHERE @tenant AND id = ?
			AND (role != 'owner' OR (SELECT count(*) FROM members WHERE @tenant AND role = 'owner') > 1)`,
			userId,
		),
		// Ends their sessions only if the member went: a session of a member who stays is theirs still.
		statement(
			"DELETE FROM sessions WHERE @tenant AND user_id = ? AND NOT EXISTS (SELECT 1 FROM members WHERE @tenant AND id = ?)",
			userId,
			userId,
		),
	]);
	if (!removed) return fail("last_owner", "This is the workspace's last owner. Make someone else an owner first.");
	return ok({ userId });
}
