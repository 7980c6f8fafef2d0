// Authentication at the edge: session tokens (cookie or Bearer), tenant API keys, one-use
// WebSocket tickets and the operator's admin token. The tenant in a credential must match the
// tenant in the URL before any object is called; a mismatch is a 404, as if nothing were there.
// Signatures are checked here; whether a session or key is still live is the tenant object's call.
import type { Credential } from "../objects/domain/members";
import { SESSION_TTL_SECONDS } from "../shared/limits";
import { HttpError } from "./http";
import { requireSameOrigin } from "./same-origin";
import { type SessionClaims, verifySessionToken, verifyTicket } from "./tokens";

const API_KEY_PREFIX = "brk_";

export function sessionCookieName(): string {
	return "boardroom_session";
}

/** Makes a new API key for a tenant: the slug is readable in it so it can be routed without a lookup. */
export function newApiKey(slug: string): string {
	return `${API_KEY_PREFIX}${slug}_${toBase64Url(crypto.getRandomValues(new Uint8Array(24)))}`;
}

export async function sha256Hex(text: string): Promise<string> {
	const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
	return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * The caller of a tenant route: an API key or session token in Authorization, or the session
 * cookie. Missing or invalid credentials are 401; a credential of another tenant is 404; a write
 * that rides on the cookie must come from this origin (403), since browsers send cookies anywhere.
 */
export async function credentialFor(request: Request, env: Env, slug: string): Promise<Credential> {
	const bearer = request.headers.get("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];
	if (bearer?.startsWith(API_KEY_PREFIX)) {
		if (!bearer.startsWith(`${API_KEY_PREFIX}${slug}_`)) throw notFound();
		return { kind: "apiKey", keyHash: await sha256Hex(bearer) };
	}
	const token = bearer ?? readCookie(request, sessionCookieName());
	if (!token) throw new HttpError("unauthenticated", "Sign in, or send an API key as a Bearer token.");
	const claims = await verifySessionToken(env, token);
	if (!claims) throw new HttpError("unauthenticated", "Your session has expired. Sign in again.");
	if (claims.slug !== slug) throw notFound();
	if (!bearer) requireSameOrigin(request);
	return sessionCredential(claims);
}

/**
 * The credential of a WebSocket upgrade: a ticket in the query string, else as any tenant route.
 * A ticket opens only the board it was issued for; the object refuses it the second time.
 */
export async function socketCredentialFor(request: Request, env: Env, slug: string): Promise<Credential> {
	const url = new URL(request.url);
	const ticket = url.searchParams.get("ticket");
	if (!ticket) return credentialFor(request, env, slug);
	const claims = await verifyTicket(env, ticket);
	if (!claims) throw new HttpError("unauthenticated", "The ticket is invalid or expired.");
	if (claims.slug !== slug) throw notFound();
	if (claims.boardId !== url.searchParams.get("board"))
		throw new HttpError("forbidden", "This ticket was issued for another board.");
	const { ticketId: id, boardId, expiresAt } = claims;
	return { ...sessionCredential(claims), ticket: { id, boardId, expiresAt } };
}

/** Compares the operator's token in constant time (both sides hashed first, so lengths match). */
export async function requireAdmin(request: Request, env: Env): Promise<void> {
	const given = request.headers.get("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];
	if (!given || !env.ADMIN_TOKEN) throw new HttpError("unauthenticated", "Send the admin token as a Bearer token.");
	const [a, b] = await Promise.all([digest(given), digest(env.ADMIN_TOKEN)]);
	if (!crypto.subtle.timingSafeEqual(a, b)) throw new HttpError("unauthenticated", "That admin token is not valid.");
}

export function sessionCookie(slug: string, token: string, secure: boolean): string {
	const attributes = [`Path=/api/t/${slug}`, "HttpOnly", "SameSite=Lax", `Max-Age=${SESSION_TTL_SECONDS}`];
	if (secure) attributes.push("Secure");
	return `${sessionCookieName()}=${token}; ${attributes.join("; ")}`;
}

export function clearedSessionCookie(slug: string): string {
	return `${sessionCookieName()}=; Path=/api/t/${slug}; HttpOnly; SameSite=Lax; Max-Age=0`;
}

export function notFound(what = "That"): HttpError {
	return new HttpError("not_found", `${what} was not found.`);
}

function sessionCredential(claims: SessionClaims): Extract<Credential, { kind: "session" }> {
	return { kind: "session", userId: claims.userId, tenantId: claims.tenantId, sessionId: claims.sessionId };
}

function readCookie(request: Request, name: string): string | undefined {
	for (const part of (request.headers.get("cookie") ?? "").split(";")) {
		const [key, ...value] = part.trim().split("=");
		if (key === name) return value.join("=");
	}
	return undefined;
}

async function digest(text: string): Promise<ArrayBuffer> {
	return crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
}

function toBase64Url(bytes: Uint8Array): string {
	return btoa(String.fromCharCode(...bytes))
		.replace(/\+/g, "-")
		.replace(/\//g, "_")
		.replace(/=+$/, "");
}
