// From a URL's slug to the tenant's Durable Object. The object is named by the slug, so no
// lookup sits on the hot path; an unprovisioned object answers not_found and writes nothing.
import type { IRequest } from "itty-router";
import type { Credential } from "../objects/tenant/members";
import { slugSchema, type TenantSlug } from "../shared/tenant";
import { credentialFor } from "./auth";
import { HttpError } from "./http";

export function parseSlug(value: string | undefined): TenantSlug {
	const parsed = slugSchema.safeParse(value ?? "");
	if (!parsed.success)
		throw new HttpError("invalid_slug", parsed.error.issues[0]?.message ?? "That is not a workspace address.");
	return parsed.data;
}

export function tenantStub(env: Env, slug: TenantSlug) {
	return env.Tenant.getByName(slug);
}

/** Who is calling a tenant route, and the stub of that tenant's object. */
export interface Caller {
	slug: TenantSlug;
	credential: Credential;
	stub: ReturnType<typeof tenantStub>;
}

/** Resolves the slug and the credential of a tenant route; throws 400, 401 or 404 as they fail. */
export async function callerOf(request: IRequest, env: Env): Promise<Caller> {
	const slug = parseSlug(request.params.slug);
	return { slug, credential: await credentialFor(request, env, slug), stub: tenantStub(env, slug) };
}
