// Invite links: owners and admins make them, whoever holds one joins (worker/routes/invites.ts).
import { z } from "zod";
import { signedInSchema } from "../../shared/responses";
import {
	acceptInviteSchema,
	createInviteSchema,
	inviteCreatedSchema,
	inviteListSchema,
	invitePreviewSchema,
} from "../../shared/self-service";
import type { Area } from "./area";

export const inviteArea: Area = {
	tag: "Invites",
	description:
		"A link lets one person join with a role: signed, single use, good for 7 days, and withdrawn at once when revoked. The invitee needs no account: they choose a name and password when accepting.",
	routes: [
		{
			method: "get",
			path: "/api/t/:slug/invites",
			summary: "List pending invites",
			access: "manager",
			answers: { 200: { description: "Invites not yet used, revoked or expired.", schema: inviteListSchema } },
		},
		{
			method: "post",
			path: "/api/t/:slug/invites",
			summary: "Invite someone",
			description:
				"Admins invite up to admin; only owners invite owners. Inviting the same email again replaces the earlier link.",
			access: "manager",
			body: createInviteSchema,
			answers: { 201: { description: "The invite and its link, shown this once.", schema: inviteCreatedSchema } },
			errors: ["conflict", "plan_limit"],
		},
		{
			method: "delete",
			path: "/api/t/:slug/invites/:inviteId",
			summary: "Withdraw an invite",
			access: "manager",
			answers: { 204: { description: "Withdrawn: its link stops working at once." } },
		},
		{
			method: "get",
			path: "/api/t/:slug/invites/:token",
			summary: "See what an invite offers",
			access: "public",
			answers: { 200: { description: "The workspace, the role and who invited.", schema: invitePreviewSchema } },
			errors: ["not_found", "invite_used", "invite_revoked", "invite_expired", "tenant_suspended", "rate_limited"],
		},
		{
			method: "post",
			path: "/api/t/:slug/invites/:token/accept",
			summary: "Accept an invite",
			description: "Joins with the name and password given and signs in at once, as signing in answers.",
			access: "public",
			body: acceptInviteSchema,
			answers: {
				201: {
					description: "Joined and signed in; the session cookie is set too.",
					schema: signedInSchema,
					headers: z.object({
						"Set-Cookie": z.string().meta({ description: "boardroom_session, as sign-in sets it." }),
					}),
				},
			},
			errors: [
				"not_found",
				"invite_used",
				"invite_revoked",
				"invite_expired",
				"conflict",
				"plan_limit",
				"tenant_suspended",
				"rate_limited",
			],
		},
	],
};
