// One tenant in the D1 design: the same TenantService the Durable Object runs, with the shared
// D1 database behind it. The Worker builds one per request (nothing survives between requests, so
// usage counts are written at the end of each); the relay builds one for as long as it is awake.

import { TenantService } from "../../objects/domain/tenant-service";
import { UsageMeter } from "../../objects/domain/usage-meter";
import { usageWriter } from "../../objects/usage/recorder";
import type { CommittedEvent } from "../../shared/protocol";
import { strangerFailuresOf } from "../stranger-failures";
import { relayOf } from "./bindings";
import { D1BoardStore } from "./board-store";
import { d1ControlPlane } from "./control-plane";
import { D1Db, type D1Queryable } from "./d1-db";
import { D1TenantRecords } from "./tenant-records";

export interface D1TenantOptions {
	/** The database, or a session of it (the Sessions API, anchored at the client's bookmark). */
	d1: D1Queryable;
	/** How long counts wait in memory; null: the caller flushes (at the end of a request). */
	flushAfterMs: number | null;
	/** Where committed events go: the relay, which delivers them to the board's sockets in order. */
	onCommitted?: (committed: CommittedEvent) => void;
}

/**
 * Usage counts this isolate is still writing after their responses went out. A usage report
 * waits for them, so a member who reads their usage right after working sees all of it (reads
 * served by other isolates land within milliseconds, like the counts of any distributed meter).
 */
const writing = new Set<Promise<void>>();

/** Writes a meter's pending counts off the response's path, remembered until they land. */
export function flushLater(meter: UsageMeter, waitUntil: (promise: Promise<unknown>) => void): void {
	const flush = meter.flush().finally(() => writing.delete(flush));
	writing.add(flush);
	waitUntil(flush);
}

export function d1Tenant(
	env: Env,
	waitUntil: (promise: Promise<unknown>) => void,
	slug: string,
	options: D1TenantOptions,
) {
	const { d1 } = options;
	const tenantId = () => records.id();
	const db = new D1Db(d1, tenantId);
	const records = new D1TenantRecords(d1, db, slug);
	const meter: UsageMeter = new UsageMeter(db, usageWriter(env, "d1", waitUntil), () => service.identityNow(), {
		enabled: env.METERING !== "off",
		flushAfterMs: options.flushAfterMs,
	});
	const publish =
		options.onCommitted ??
		((committed: CommittedEvent) =>
			waitUntil(
				relayOf(env, slug)
					.publish(committed)
					.catch(() => {}),
			));
	const store = new D1BoardStore(d1, tenantId, {
		ledger: async (commit) => (await meter.commitStatements(commit)).map((statement) => db.prepare(statement)),
		after: (committed) => {
			meter.committed();
			publish(committed);
		},
		failed: () => meter.rolledBack(),
	});
	const service: TenantService = new TenantService({
		db,
		store,
		records,
		meter,
		bucket: env.ATTACHMENTS,
		billing: () => d1ControlPlane(env).billing(slug),
		strangerFailures: strangerFailuresOf(slug),
		closeSockets: (code, reason, match) => relayOf(env, slug).closeSockets(code, reason, match),
		scheduleSweep: (at) => relayOf(env, slug).scheduleSweep(at),
		completing: new Map(),
		settleUsage: async () => {
			await Promise.allSettled([...writing]);
			if (!options.onCommitted) await relayOf(env, slug).flushUsage();
		},
	});
	return { service, store, meter, db };
}
