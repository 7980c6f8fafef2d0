// The contract of a workspace's self-service: changing a member's role, invites, the signed-in
// member's own account (name, password) and the workspace's settings. Schemas validate at the
// Worker; the types are inferred from them, so the client and the server cannot drift.
import { z } from "zod";
import { isoTime, meSchema } from "./entities";
import { MAX_TITLE_LENGTH } from "./limits";
import { roleSchema } from "./tenant";
import { storedText } from "./text";

const name = storedText(100, { min: 1, what: "A name" });
const email = z.string().trim().toLowerCase().email("Give an email address such as carol@example.com.").max(254);
/** The same rule as a password set by the operator (createMemberSchema). */
const password = z.string().min(8, "A password has at least 8 characters.").max(200);

// ── Requests ────────────────────────────────────────────────────────────────

/** PATCH /members/:userId — the role a member should have from now on. */
export const changeRoleSchema = z.object({ role: roleSchema });

/** POST /invites — who is invited, and with which role. */
export const createInviteSchema = z.object({ email, role: roleSchema });
export type NewInvite = z.infer<typeof createInviteSchema>;

/** POST /invites/:token/accept — the invitee chooses their name and password. */
export const acceptInviteSchema = z.object({ name, password });
export type InviteAcceptance = z.infer<typeof acceptInviteSchema>;

/** PATCH /me — the signed-in member's own profile. */
export const updateProfileSchema = z.object({ name });

/** POST /me/password — the current password proves it is the member, not a borrowed session. */
export const changePasswordSchema = z
	.object({ current: z.string().min(1, "Give your current password.").max(200), next: password })
	.refine((change) => change.next !== change.current, {
		message: "Choose a new password, not the current one.",
		path: ["next"],
	});
export type PasswordChange = z.infer<typeof changePasswordSchema>;

/** PATCH /settings — what owners and admins may change about the workspace. */
export const updateSettingsSchema = z.object({ name: storedText(MAX_TITLE_LENGTH, { min: 1, what: "A name" }) });

// ── Answers ─────────────────────────────────────────────────────────────────

/** An invite that has not been used, revoked or let expire: GET /invites. */
export const inviteSchema = z
	.object({
		id: z.string(),
		email: z.string(),
		role: roleSchema,
		invitedBy: z.string().meta({ description: "The name of whoever invited them." }),
		createdAt: isoTime,
		expiresAt: isoTime,
	})
	.meta({ id: "Invite" });
export type Invite = z.infer<typeof inviteSchema>;

export const inviteListSchema = z.object({ invites: z.array(inviteSchema) }).meta({ id: "InviteList" });

/** POST /invites answers with the invite and its link; the link is not kept and not shown again. */
export const inviteCreatedSchema = inviteSchema
	.extend({ url: z.string().meta({ description: "The link to send: shown this once." }) })
	.meta({ id: "InviteCreated" });
export type InviteCreated = z.infer<typeof inviteCreatedSchema>;

/** GET /invites/:token — what the invitee sees before accepting. */
export const invitePreviewSchema = z
	.object({
		email: z.string(),
		role: roleSchema,
		invitedBy: z.string(),
		expiresAt: isoTime,
		workspace: z.object({ slug: z.string(), name: z.string() }),
	})
	.meta({ id: "InvitePreview", description: "What an invite link offers, shown before accepting it." });
export type InvitePreview = z.infer<typeof invitePreviewSchema>;

/** PATCH /settings answers with the workspace as members see it (the tenant part of GET /me). */
export const workspaceSchema = meSchema.shape.tenant.meta({ id: "Workspace" });
