// Signing in and out, who am I, the member's own account, and WebSocket tickets (worker/routes/session.ts).
import { z } from "zod";
import { meSchema, signInSchema, wsTicketSchema } from "../../shared/api";
import { signedInSchema, wsTicketIssuedSchema } from "../../shared/responses";
import { changePasswordSchema, updateProfileSchema } from "../../shared/self-service";
import type { Area } from "./area";

export const sessionArea: Area = {
	tag: "Session",
	description:
		"Sign in for a session: an HttpOnly cookie for the browser and a token to send as a Bearer token. API keys need no sign-in.",
	routes: [
		{
			method: "post",
			path: "/api/t/:slug/session",
			summary: "Sign in",
			description:
				"An unknown email, tenant or password all answer 401 alike. Failures are throttled per email and address (429 with Retry-After).",
			access: "public",
			body: signInSchema,
			answers: {
				200: {
					description: "Signed in; the cookie is set too.",
					schema: signedInSchema,
					headers: z.object({
						"Set-Cookie": z.string().meta({
							description: "boardroom_session, HttpOnly, SameSite=Lax, for the workspace's /api/t/:slug paths.",
						}),
					}),
				},
			},
			errors: ["invalid_slug", "unauthenticated", "tenant_suspended", "rate_limited"],
		},
		{
			method: "delete",
			path: "/api/t/:slug/session",
			summary: "Sign out",
			description: "Ends this session, or with ?everywhere=1 every session of this member; its sockets close.",
			access: "member",
			query: z.object({ everywhere: z.enum(["1"]).optional().meta({ description: "1: end every session." }) }),
			answers: { 204: { description: "Signed out; the cookie is cleared." } },
		},
		{
			method: "get",
			path: "/api/t/:slug/me",
			summary: "Who am I",
			access: "member",
			answers: { 200: { description: "The caller and the workspace.", schema: meSchema } },
		},
		{
			method: "patch",
			path: "/api/t/:slug/me",
			summary: "Change my name",
			access: "member",
			body: updateProfileSchema,
			answers: { 200: { description: "The caller, renamed, as GET /me answers.", schema: meSchema } },
		},
		{
			method: "post",
			path: "/api/t/:slug/me/password",
			summary: "Change my password",
			description:
				"Given the current password. The member's other sessions end and their sockets close; this one stays. Wrong guesses are throttled like sign-ins.",
			access: "member",
			body: changePasswordSchema,
			answers: { 204: { description: "Changed." } },
			errors: ["wrong_password"],
		},
		{
			method: "post",
			path: "/api/t/:slug/ws-ticket",
			summary: "Get a WebSocket ticket",
			description:
				'A one-minute, one-use ticket for one board (`{"boardId"}` or `?board=`), for clients that cannot send the cookie.',
			access: "member",
			query: z.object({ board: z.string().optional().meta({ description: "The board, instead of a body." }) }),
			body: wsTicketSchema,
			optionalBody: true,
			answers: { 200: { description: "The ticket.", schema: wsTicketIssuedSchema } },
		},
	],
};
