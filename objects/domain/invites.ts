// Invites: a link that lets one person join the workspace with a role, choosing their own name
// and password. The link carries a token the Worker signs (worker/tokens.ts) naming a row here;
// the row is what makes the link single use, revocable and expiring, whatever the token says.
import type { User } from "../../shared/api";
import { EXPIRED_INVITE_MESSAGE, fail, INVALID_INVITE_MESSAGE, ok, type Result } from "../../shared/errors";
import { INVITE_TTL_SECONDS } from "../../shared/limits";
import type { Invite, InviteAcceptance, InvitePreview, NewInvite } from "../../shared/self-service";
import { canManage, isRoleAtMost, type Role } from "../../shared/tenant";
import { now } from "./clock";
import { type Db, statement } from "./db";
import { newId } from "./ids";
import type { Credential } from "./members";
import type { Actor } from "./operations";
import { hashPassword } from "./passwords";
import { type Session, startSession } from "./sessions";

/** What a verified invite token names: an invite of one tenant (the Worker checked the signature). */
export interface InviteRef {
	inviteId: string;
	tenantId: string;
}

interface InviteRow {
	id: string;
	email: string;
	role: Role;
	created_by: string;
	created_at: string;
	expires_at: number;
	accepted_at: string | null;
	revoked_at: string | null;
}

/**
 * Records an invite (owners and admins, signed in: an API key cannot invite, or a leaked key could
 * let in people who outlive its revocation). The role is at most the inviter's. A new invite for
 * an email replaces the pending one, so only the newest link works; expired rows are cleared out
 * on the way (a link outlives its row only as an expired token, which the Worker refuses).
 */
export async function createInvite(
	db: Db,
	credential: Credential,
	actor: Actor,
	input: NewInvite,
	maxMembers: number,
	nowMs = Date.now(),
): Promise<Result<Invite>> {
	if (credential.kind !== "session") return fail("forbidden", "API keys cannot invite people. Sign in to do it.");
	if (!canManage(actor.role)) return fail("forbidden", "Only owners and admins invite people.");
	if (!isRoleAtMost(input.role, actor.role)) return fail("forbidden", "Only an owner can invite an owner.");
	if (await db.one("SELECT 1 AS found FROM members WHERE @tenant AND email = ?", input.email))
		return fail("conflict", `${input.email} is already a member.`);
	const members = (await db.one<{ n: number }>("SELECT count(*) AS n FROM members WHERE @tenant"))?.n ?? 0;
	if (members >= maxMembers) return planLimit(maxMembers);
	const createdAt = now();
	const invite: Invite = {
		id: newId("i"),
		email: input.email,
		role: input.role,
		invitedBy: actor.name,
		createdAt,
		expiresAt: new Date(nowMs + INVITE_TTL_SECONDS * 1000).toISOString(),
	};
	await db.batch([
		statement("DELETE FROM invites WHERE @tenant AND expires_at <= ?", nowMs),
		statement(
			"UPDATE invites SET revoked_at = ? WHERE @tenant AND email = ? AND accepted_at IS NULL AND revoked_at IS NULL",
			createdAt,
			input.email,
		),
		statement(
			`INSERT INTO invites (@tenantColumn id, email, role, created_by, created_at, expires_at)
			VALUES (@tenantValue ?, ?, ?, ?, ?, ?)`,
			invite.id,
			invite.email,
			invite.role,
			actor.userId,
			createdAt,
			Date.parse(invite.expiresAt),
		),
	]);
	return ok(invite);
}

/** The invites still waiting to be accepted, oldest first (owners and admins). */
export async function listInvites(db: Db, actor: Actor, nowMs = Date.now()): Promise<Result<Invite[]>> {
	if (!canManage(actor.role)) return fail("forbidden", "Only owners and admins see invites.");
	const rows = await db.all<Omit<Invite, "expiresAt"> & { expires_at: number }>(
		`SELECT i.id, i.email, i.role, coalesce(m.name, 'A former member') AS invitedBy, i.created_at AS createdAt,
			i.expires_at FROM invites i LEFT JOIN members m ON @tenant(m) AND m.id = i.created_by
		WHERE @tenant(i) AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > ?
		ORDER BY i.created_at`,
		nowMs,
	);
	return ok(rows.map(({ expires_at, ...invite }) => ({ ...invite, expiresAt: new Date(expires_at).toISOString() })));
}

/** Withdraws a pending invite: its link stops working at once. Only an owner withdraws an owner's invite. */
export async function revokeInvite(db: Db, actor: Actor, inviteId: string, nowMs = Date.now()): Promise<Result<null>> {
	if (!canManage(actor.role)) return fail("forbidden", "Only owners and admins withdraw invites.");
	const pending = await pendingInvite(db, inviteId, nowMs);
	if (!pending.ok) return fail("not_found", "No such pending invite.");
	if (!isRoleAtMost(pending.value.role, actor.role))
		return fail("forbidden", "Only an owner can withdraw an invite to be an owner.");
	const revoked = await db.run(
		"UPDATE invites SET revoked_at = ? WHERE @tenant AND id = ? AND accepted_at IS NULL AND revoked_at IS NULL",
		now(),
		inviteId,
	);
	return revoked > 0 ? ok(null) : fail("not_found", "No such pending invite.");
}

/** What the invitee sees before accepting: who invited them, as what, to which workspace. */
export async function previewInvite(
	db: Db,
	workspace: InvitePreview["workspace"],
	inviteId: string,
	nowMs = Date.now(),
): Promise<Result<InvitePreview>> {
	const pending = await pendingInvite(db, inviteId, nowMs);
	if (!pending.ok) return pending;
	const { email, role, created_by, expires_at } = pending.value;
	const inviter = await db.one<{ name: string }>("SELECT name FROM members WHERE @tenant AND id = ?", created_by);
	return ok({
		email,
		role,
		invitedBy: inviter?.name ?? "A former member",
		expiresAt: new Date(expires_at).toISOString(),
		workspace,
	});
}

/**
 * Turns an invite into a member and signs them in. One batch inserts the member only while the
 * invite is pending, its email is nobody's, the plan has room and the inviter may still grant the
 * role, and marks the invite used only if that member now exists: two people accepting one link
 * at once (in one object, or in two Workers on one database) make one member, never two.
 */
export async function acceptInvite(
	db: Db,
	inviteId: string,
	input: InviteAcceptance,
	maxMembers: number,
	nowMs = Date.now(),
): Promise<Result<{ user: User; session: Session }>> {
	const userId = newId("u");
	const hash = await hashPassword(input.password);
	const at = now();
	const [inserted] = await db.batch([
		statement(
			`INSERT INTO members (@tenantColumn id, email, name, role, password_hash, created_at)
			SELECT @tenantValue ?, i.email, ?, i.role, ?, ? FROM invites i
			WHERE @tenant(i) AND i.id = ? AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > ?
			AND NOT EXISTS (SELECT 1 FROM members WHERE @tenant AND email = i.email)
			AND (SELECT count(*) FROM members WHERE @tenant) < ?
			AND EXISTS (SELECT 1 FROM members c WHERE @tenant(c) AND c.id = i.created_by
				AND (c.role = 'owner' OR (c.role = 'admin' AND i.role != 'owner')))`,
			userId,
			input.name,
			hash,
			at,
			inviteId,
			nowMs,
			maxMembers,
		),
		statement(
			`UPDATE invites SET accepted_at = ?, accepted_by = ?
			WHERE @tenant AND id = ? AND accepted_at IS NULL AND EXISTS (SELECT 1 FROM members WHERE @tenant AND id = ?)`,
			at,
			userId,
			inviteId,
			userId,
		),
	]);
	if (!inserted) return whyNotAccepted(db, inviteId, maxMembers, nowMs);
	const user = await db.one<User>("SELECT id, email, name, role FROM members WHERE @tenant AND id = ?", userId);
	if (!user) throw new Error("A member inserted a moment ago is missing.");
	return ok({ user, session: await startSession(db, userId, nowMs) });
}

/** Why an accept inserted nobody, in the order a person can do something about it. */
async function whyNotAccepted(db: Db, inviteId: string, maxMembers: number, nowMs: number): Promise<Result<never>> {
	const pending = await pendingInvite(db, inviteId, nowMs);
	if (!pending.ok) return pending;
	const { email, created_by, role } = pending.value;
	if (await db.one("SELECT 1 AS found FROM members WHERE @tenant AND email = ?", email))
		return fail("conflict", `${email} is already a member of this workspace. Sign in instead.`);
	const inviter = await db.one<{ role: Role }>("SELECT role FROM members WHERE @tenant AND id = ?", created_by);
	if (!inviter || !canManage(inviter.role) || !isRoleAtMost(role, inviter.role))
		return fail("forbidden", "Whoever invited you can no longer add people with this role. Ask for a new invite.");
	return planLimit(maxMembers);
}

/** The invite's row while it can still be accepted; otherwise the reason it cannot. */
async function pendingInvite(db: Db, inviteId: string, nowMs: number): Promise<Result<InviteRow>> {
	const row = await db.one<InviteRow>(
		`SELECT id, email, role, created_by, created_at, expires_at, accepted_at, revoked_at FROM invites
		WHERE @tenant AND id = ?`,
		inviteId,
	);
	if (!row) return fail("not_found", INVALID_INVITE_MESSAGE);
	if (row.accepted_at !== null)
		return fail("invite_used", "This invite has been used already. Sign in instead, or ask for a new invite.");
	if (row.revoked_at !== null)
		return fail("invite_revoked", "This invite was withdrawn. Ask whoever invited you for a new one.");
	if (row.expires_at <= nowMs) return fail("invite_expired", EXPIRED_INVITE_MESSAGE);
	return ok(row);
}

function planLimit(maxMembers: number): Result<never> {
	return fail("plan_limit", `This plan allows ${maxMembers} members. Upgrade the plan to add more.`, { maxMembers });
}
