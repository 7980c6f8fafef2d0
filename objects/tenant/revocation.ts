// Taking access away: signing out (here or everywhere), revoking an API key, removing a member.
// Each deletes rows in one transaction, so the next HTTP request with the old credential is 401,
// and returns which credentials it ended, so the tenant object can close their open sockets too.
import { fail, ok, type Result } from "../../shared/errors";
import { canManage, type Role } from "../../shared/tenant";
import type { Actor } from "../domain/operations";
import type { Credential } from "./members";
import { endSession, endSessionsOf } from "./sessions";
import type { Sql } from "./sql";

/** Which credentials a revocation ended: sockets holding one of them are closed with 4401. */
export type Revoked = (credential: Credential) => boolean;

/** Ends the caller's session, or with `everywhere` every session of the caller. */
export function signOut(sql: Sql, credential: Credential, everywhere: boolean): Result<Revoked> {
	if (credential.kind !== "session")
		return fail("bad_request", "An API key has no session to end. Revoke the key instead.");
	const { userId, sessionId } = credential;
	if (everywhere) endSessionsOf(sql, userId);
	else endSession(sql, userId, sessionId);
	return ok(
		(held) => held.kind === "session" && held.userId === userId && (everywhere || held.sessionId === sessionId),
	);
}

/** Deletes an API key (owners and admins). An unknown id, or one of another tenant, is 404. */
export function revokeApiKey(sql: Sql, actor: Actor, keyId: string): Result<Revoked> {
	if (!canManage(actor.role)) return fail("forbidden", "Only owners and admins manage API keys.");
	const key = sql.one<{ key_hash: string }>("SELECT key_hash FROM api_keys WHERE id = ?", keyId);
	if (!key) return fail("not_found", "No such API key.");
	sql.run("DELETE FROM api_keys WHERE id = ?", keyId);
	return ok((held) => held.kind === "apiKey" && held.keyHash === key.key_hash);
}

/**
 * Removes a member and ends all their sessions (owners and admins, themselves included). Only an
 * owner removes an owner, and the last owner stays: a tenant always has someone who can manage
 * it. What they wrote (cards, comments, activity) stays, as the tenant's.
 */
export function removeMember(sql: Sql, storage: DurableObjectStorage, actor: Actor, userId: string): Result<Revoked> {
	if (!canManage(actor.role)) return fail("forbidden", "Only owners and admins remove members.");
	const target = sql.one<{ role: Role }>("SELECT role FROM members WHERE id = ?", userId);
	if (!target) return fail("not_found", "No such member.");
	if (target.role === "owner") {
		if (actor.role !== "owner") return fail("forbidden", "Only an owner can remove an owner.");
		const owners = sql.one<{ n: number }>("SELECT count(*) AS n FROM members WHERE role = 'owner'")?.n ?? 0;
		if (owners <= 1) return fail("last_owner", "This is the tenant's last owner. Make someone else an owner first.");
	}
	storage.transactionSync(() => {
		endSessionsOf(sql, userId);
		sql.run("DELETE FROM members WHERE id = ?", userId);
	});
	return ok((held) => held.kind === "session" && held.userId === userId);
}
