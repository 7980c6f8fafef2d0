// Members and API keys: who may act in this tenant, and with which role. (Signing in is in
// sign-in.ts; ending sessions, members and keys in revocation.ts.)
import type { ApiKey, Member, NewApiKey, NewMember, User } from "../../shared/api";
import { fail, ok, type Result } from "../../shared/errors";
import { canManage, isRoleAtMost, type Role } from "../../shared/tenant";
import { now } from "./clock";
import type { Db } from "./db";
import { newId } from "./ids";
import type { Actor } from "./operations";
import { hashPassword } from "./passwords";
import type { Ticket } from "./tickets";

/**
 * Who the Worker says is calling: a session it verified the signature of (which the tenant still
 * checks is live), or the SHA-256 of an API key. A WebSocket ticket is a session credential with
 * the ticket attached, which is redeemed once when the socket is admitted.
 */
export type Credential =
	| { kind: "session"; userId: string; tenantId: string; sessionId: string; ticket?: Ticket }
	| { kind: "apiKey"; keyHash: string };

/**
 * Adds a member if the email is free and the plan has room. Both conditions are checked by the
 * insert itself, so two members added at once (in one object, or by two Workers on one database)
 * can neither share an email nor pass the plan's limit together.
 */
export async function addMember(db: Db, input: NewMember, maxMembers: number): Promise<Result<Member>> {
	const member: Member = {
		id: newId("u"),
		email: input.email,
		name: input.name ?? input.email.split("@")[0] ?? input.email,
		role: input.role,
		createdAt: now(),
	};
	const hash = await hashPassword(input.password);
	const inserted = await db.run(
		`INSERT INTO members (@tenantColumn id, email, name, role, password_hash, created_at)
		SELECT @tenantValue ?, ?, ?, ?, ?, ?
		WHERE NOT EXISTS (SELECT 1 FROM members WHERE @tenant AND email = ?)
		AND (SELECT count(*) FROM members WHERE @tenant) < ?`,
		member.id,
		member.email,
		member.name,
		member.role,
		hash,
		member.createdAt,
		member.email,
		maxMembers,
	);
	if (inserted > 0) return ok(member);
	if (await db.one("SELECT 1 AS found FROM members WHERE @tenant AND email = ?", input.email))
		return fail("conflict", `${input.email} is already a member.`);
	return fail("plan_limit", `This plan allows ${maxMembers} members. Upgrade the plan to add more.`, { maxMembers });
}

export function getUser(db: Db, userId: string) {
	return db.one<User>("SELECT id, email, name, role FROM members WHERE @tenant AND id = ?", userId);
}

export function listMembers(db: Db) {
	return db.all<Member>(
		"SELECT id, email, name, role, created_at AS createdAt FROM members WHERE @tenant ORDER BY created_at",
	);
}

/** Resolves a credential to the acting member, or undefined when it names nobody here. */
export async function resolveActor(db: Db, tenantId: string, credential: Credential): Promise<Actor | undefined> {
	if (credential.kind === "session") {
		if (credential.tenantId !== tenantId) return undefined;
		// A signed token is not enough: its session must still exist (not signed out, not removed).
		const row = await db.one<{ id: string; name: string; role: Role }>(
			`SELECT m.id, m.name, m.role FROM sessions s JOIN members m ON m.id = s.user_id AND @tenant(m)
			WHERE @tenant(s) AND s.id = ? AND s.user_id = ? AND s.expires_at > ?`,
			credential.sessionId,
			credential.userId,
			Date.now(),
		);
		return row && { userId: row.id, name: row.name, role: row.role };
	}
	const key = await db.one<{ id: string; name: string; role: Role; last_used_at: string | null }>(
		"SELECT id, name, role, last_used_at FROM api_keys WHERE @tenant AND key_hash = ?",
		credential.keyHash,
	);
	if (!key) return undefined;
	// Last use is kept to the minute, so a busy key does not turn every read into a write.
	const minuteAgo = new Date(Date.now() - 60_000).toISOString();
	if (key.last_used_at === null || key.last_used_at < minuteAgo)
		await db.run("UPDATE api_keys SET last_used_at = ? WHERE @tenant AND id = ?", now(), key.id);
	return { userId: key.id, name: `API key “${key.name}”`, role: key.role };
}

/**
 * Stores a new API key's hash; the Worker made the key and shows it once. Only a signed-in owner
 * or admin may do it — never an API key, or one leaked key could mint others that outlive its
 * revocation — and a key's role is at most its creator's.
 */
export async function addApiKey(
	db: Db,
	credential: Credential,
	actor: Actor,
	input: NewApiKey,
	keyHash: string,
): Promise<Result<ApiKey>> {
	if (credential.kind !== "session") return fail("forbidden", "API keys cannot create API keys. Sign in to do it.");
	if (!canManage(actor.role)) return fail("forbidden", "Only owners and admins manage API keys.");
	if (!isRoleAtMost(input.role, actor.role)) return fail("forbidden", "A key cannot have a higher role than yours.");
	const key: ApiKey = { id: newId("k"), name: input.name, role: input.role, createdAt: now(), lastUsedAt: null };
	await db.run(
		`INSERT INTO api_keys (@tenantColumn id, name, role, key_hash, created_by, created_at)
		VALUES (@tenantValue ?, ?, ?, ?, ?, ?)`,
		key.id,
		key.name,
		key.role,
		keyHash,
		actor.userId,
		key.createdAt,
	);
	return ok(key);
}

export function listApiKeys(db: Db) {
	return db.all<ApiKey>(
		`SELECT id, name, role, created_at AS createdAt, last_used_at AS lastUsedAt FROM api_keys WHERE @tenant
		ORDER BY created_at`,
	);
}

/**
 * The current role of whoever acts: a member's row, or an API key's (ids never collide: "u_…",
 * "k_…"). Read inside a statement, so a change of role decided on a moment ago is checked again
 * at the moment it is written.
 */
const ACTOR_ROLE = `coalesce((SELECT role FROM members WHERE @tenant AND id = ?),
	(SELECT role FROM api_keys WHERE @tenant AND id = ?))`;

/**
 * Gives a member another role (owners and admins). Only an owner makes or unmakes an owner, an
 * admin manages everyone below owner (other admins and themselves included), and the last owner
 * stays an owner. The update re-checks all of that itself — the owner count, the target's role
 * and the caller's — so two owners demoting each other at once cannot both succeed, in one object
 * or with two Workers on one database.
 */
export async function changeRole(db: Db, actor: Actor, userId: string, role: Role): Promise<Result<Member>> {
	if (!canManage(actor.role)) return fail("forbidden", "Only owners and admins change roles.");
	const target = await db.one<{ role: Role }>("SELECT role FROM members WHERE @tenant AND id = ?", userId);
	if (!target) return fail("not_found", "No such member.");
	if ((target.role === "owner" || role === "owner") && actor.role !== "owner")
		return fail("forbidden", "Only an owner can make someone an owner, or change an owner's role.");
	const changed = await db.run(
		`UPDATE members SET role = ? WHERE @tenant AND id = ?
		AND (role != 'owner' OR ? = 'owner' OR (SELECT count(*) FROM members WHERE @tenant AND role = 'owner') > 1)
		AND (${ACTOR_ROLE} = 'owner' OR (${ACTOR_ROLE} = 'admin' AND role != 'owner' AND ? != 'owner'))`,
		role,
		userId,
		role,
		actor.userId,
		actor.userId,
		actor.userId,
		actor.userId,
		role,
	);
	const member = await db.one<Member>(
		"SELECT id, email, name, role, created_at AS createdAt FROM members WHERE @tenant AND id = ?",
		userId,
	);
	if (!member) return fail("not_found", "No such member.");
	if (changed > 0) return ok(member);
	// Nothing changed: something changed first. Say what stands in the way now.
	const now = await db.one<{ role: Role | null }>(`SELECT ${ACTOR_ROLE} AS role`, actor.userId, actor.userId);
	const stillAllowed = now?.role === "owner" || (now?.role === "admin" && member.role !== "owner" && role !== "owner");
	if (!stillAllowed) return fail("forbidden", "Your role changed in the meantime. Reload and try again.");
	return fail("last_owner", "This is the workspace's last owner. Make someone else an owner first.");
}
