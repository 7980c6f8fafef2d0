// The edge cache of tenant state: each tenant's id, status and plan in Workers KV, by slug. The
// admin routes write it (through the control plane, below) on create, plan change, suspend,
// resume and delete; the Worker reads it before it touches a tenant's object (tenant-gate.ts).
//
// How stale it can be, and why that is safe: KV is eventually consistent. A write is visible at
// once where it was made and, because reads are cached at each location for READ_CACHE_SECONDS,
// within about a minute everywhere else. The tenant object (or the D1 tenant row) still enforces
// status on every call, so a stale entry can only make the edge say no early to a tenant that was
// resumed in the last minute, or let a just-suspended tenant's request reach its object, which
// refuses it. Entries also expire after ENTRY_TTL_SECONDS, so even a lost write heals itself.
import type { Tenant } from "../shared/api";
import type { Plan, TenantStatus } from "../shared/tenant";
import type { ControlPlane } from "./control-plane";

/** What the edge needs to know about a tenant before calling it. */
export interface EdgeTenant {
	id: string;
	status: TenantStatus;
	plan: Plan;
}

/** KV's own edge cache of a read (KV's minimum is 30 seconds). */
const READ_CACHE_SECONDS = 60;
/** Every entry is rewritten from the control plane at least this often. */
const ENTRY_TTL_SECONDS = 3600;

export async function readCachedTenant(env: Env, slug: string): Promise<EdgeTenant | null> {
	return env.TENANT_CACHE.get<EdgeTenant>(slug, { type: "json", cacheTtl: READ_CACHE_SECONDS });
}

export async function cacheTenant(env: Env, tenant: Pick<Tenant, "slug" | "id" | "status" | "plan">): Promise<void> {
	const entry: EdgeTenant = { id: tenant.id, status: tenant.status, plan: tenant.plan };
	await env.TENANT_CACHE.put(tenant.slug, JSON.stringify(entry), { expirationTtl: ENTRY_TTL_SECONDS });
}

export async function uncacheTenant(env: Env, slug: string): Promise<void> {
	await env.TENANT_CACHE.delete(slug);
}

/** The control plane, writing every change of a tenant's state through to the edge cache. */
export function writingThrough(env: Env, plane: ControlPlane): ControlPlane {
	return {
		...plane,
		async record(tenant) {
			await plane.record(tenant);
			await cacheTenant(env, tenant);
		},
		async release(slug) {
			await plane.release(slug);
			await uncacheTenant(env, slug);
		},
	};
}
