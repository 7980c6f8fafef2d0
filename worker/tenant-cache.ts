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
//
// In front of KV, each isolate remembers what it read for REMEMBER_MS: a busy tenant's requests
// then skip the KV read (a subrequest each, and billed) almost every time. That adds a few seconds
// to how stale another isolate can be, for the same reason harmlessly; the isolate that made a
// change remembers the change itself at once.
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

/** How long an isolate trusts what it read from KV. */
const REMEMBER_MS = 5000;
/** How many tenants an isolate remembers at most; the oldest are forgotten first. */
const REMEMBER_AT_MOST = 1000;

/** What this isolate read or wrote lately, by slug, until when (ms). Map order is insertion order. */
const remembered = new Map<string, { tenant: EdgeTenant; until: number }>();

export async function readCachedTenant(env: Env, slug: string): Promise<EdgeTenant | null> {
	const memory = remembered.get(slug);
	if (memory && memory.until > Date.now()) return memory.tenant;
	const tenant = await env.TENANT_CACHE.get<EdgeTenant>(slug, { type: "json", cacheTtl: READ_CACHE_SECONDS });
	if (tenant) remember(slug, tenant);
	else remembered.delete(slug);
	return tenant;
}

export async function cacheTenant(env: Env, tenant: Pick<Tenant, "slug" | "id" | "status" | "plan">): Promise<void> {
	const entry: EdgeTenant = { id: tenant.id, status: tenant.status, plan: tenant.plan };
	remember(tenant.slug, entry);
	await env.TENANT_CACHE.put(tenant.slug, JSON.stringify(entry), { expirationTtl: ENTRY_TTL_SECONDS });
}

export async function uncacheTenant(env: Env, slug: string): Promise<void> {
	remembered.delete(slug);
	await env.TENANT_CACHE.delete(slug);
}

/** For tests that change KV behind the Worker's back: this isolate reads KV again from now on. */
export function forgetRememberedTenants(): void {
	remembered.clear();
}

function remember(slug: string, tenant: EdgeTenant): void {
	remembered.delete(slug);
	remembered.set(slug, { tenant, until: Date.now() + REMEMBER_MS });
	if (remembered.size > REMEMBER_AT_MOST) {
		const oldest = remembered.keys().next().value;
		if (oldest !== undefined) remembered.delete(oldest);
	}
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
