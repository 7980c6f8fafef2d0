// Members, sign-in and API keys: who may act in this tenant, and with which role.
import type { ApiKey, Member, NewApiKey, NewMember, User } from "../../shared/api";
import { fail, ok, type Result } from "../../shared/errors";
import type { Role } from "../../shared/tenant";
import { newId } from "./ids";
import { now } from "./migrations";
import type { Actor } from "./operations";
import { DUMMY_HASH, hashPassword, verifyPassword } from "./passwords";
import type { Sql } from "./sql";

/** Who the Worker says is calling: a verified session, or the SHA-256 of an API key. */
export type Credential = { kind: "session"; userId: string; tenantId: string } | { kind: "apiKey"; keyHash: string };

const MAX_FAILURES = 5;
const FAILURE_WINDOW_MS = 15 * 60 * 1000;

export async function addMember(sql: Sql, input: NewMember): Promise<Result<Member>> {
	if (sql.one("SELECT 1 AS found FROM members WHERE email = ?", input.email)) {
		return fail("conflict", `${input.email} is already a member.`);
	}
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

/**
 * Checks an email and password. Unknown emails take as long as wrong passwords, and repeated
 * failures for one email are refused for a while so passwords cannot be guessed quickly.
 */
export async function signIn(sql: Sql, email: string, password: string): Promise<Result<User>> {
	const failures = sql.one<{ failures: number; window_start: number }>(
		"SELECT * FROM sign_in_failures WHERE email = ?",
		email,
	);
	const nowMs = Date.now();
	if (failures && failures.failures >= MAX_FAILURES && nowMs - failures.window_start < FAILURE_WINDOW_MS) {
		const retryAfter = Math.ceil((failures.window_start + FAILURE_WINDOW_MS - nowMs) / 1000);
		return fail("rate_limited", "Too many failed sign-ins. Try again later.", { retryAfter });
	}
	const row = sql.one<User & { password_hash: string }>(
		"SELECT id, email, name, role, password_hash FROM members WHERE email = ?",
		email,
	);
	const valid = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
	if (!row || !valid) {
		const fresh = !failures || nowMs - failures.window_start >= FAILURE_WINDOW_MS;
		sql.run(
			`INSERT INTO sign_in_failures (email, failures, window_start) VALUES (?, 1, ?)
			ON CONFLICT (email) DO UPDATE SET failures = CASE WHEN ? THEN 1 ELSE failures + 1 END,
				window_start = CASE WHEN ? THEN excluded.window_start ELSE window_start END`,
			email,
			nowMs,
			fresh ? 1 : 0,
			fresh ? 1 : 0,
		);
		return fail("unauthenticated", "Wrong email or password.");
	}
	sql.run("DELETE FROM sign_in_failures WHERE email = ?", email);
	return ok({ id: row.id, email: row.email, name: row.name, role: row.role });
}

/** Resolves a credential to the acting member, or undefined when it names nobody here. */
export function resolveActor(sql: Sql, tenantId: string, credential: Credential): Actor | undefined {
	if (credential.kind === "session") {
		if (credential.tenantId !== tenantId) return undefined;
		const row = sql.one<{ id: string; name: string; role: Role }>(
			"SELECT id, name, role FROM members WHERE id = ?",
			credential.userId,
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

/** Stores a new API key's hash; the Worker made the key and shows it once. */
export function addApiKey(sql: Sql, actor: Actor, input: NewApiKey, keyHash: string): ApiKey {
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
	return key;
}

export function listApiKeys(sql: Sql): ApiKey[] {
	return sql.all<ApiKey>(
		"SELECT id, name, role, created_at AS createdAt, last_used_at AS lastUsedAt FROM api_keys ORDER BY created_at",
	);
}
