// Authentication at the edge: signed session tokens (cookie or Bearer), tenant API keys, short
// WebSocket tickets and the operator's admin token. The tenant in a credential must match the
// tenant in the URL before any object is called; a mismatch is a 404, as if nothing were there.
import type { Credential } from "../objects/tenant/members";
import { SESSION_TTL_SECONDS, WS_TICKET_TTL_SECONDS } from "../shared/limits";
import { HttpError } from "./http";

interface TokenClaims {
	/** "session" lasts a week; "ticket" a minute, for WebSocket clients that cannot send cookies. */
	use: "session" | "ticket";
	slug: string;
	tid: string;
	uid: string;
	exp: number;
}

const API_KEY_PREFIX = "brk_";

export function sessionCookieName(): string {
	return "boardroom_session";
}

export async function issueToken(env: Env, claims: Omit<TokenClaims, "exp">): Promise<string> {
	const ttl = claims.use === "session" ? SESSION_TTL_SECONDS : WS_TICKET_TTL_SECONDS;
	const payload = toBase64Url(new TextEncoder().encode(JSON.stringify({ ...claims, exp: nowSeconds() + ttl })));
	const signature = await crypto.subtle.sign("HMAC", await hmacKey(env), new TextEncoder().encode(payload));
	return `v1.${payload}.${toBase64Url(new Uint8Array(signature))}`;
}

/** Checks a token's signature and expiry; undefined for anything forged, expired or malformed. */
export async function verifyToken(env: Env, token: string, use: TokenClaims["use"]): Promise<TokenClaims | undefined> {
	const [version, payload, signature] = token.split(".");
	if (version !== "v1" || !payload || !signature) return undefined;
	try {
		const valid = await crypto.subtle.verify(
			"HMAC",
			await hmacKey(env),
			fromBase64Url(signature),
			new TextEncoder().encode(payload),
		);
		if (!valid) return undefined;
		const claims = JSON.parse(new TextDecoder().decode(fromBase64Url(payload))) as TokenClaims;
		return claims.use === use && claims.exp > nowSeconds() ? claims : undefined;
	} catch {
		return undefined;
	}
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
 * cookie. Missing or invalid credentials are 401; a credential of another tenant is 404.
 */
export async function credentialFor(request: Request, env: Env, slug: string): Promise<Credential> {
	const bearer = request.headers.get("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];
	if (bearer?.startsWith(API_KEY_PREFIX)) {
		if (!bearer.startsWith(`${API_KEY_PREFIX}${slug}_`)) throw notFound();
		return { kind: "apiKey", keyHash: await sha256Hex(bearer) };
	}
	const token = bearer ?? readCookie(request, sessionCookieName());
	if (!token) throw new HttpError("unauthenticated", "Sign in, or send an API key as a Bearer token.");
	const claims = await verifyToken(env, token, "session");
	if (!claims) throw new HttpError("unauthenticated", "Your session has expired. Sign in again.");
	if (claims.slug !== slug) throw notFound();
	return { kind: "session", userId: claims.uid, tenantId: claims.tid };
}

/** The credential of a WebSocket upgrade: a ticket in the query string, else as any tenant route. */
export async function socketCredentialFor(request: Request, env: Env, slug: string): Promise<Credential> {
	const ticket = new URL(request.url).searchParams.get("ticket");
	if (!ticket) return credentialFor(request, env, slug);
	const claims = await verifyToken(env, ticket, "ticket");
	if (!claims) throw new HttpError("unauthenticated", "The ticket is invalid or expired.");
	if (claims.slug !== slug) throw notFound();
	return { kind: "session", userId: claims.uid, tenantId: claims.tid };
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

function readCookie(request: Request, name: string): string | undefined {
	for (const part of (request.headers.get("cookie") ?? "").split(";")) {
		const [key, ...value] = part.trim().split("=");
		if (key === name) return value.join("=");
	}
	return undefined;
}

async function hmacKey(env: Env): Promise<CryptoKey> {
	if (!env.SESSION_SECRET) throw new Error("SESSION_SECRET is not set");
	return crypto.subtle.importKey(
		"raw",
		new TextEncoder().encode(env.SESSION_SECRET),
		{ name: "HMAC", hash: "SHA-256" },
		false,
		["sign", "verify"],
	);
}

async function digest(text: string): Promise<ArrayBuffer> {
	return crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
}

function nowSeconds(): number {
	return Math.floor(Date.now() / 1000);
}

function toBase64Url(bytes: Uint8Array): string {
	return btoa(String.fromCharCode(...bytes))
		.replace(/\+/g, "-")
		.replace(/\//g, "_")
		.replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
	const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
	return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}
