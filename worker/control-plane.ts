// The control plane: the list of tenants the operator sees, the billing records that outlive a
// tenant, and the fleet's records (audit log, rollouts, exports). The Durable Object design keeps
// them in the Directory objects (sharded by slug) and the Fleet object; the D1 design in the
// shared database's `tenants`, `invoices`, `adjustments` and fleet tables. The admin routes talk
// to this interface only, so they are the same for both.
import { decodeCursor, directoryFor, listTenants } from "../objects/directory/client";
import type { BillingRecords } from "../objects/domain/billing";
import type { FleetRecords } from "../objects/fleet/fleet-records";
import type { Tenant } from "../shared/api";
import type { Result } from "../shared/errors";
import type { Adjustment } from "../shared/invoice";
import { d1ControlPlane } from "./d1/control-plane";
import { writingThrough } from "./tenant-cache";

/** The fleet's records as the routes and the queue consumer use them (the Fleet object's RPC methods). */
export type FleetApi = Pick<
	FleetRecords,
	| "audit"
	| "auditPage"
	| "startRollout"
	| "addToRollout"
	| "rolloutAttempt"
	| "rollout"
	| "createExport"
	| "updateExport"
	| "export"
>;

export interface ControlPlane {
	/** Reserves a slug before the tenant is created, so two operators cannot both take it. */
	claim(tenant: Tenant): Promise<Result<null>>;
	/** Writes what the tenant reports (plan, status, schema version) into the listing. */
	record(tenant: Tenant): Promise<void>;
	/** Gives a slug back (a failed creation, or a deleted tenant). */
	release(slug: string): Promise<void>;
	/** One tenant's entry, or undefined when no tenant has the slug. */
	find(slug: string): Promise<Tenant | undefined>;
	/** A page of tenants; undefined when the cursor did not come from this listing. */
	list(limit: number, cursor: string | null): Promise<{ tenants: Tenant[]; cursor: string | null } | undefined>;
	billing(slug: string): BillingRecords & {
		addAdjustment(
			tenantId: string,
			period: string,
			input: { description: string; amountCents: number },
		): Promise<Adjustment>;
	};
	/** The audit log and the state of fleet jobs. */
	fleet: FleetApi;
}

export function controlPlane(env: Env): ControlPlane {
	return writingThrough(env, env.VARIANT === "d1" ? d1ControlPlane(env) : directoryControlPlane(env));
}

function directoryControlPlane(env: Env): ControlPlane {
	return {
		claim: (tenant) => directoryFor(env, tenant.slug).claim(tenant),
		record: (tenant) => directoryFor(env, tenant.slug).record(tenant),
		release: (slug) => directoryFor(env, slug).remove(slug),
		find: (slug) => directoryFor(env, slug).find(slug),
		async list(limit, cursor) {
			const start = decodeCursor(cursor);
			return start && listTenants(env, limit, start);
		},
		billing: (slug) => directoryFor(env, slug),
		// One Fleet object for the deployment; it forwards each of these methods to FleetRecords.
		fleet: env.Fleet.getByName("fleet") as unknown as FleetApi,
	};
}

/** Every tenant, page by page (the fleet view). */
export async function everyTenant(plane: ControlPlane): Promise<Tenant[]> {
	const tenants: Tenant[] = [];
	let cursor: string | null = null;
	do {
		const page = await plane.list(200, cursor);
		if (!page) break;
		tenants.push(...page.tenants);
		cursor = page.cursor;
	} while (cursor);
	return tenants;
}
