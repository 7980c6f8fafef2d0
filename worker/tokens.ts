// Signed tokens: session tokens (cookie or Bearer) and one-use WebSocket tickets, as HS256 JWTs
// made and checked by `jose`. A token only says who the tenant object issued a session to; the
// object still decides whether that session exists, so signing out takes effect at once.
import { base64url, jwtVerify, SignJWT } from "jose";
import { WS_TICKET_TTL_SECONDS } from "../shared/limits";

const ISSUER = "boardroom";
/** The audience says what a token is for, so a session token is never taken as a ticket or back. */
const AUDIENCE = { session: "boardroom:session", ticket: "boardroom:ticket" } as const;

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

/** Signs a session token that expires with the session row the object made (`expiresAt` in ms). */
export function issueSessionToken(env: Env, claims: SessionClaims, expiresAt: number): Promise<string> {
	return sign(env, "session", claims, { sid: claims.sessionId }, Math.floor(expiresAt / 1000), claims.sessionId);
}

/** Signs a one-minute ticket for one board, drawn from a session. */
export function issueTicket(env: Env, session: SessionClaims, boardId: string): Promise<string> {
	const exp = Math.floor(Date.now() / 1000) + WS_TICKET_TTL_SECONDS;
	return sign(env, "ticket", session, { sid: session.sessionId, board: boardId }, exp, crypto.randomUUID());
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

type Payload = Awaited<ReturnType<typeof jwtVerify>>["payload"];

async function sign(
	env: Env,
	use: keyof typeof AUDIENCE,
	claims: SessionClaims,
	extra: Record<string, string>,
	exp: number,
	jti: string,
): Promise<string> {
	return new SignJWT({ slug: claims.slug, tid: claims.tenantId, ...extra })
		.setProtectedHeader({ alg: "HS256", typ: "JWT" })
		.setIssuer(ISSUER)
		.setAudience(AUDIENCE[use])
		.setSubject(claims.userId)
		.setJti(jti)
		.setIssuedAt()
		.setExpirationTime(exp)
		.sign(secretKey(env));
}

async function verify(env: Env, token: string, use: keyof typeof AUDIENCE): Promise<Payload | undefined> {
	if (!isCanonicalCompact(token)) return undefined;
	try {
		const { payload } = await jwtVerify(token, secretKey(env), {
			algorithms: ["HS256"],
			issuer: ISSUER,
			audience: AUDIENCE[use],
			requiredClaims: ["exp", "sub", "jti"],
		});
		return payload;
	} catch {
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
