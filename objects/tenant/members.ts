// Members and API keys: who may act in this tenant, and with which role. (Signing in is in
// sign-in.ts; ending sessions, members and keys in revocation.ts.)
import type { ApiKey, Member, NewApiKey, NewMember, User } from "../../shared/api";
import { fail, ok, type Result } from "../../shared/errors";
import { canManage, isRoleAtMost, type Role } from "../../shared/tenant";
import { now } from "../domain/clock";
import { newId } from "../domain/ids";
import type { Actor } from "../domain/operations";
import { hashPassword } from "./passwords";
import type { Sql } from "./sql";
import type { Ticket } from "./tickets";

/**
 * Who the Worker says is calling: a session it verified the signature of (which this object
 * still checks is live), or the SHA-256 of an API key. A WebSocket ticket is a session credential
 * with the ticket attached, which the object redeems once when the socket is admitted.
 */
export type Credential =
	| { kind: "session"; userId: string; tenantId: string; sessionId: string; ticket?: Ticket }
	| { kind: "apiKey"; keyHash: string };

export async function addMember(sql: Sql, input: NewMember, maxMembers: number): Promise<Result<Member>> {
	if (sql.one("SELECT 1 AS found FROM members WHERE email = ?", input.email)) {
		return fail("conflict", `${input.email} is already a member.`);
	}
	const count = sql.one<{ n: number }>("SELECT count(*) AS n FROM members")?.n ?? 0;
	if (count >= maxMembers)
		return fail("plan_limit", `This plan allows ${maxMembers} members. Upgrade the plan to add more.`, { maxMembers });
	const member: Member = {
		id: newId("u"),
		email: input.email,
		name: input.name ?? input.email.split("@")[0] ?? input.email,
		role: input.role,
		createdAt: now(),
	};
	const hash = await hashPassword(input.password);
	sql.run(
		"INSERT INTO members (id, email, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)",
		member.id,
		member.email,
		member.name,
		member.role,
		hash,
		member.createdAt,
	);
	return ok(member);
}

export function getUser(sql: Sql, userId: string): User | undefined {
	return sql.one<User>("SELECT id, email, name, role FROM members WHERE id = ?", userId);
}

export function listMembers(sql: Sql): Member[] {
	return sql.all<Member>("SELECT id, email, name, role, created_at AS createdAt FROM members ORDER BY created_at");
}

/** Resolves a credential to the acting member, or undefined when it names nobody here. */
export function resolveActor(sql: Sql, tenantId: string, credential: Credential): Actor | undefined {
	if (credential.kind === "session") {
		if (credential.tenantId !== tenantId) return undefined;
		// A signed token is not enough: its session must still exist (not signed out, not removed).
		const row = sql.one<{ id: string; name: string; role: Role }>(
			`SELECT m.id, m.name, m.role FROM sessions s JOIN members m ON m.id = s.user_id
			WHERE s.id = ? AND s.user_id = ? AND s.expires_at > ?`,
			credential.sessionId,
			credential.userId,
			Date.now(),
		);
		return row && { userId: row.id, name: row.name, role: row.role };
	}
	const key = sql.one<{ id: string; name: string; role: Role }>(
		"SELECT id, name, role FROM api_keys WHERE key_hash = ?",
		credential.keyHash,
	);
	if (!key) return undefined;
	// Last use is kept to the minute, so a busy key does not turn every read into a write.
	const at = now();
	sql.run(
		"UPDATE api_keys SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)",
		at,
		key.id,
		new Date(Date.now() - 60_000).toISOString(),
	);
	return { userId: key.id, name: `API key “${key.name}”`, role: key.role };
}

/**
 * Stores a new API key's hash; the Worker made the key and shows it once. Only a signed-in owner
 * or admin may do it — never an API key, or one leaked key could mint others that outlive its
 * revocation — and a key's role is at most its creator's.
 */
export function addApiKey(
	sql: Sql,
	credential: Credential,
	actor: Actor,
	input: NewApiKey,
	keyHash: string,
): Result<ApiKey> {
	if (credential.kind !== "session") return fail("forbidden", "API keys cannot create API keys. Sign in to do it.");
	if (!canManage(actor.role)) return fail("forbidden", "Only owners and admins manage API keys.");
	if (!isRoleAtMost(input.role, actor.role)) return fail("forbidden", "A key cannot have a higher role than yours.");
	const key: ApiKey = { id: newId("k"), name: input.name, role: input.role, createdAt: now(), lastUsedAt: null };
	sql.run(
		"INSERT INTO api_keys (id, name, role, key_hash, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)",
		key.id,
		key.name,
		key.role,
		keyHash,
		actor.userId,
		key.createdAt,
	);
	return ok(key);
}

export function listApiKeys(sql: Sql): ApiKey[] {
	return sql.all<ApiKey>(
		"SELECT id, name, role, created_at AS createdAt, last_used_at AS lastUsedAt FROM api_keys ORDER BY created_at",
	);
}
