// Signing in and out of a tenant, who am I, the member's own account, and WebSocket tickets.
import type { Credential } from "../../objects/domain/members";
import type { Session } from "../../objects/domain/sessions";
import { signInSchema, type User, wsTicketSchema } from "../../shared/api";
import type { Result } from "../../shared/errors";
import { changePasswordSchema, updateProfileSchema } from "../../shared/self-service";
import type { TenantSlug } from "../../shared/tenant";
import { clearedSessionCookie, credentialFor, sessionCookie } from "../auth";
import { clientAddress } from "../client-address";
import { type ApiRouter, HttpError, readJson, unwrap } from "../http";
import { admitCaller, admitSignIn, liveTenant } from "../tenant-gate";
import { callerOf, parseSlug, tenantStub } from "../tenant-stub";
import { issueSessionToken, issueTicket } from "../tokens";

export function sessionRoutes(router: ApiRouter): void {
	/** Signs in: the object checks the password and opens a session row; the token names that row. */
	router.post("/api/t/:slug/session", async (request, env, ctx) => {
		const slug = parseSlug(request.params.slug);
		const { email, password } = await readJson(request, signInSchema);
		// Failed sign-ins are throttled per (email, caller's address), so a stranger's guesses
		// never lock the real member out.
		const attempt = { email, password, client: clientAddress(request) };
		unwrap(await admitSignIn(request, env, ctx, slug, attempt));
		const signedIn = unwrap(await tenantStub(request, env, ctx, slug).signIn(attempt));
		return sessionResponse(request, env, slug, signedIn, 200);
	});

	/**
	 * Signs out: ends this session (or, with ?everywhere=1, every session of this member) and closes
	 * its sockets. Signing out without a live session just clears the cookie; there is nothing to end.
	 */
	router.delete("/api/t/:slug/session", async (request, env, ctx) => {
		const slug = parseSlug(request.params.slug);
		const everywhere = request.query.everywhere === "1";
		const credential = await signOutCredential(request, env, ctx, slug, everywhere);
		if (credential) {
			// (RPC typing drops the failure branch, whose `details` is `unknown`; the value has it.)
			const ended = (await tenantStub(request, env, ctx, slug).signOut(credential, everywhere)) as Result<null>;
			if (!ended.ok && !alreadyOut(ended.code, everywhere)) unwrap(ended);
		}
		return new Response(null, { status: 204, headers: { "Set-Cookie": clearedSessionCookie(slug) } });
	});

	router.get("/api/t/:slug/me", async (request, env, ctx) => {
		const { stub, credential } = await callerOf(request, env, ctx);
		return unwrap(await stub.me(credential));
	});

	/** Changes the caller's display name; answers like GET /me. */
	router.patch("/api/t/:slug/me", async (request, env, ctx) => {
		const { stub, credential } = await callerOf(request, env, ctx);
		const { name } = await readJson(request, updateProfileSchema);
		return unwrap(await stub.updateProfile(credential, name));
	});

	/**
	 * Changes the caller's password, given the current one. Their other sessions end (and their
	 * sockets close); this one stays. Wrong guesses are throttled like sign-ins from this address.
	 */
	router.post("/api/t/:slug/me/password", async (request, env, ctx) => {
		const { stub, credential } = await callerOf(request, env, ctx);
		const change = await readJson(request, changePasswordSchema);
		unwrap(await stub.changePassword(credential, change, clientAddress(request)));
		return new Response(null, { status: 204 });
	});

	/**
	 * A one-minute, one-use ticket for one board, for WebSocket clients that cannot send the
	 * session cookie. It is drawn from the caller's session: ending the session ends its sockets.
	 */
	router.post("/api/t/:slug/ws-ticket", async (request, env, ctx) => {
		const { slug, stub, credential } = await callerOf(request, env, ctx);
		const boardId = await ticketBoard(request);
		if (credential.kind !== "session") {
			unwrap(await stub.me(credential));
			return { ticket: null };
		}
		// Signed from the session token the Worker just verified, without asking the tenant: the
		// tenant's object is exactly what is busy when a crowd joins a board, and asking it first
		// made every ticket wait in its queue (~0.8 s each at 800 members). Nothing is given away:
		// the ticket names the session, and the object admits a socket only while that session
		// lives (a ticket drawn from an ended session opens nothing; see TenantService.admit).
		const session = { slug, tenantId: credential.tenantId, userId: credential.userId, sessionId: credential.sessionId };
		return { ticket: await issueTicket(env, session, boardId) };
	});
}

/** Whether a sign-out's failure just means there is no session left to end. */
function alreadyOut(code: string, everywhere: boolean): boolean {
	return code === "unauthenticated" && !everywhere;
}

/**
 * The credential a sign-out ends, or undefined when there is nothing to end: no live session, or
 * a tenant that is gone. A suspended tenant still lets its members sign out.
 */
async function signOutCredential(
	request: Request,
	env: Env,
	ctx: ExecutionContext,
	slug: TenantSlug,
	everywhere: boolean,
): Promise<Credential | undefined> {
	try {
		const credential = await credentialFor(request, env, slug);
		if (!(await liveTenant(env, ctx, slug))) return undefined;
		await admitCaller(request, env, ctx, slug, credential, { suspended: "allow" });
		return credential;
	} catch (error) {
		if (error instanceof HttpError && alreadyOut(error.code, everywhere)) return undefined;
		throw error;
	}
}

/** The board a ticket is for: `{"boardId"}` in a JSON body, or `?board=`. */
async function ticketBoard(request: Request & { query: Record<string, unknown> }): Promise<string> {
	const { board } = request.query;
	if (board === undefined && request.headers.has("content-type"))
		return (await readJson(request, wsTicketSchema)).boardId;
	const parsed = wsTicketSchema.safeParse({ boardId: board });
	if (!parsed.success)
		throw new HttpError("validation_failed", 'Name the board the ticket is for: {"boardId":"…"} or ?board=<boardId>.');
	return parsed.data.boardId;
}

/**
 * The answer to signing in (or joining through an invite): a token naming the new session row,
 * in the body for API clients and in an HttpOnly cookie scoped to the tenant for the browser.
 */
export async function sessionResponse(
	request: Request,
	env: Env,
	slug: TenantSlug,
	signedIn: { user: User; tenantId: string; session: Session },
	status: number,
): Promise<Response> {
	const { user, tenantId, session } = signedIn;
	const claims = { slug, tenantId, userId: user.id, sessionId: session.id };
	const token = await issueSessionToken(env, claims, session.expiresAt);
	const secure = new URL(request.url).protocol === "https:";
	return Response.json({ token, user }, { status, headers: { "Set-Cookie": sessionCookie(slug, token, secure) } });
}
