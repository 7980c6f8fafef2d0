// Signed tokens: session tokens (cookie or Bearer), one-use WebSocket tickets and invite links,
// as HS256 JWTs made and checked by `jose`. A token only says what the tenant issued; the tenant
// still decides whether that session exists or that invite is pending, so signing out, and
// accepting or withdrawing an invite, take effect at once.
import { base64url, errors, jwtVerify, SignJWT } from "jose";
import { WS_TICKET_TTL_SECONDS } from "../shared/limits";

const ISSUER = "boardroom";
/** The audience says what a token is for, so a session token is never taken as a ticket or an invite, or back. */
const AUDIENCE = { session: "boardroom:session", ticket: "boardroom:ticket", invite: "boardroom:invite" } as const;

/** What a verified session token says. */
export interface SessionClaims {
	slug: string;
	tenantId: string;
	userId: string;
	sessionId: string;
}

/** What a verified ticket says: the session it was drawn from, one board, and its own id. */
export interface TicketClaims extends SessionClaims {
	ticketId: string;
	boardId: string;
	/** Milliseconds since the epoch, so the object can keep the id just as long as it matters. */
	expiresAt: number;
}

/** What a verified invite token says: which invite of which tenant, and until when (ms). */
export interface InviteClaims {
	slug: string;
	tenantId: string;
	inviteId: string;
	expiresAt: number;
}

/** Signs a session token that expires with the session row the object made (`expiresAt` in ms). */
export function issueSessionToken(env: Env, claims: SessionClaims, expiresAt: number): Promise<string> {
	const exp = Math.floor(expiresAt / 1000);
	return sign(env, "session", claims.userId, tenantClaims(claims, { sid: claims.sessionId }), exp, claims.sessionId);
}

/** Signs a one-minute ticket for one board, drawn from a session. */
export function issueTicket(env: Env, session: SessionClaims, boardId: string): Promise<string> {
	const exp = Math.floor(Date.now() / 1000) + WS_TICKET_TTL_SECONDS;
	const claims = tenantClaims(session, { sid: session.sessionId, board: boardId });
	return sign(env, "ticket", session.userId, claims, exp, crypto.randomUUID());
}

/**
 * Signs an invite's link: it names the invite (subject and id) and its tenant, and expires with
 * the invite's row. Nothing else is in it: the row says who is invited, and as what.
 */
export function issueInviteToken(
	env: Env,
	invite: Omit<InviteClaims, "expiresAt">,
	expiresAt: string,
): Promise<string> {
	const exp = Math.floor(Date.parse(expiresAt) / 1000);
	return sign(env, "invite", invite.inviteId, tenantClaims(invite, {}), exp, invite.inviteId);
}

/** The claims of a valid session token; undefined for anything forged, expired, malformed or not a session. */
export async function verifySessionToken(env: Env, token: string): Promise<SessionClaims | undefined> {
	const payload = await verify(env, token, "session");
	return payload && toSessionClaims(payload);
}

/** The claims of a valid ticket; undefined otherwise. Whether it was used before is the object's call. */
export async function verifyTicket(env: Env, token: string): Promise<TicketClaims | undefined> {
	const payload = await verify(env, token, "ticket");
	const session = payload && toSessionClaims(payload);
	if (!session || typeof payload.board !== "string" || !payload.jti || !payload.exp) return undefined;
	return { ...session, ticketId: payload.jti, boardId: payload.board, expiresAt: payload.exp * 1000 };
}

/**
 * The claims of a genuine invite token; "expired" for a genuine one past its time (so the invitee
 * can be told so, rather than that the link is broken); undefined for anything else. Whether the
 * invite is still pending is the tenant's call.
 */
export async function verifyInviteToken(env: Env, token: string): Promise<InviteClaims | "expired" | undefined> {
	const payload = await verify(env, token, "invite", { expired: true });
	if (payload === "expired" || payload === undefined) return payload;
	const { slug, tid, sub, jti, exp } = payload;
	if (typeof slug !== "string" || typeof tid !== "string" || !sub || sub !== jti || !exp) return undefined;
	return { slug, tenantId: tid, inviteId: sub, expiresAt: exp * 1000 };
}

type Payload = Awaited<ReturnType<typeof jwtVerify>>["payload"];

/** The tenant a token belongs to, and what else its use needs. */
function tenantClaims(claims: { slug: string; tenantId: string }, extra: Record<string, string>) {
	return { slug: claims.slug, tid: claims.tenantId, ...extra };
}

async function sign(
	env: Env,
	use: keyof typeof AUDIENCE,
	subject: string,
	claims: Record<string, string>,
	exp: number,
	jti: string,
): Promise<string> {
	return new SignJWT(claims)
		.setProtectedHeader({ alg: "HS256", typ: "JWT" })
		.setIssuer(ISSUER)
		.setAudience(AUDIENCE[use])
		.setSubject(subject)
		.setJti(jti)
		.setIssuedAt()
		.setExpirationTime(exp)
		.sign(secretKey(env));
}

async function verify(env: Env, token: string, use: keyof typeof AUDIENCE): Promise<Payload | undefined>;
async function verify(
	env: Env,
	token: string,
	use: keyof typeof AUDIENCE,
	tell: { expired: true },
): Promise<Payload | "expired" | undefined>;
async function verify(
	env: Env,
	token: string,
	use: keyof typeof AUDIENCE,
	tell?: { expired: true },
): Promise<Payload | "expired" | undefined> {
	if (!isCanonicalCompact(token)) return undefined;
	try {
		const { payload } = await jwtVerify(token, secretKey(env), {
			algorithms: ["HS256"],
			issuer: ISSUER,
			audience: AUDIENCE[use],
			requiredClaims: ["exp", "sub", "jti"],
		});
		return payload;
	} catch (error) {
		// jose checks the signature before the claims, so an expired token was genuinely ours.
		// Only the audience asked about is told apart: a session token of another use stays "invalid".
		if (tell?.expired && error instanceof errors.JWTExpired && error.payload.aud === AUDIENCE[use]) return "expired";
		return undefined;
	}
}

function toSessionClaims(payload: Payload): SessionClaims | undefined {
	const { slug, tid, sid, sub } = payload;
	if (typeof slug !== "string" || typeof tid !== "string" || typeof sid !== "string" || !sub) return undefined;
	return { slug, tenantId: tid, userId: sub, sessionId: sid };
}

/**
 * A token must be exactly three segments in canonical base64url: no padding, and no stray low
 * bits in a last character. jose decodes the signature leniently in workerd — a token with "="
 * appended, or with the unused bits of its last character flipped, still verifies (see
 * test/worker/tokens.test.ts, which fails without this check) — so one signed token would
 * otherwise have many valid spellings.
 */
function isCanonicalCompact(token: string): boolean {
	const segments = token.split(".");
	return segments.length === 3 && segments.every(isCanonicalBase64Url);
}

function isCanonicalBase64Url(segment: string): boolean {
	if (!/^[A-Za-z0-9_-]+$/.test(segment)) return false;
	try {
		return base64url.encode(base64url.decode(segment)) === segment;
	} catch {
		return false;
	}
}

function secretKey(env: Env): Uint8Array {
	if (!env.SESSION_SECRET) throw new Error("SESSION_SECRET is not set");
	return new TextEncoder().encode(env.SESSION_SECRET);
}
