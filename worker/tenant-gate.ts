// The edge's checks before a tenant route reaches the tenant. The tenant must exist and be open
// (read from the KV edge cache, or from the control plane when the cache has no entry), a session
// must belong to this tenant and not to an earlier tenant of the same slug, and the plan's rate
// limit must allow one more request. An unknown, deleting or suspended tenant is refused here,
// without its object being created or woken; the object still checks status itself, since KV can
// be a minute behind (see tenant-cache.ts).
import type { Credential } from "../objects/domain/members";
import { refuseSignIn, type SignInAttempt } from "../objects/domain/sign-in";
import { INVALID_INVITE_MESSAGE, type Result, SUSPENDED_MESSAGE } from "../shared/errors";
import type { TenantSlug } from "../shared/tenant";
import { clientAddress } from "./client-address";
import { controlPlane } from "./control-plane";
import { HttpError } from "./http";
import { limitRequest, limitSignIn } from "./rate-limit";
import { noteRefusal, noteTenant } from "./request-log";
import { strangerFailuresOf } from "./stranger-failures";
import { cacheTenant, type EdgeTenant, readCachedTenant } from "./tenant-cache";

/** The tenant with this slug as the edge knows it; undefined when there is none. */
export async function edgeTenant(env: Env, ctx: ExecutionContext, slug: TenantSlug): Promise<EdgeTenant | undefined> {
	const cached = await readCachedTenant(env, slug);
	if (cached) return cached;
	const tenant = await controlPlane(env).find(slug);
	// A slug claimed by a creation still in progress has no id yet: not a tenant until it does.
	if (!tenant?.id) return undefined;
	ctx.waitUntil(cacheTenant(env, tenant).catch((error) => console.error("Filling the tenant cache failed", error)));
	return { id: tenant.id, status: tenant.status, plan: tenant.plan };
}

/** A tenant being deleted is already gone to everyone but the purge job. */
export async function liveTenant(env: Env, ctx: ExecutionContext, slug: TenantSlug): Promise<EdgeTenant | undefined> {
	const tenant = await edgeTenant(env, ctx, slug);
	return tenant?.status === "deleting" ? undefined : tenant;
}

export interface Admission {
	/** Whether a suspended tenant still takes this request (signing out does). */
	suspended: "refuse" | "allow";
}

/** Lets a caller through to the tenant, or throws the error it gets instead. */
export async function admitCaller(
	request: Request,
	env: Env,
	ctx: ExecutionContext,
	slug: TenantSlug,
	credential: Credential,
	{ suspended }: Admission = { suspended: "refuse" },
): Promise<EdgeTenant> {
	const tenant = await liveTenant(env, ctx, slug);
	if (!tenant) throw refused(request, "unknown tenant", new HttpError("not_found", "No such workspace."));
	noteTenant(request, tenant.id);
	if (credential.kind === "session" && credential.tenantId !== tenant.id)
		throw refused(request, "old session", new HttpError("unauthenticated", "Your session has expired. Sign in again."));
	if (tenant.status === "suspended" && suspended === "refuse")
		throw refused(request, "suspended", new HttpError("tenant_suspended", SUSPENDED_MESSAGE));
	await limitRequest(env, tenant, credential).catch((error: unknown) => {
		throw refused(request, "rate limit", error);
	});
	return tenant;
}

/**
 * A sign-in's way in. A slug with no tenant is answered here exactly as a wrong password would be
 * (same throttle, same PBKDF2 work, same words), so sign-in never tells which tenants exist; a
 * suspended tenant goes through, since only a member with the right password may learn that.
 */
export async function admitSignIn(
	request: Request,
	env: Env,
	ctx: ExecutionContext,
	slug: TenantSlug,
	attempt: SignInAttempt,
): Promise<Result<EdgeTenant>> {
	const tenant = await liveTenant(env, ctx, slug);
	if (!tenant) {
		noteRefusal(request, "unknown tenant");
		return refuseSignIn(strangerFailuresOf(slug), attempt);
	}
	noteTenant(request, tenant.id);
	await limitSignIn(env, tenant, attempt.client).catch((error: unknown) => {
		throw refused(request, "rate limit", error);
	});
	return { ok: true, value: tenant };
}

/**
 * The way in for whoever holds an invite link (no account yet). The link must be for the tenant
 * that has this slug now, which must be open; tries count like sign-ins from the same address,
 * since accepting costs the tenant a PBKDF2 run.
 */
export async function admitInvitee(
	request: Request,
	env: Env,
	ctx: ExecutionContext,
	slug: TenantSlug,
	invite: { tenantId: string },
): Promise<EdgeTenant> {
	const tenant = await liveTenant(env, ctx, slug);
	if (!tenant || tenant.id !== invite.tenantId)
		throw refused(request, "unknown tenant", new HttpError("not_found", INVALID_INVITE_MESSAGE));
	noteTenant(request, tenant.id);
	if (tenant.status === "suspended")
		throw refused(request, "suspended", new HttpError("tenant_suspended", SUSPENDED_MESSAGE));
	await limitSignIn(env, tenant, clientAddress(request)).catch((error: unknown) => {
		throw refused(request, "rate limit", error);
	});
	return tenant;
}

/** Records why the edge said no, for the request's log line, and passes the error on. */
function refused(request: Request, reason: string, error: unknown): unknown {
	noteRefusal(request, reason);
	return error;
}
