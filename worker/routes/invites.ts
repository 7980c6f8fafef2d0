// Invites: owners and admins make single-use links that let one person join with a role; whoever
// holds a link sees what it offers and joins by choosing a name and password, signed in at once.
// The link's token is signed here (tokens.ts); the tenant keeps the row that makes it single use.
import type { InviteRef } from "../../objects/domain/invites";
import { EXPIRED_INVITE_MESSAGE, INVALID_INVITE_MESSAGE } from "../../shared/errors";
import { pages } from "../../shared/paths";
import { acceptInviteSchema, createInviteSchema } from "../../shared/self-service";
import type { TenantSlug } from "../../shared/tenant";
import { type ApiRouter, created, HttpError, readJson, unwrap } from "../http";
import { admitInvitee } from "../tenant-gate";
import { callerOf, parseSlug, tenantStub } from "../tenant-stub";
import { issueInviteToken, verifyInviteToken } from "../tokens";
import { sessionResponse } from "./session";

export function inviteRoutes(router: ApiRouter): void {
	/** The invites still waiting to be accepted (owners and admins). */
	router.get("/api/t/:slug/invites", async (request, env, ctx) => {
		const { stub, credential } = await callerOf(request, env, ctx);
		return { invites: unwrap(await stub.listInvites(credential)) };
	});

	/** Invites someone: the answer holds the link, which is not kept anywhere and not shown again. */
	router.post("/api/t/:slug/invites", async (request, env, ctx) => {
		const { slug, stub, credential } = await callerOf(request, env, ctx);
		const input = await readJson(request, createInviteSchema);
		const { invite, tenantId } = unwrap(await stub.createInvite(credential, input));
		const token = await issueInviteToken(env, { slug, tenantId, inviteId: invite.id }, invite.expiresAt);
		return created({ ...invite, url: new URL(pages.invite(slug, token), request.url).toString() });
	});

	/** Withdraws a pending invite: its link stops working at once. */
	router.delete("/api/t/:slug/invites/:inviteId", async (request, env, ctx) => {
		const { stub, credential } = await callerOf(request, env, ctx);
		unwrap(await stub.revokeInvite(credential, request.params.inviteId ?? ""));
		return new Response(null, { status: 204 });
	});

	/** What a link offers: the workspace, who invited whom, and as what. No account needed. */
	router.get("/api/t/:slug/invites/:token", async (request, env, ctx) => {
		const slug = parseSlug(request.params.slug);
		const ref = await inviteOf(env, slug, request.params.token);
		await admitInvitee(request, env, ctx, slug, ref);
		return unwrap(await tenantStub(request, env, ctx, slug).previewInvite(ref));
	});

	/** Joins through a link with a name and password: 201, signed in (token and cookie), as sign-in answers. */
	router.post("/api/t/:slug/invites/:token/accept", async (request, env, ctx) => {
		const slug = parseSlug(request.params.slug);
		const ref = await inviteOf(env, slug, request.params.token);
		const input = await readJson(request, acceptInviteSchema);
		await admitInvitee(request, env, ctx, slug, ref);
		const joined = unwrap(await tenantStub(request, env, ctx, slug).acceptInvite(ref, input));
		return sessionResponse(request, env, slug, joined, 201);
	});
}

/** The invite a link's token names, for this tenant; 404 for anything not signed by us for it, 410 once expired. */
async function inviteOf(env: Env, slug: TenantSlug, token: string | undefined): Promise<InviteRef> {
	const claims = token ? await verifyInviteToken(env, token) : undefined;
	if (claims === "expired") throw new HttpError("invite_expired", EXPIRED_INVITE_MESSAGE);
	if (!claims || claims.slug !== slug) throw new HttpError("not_found", INVALID_INVITE_MESSAGE);
	return { inviteId: claims.inviteId, tenantId: claims.tenantId };
}
