// From a URL's slug to the tenant's Durable Object. The object is named by the slug, so no
// lookup sits on the hot path; an unprovisioned object answers not_found and writes nothing.
import { slugSchema, type TenantSlug } from "../shared/tenant";
import { HttpError } from "./http";

export function parseSlug(value: string | undefined): TenantSlug {
	const parsed = slugSchema.safeParse(value ?? "");
	if (!parsed.success) throw new HttpError("invalid_slug", parsed.error.issues[0]?.message ?? "Invalid tenant slug.");
	return parsed.data;
}

export function tenantStub(env: Env, slug: TenantSlug) {
	return env.Tenant.getByName(slug);
}
