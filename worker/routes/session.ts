// Signing in and out of a tenant, who am I, and WebSocket tickets.
import { signInSchema, wsTicketSchema } from "../../shared/api";
import type { Result } from "../../shared/errors";
import { clearedSessionCookie, credentialFor, sessionCookie } from "../auth";
import { clientAddress } from "../client-address";
import { type ApiRouter, HttpError, readJson, unwrap } from "../http";
import { callerOf, parseSlug, tenantStub } from "../tenant-stub";
import { issueSessionToken, issueTicket } from "../tokens";

export function sessionRoutes(router: ApiRouter): void {
	/** Signs in: the object checks the password and opens a session row; the token names that row. */
	router.post("/api/t/:slug/session", async (request, env, ctx) => {
		const slug = parseSlug(request.params.slug);
		const { email, password } = await readJson(request, signInSchema);
		// Failed sign-ins are throttled per (email, caller's address), so a stranger's guesses
		// never lock the real member out.
		const client = clientAddress(request);
		const signedIn = unwrap(await tenantStub(request, env, ctx, slug).signIn({ email, password, client }));
		const { user, tenantId, session } = signedIn;
		const claims = { slug, tenantId, userId: user.id, sessionId: session.id };
		const token = await issueSessionToken(env, claims, session.expiresAt);
		const secure = new URL(request.url).protocol === "https:";
		return Response.json({ token, user }, { headers: { "Set-Cookie": sessionCookie(slug, token, secure) } });
	});

	/**
	 * Signs out: ends this session (or, with ?everywhere=1, every session of this member) and closes
	 * its sockets. Signing out without a live session just clears the cookie; there is nothing to end.
	 */
	router.delete("/api/t/:slug/session", async (request, env, ctx) => {
		const slug = parseSlug(request.params.slug);
		const everywhere = request.query.everywhere === "1";
		const alreadyOut = (code: string) => code === "unauthenticated" && !everywhere;
		const credential = await credentialFor(request, env, slug).catch((error: unknown) => {
			if (error instanceof HttpError && alreadyOut(error.code)) return undefined;
			throw error;
		});
		if (credential) {
			// (RPC typing drops the failure branch, whose `details` is `unknown`; the value has it.)
			const ended = (await tenantStub(request, env, ctx, slug).signOut(credential, everywhere)) as Result<null>;
			if (!ended.ok && !alreadyOut(ended.code)) unwrap(ended);
		}
		return new Response(null, { status: 204, headers: { "Set-Cookie": clearedSessionCookie(slug) } });
	});

	router.get("/api/t/:slug/me", async (request, env, ctx) => {
		const { stub, credential } = await callerOf(request, env, ctx);
		return unwrap(await stub.me(credential));
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
