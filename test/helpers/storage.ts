// Reaching behind the API, the same way in both designs, for the few tests that must set up a
// state no client can make (a month gone by, a broken table) or run the cleanup alarm now. Each
// statement names its tenant scope with the markers of objects/domain/db.ts, so it runs in the
// tenant's own database (Durable Object) or on its rows of the shared one (D1).
import { env, evictDurableObject, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { type SqlValue, scopeQuery } from "../../objects/domain/db";

/** Which design the tests run against (each test project binds its own). */
export const variant = env.VARIANT === "d1" ? "d1" : "do";

/** Runs one scoped statement against a tenant's rows; the rows it returns. */
export async function tenantSql<T = Record<string, unknown>>(
	slug: string,
	query: string,
	...params: SqlValue[]
): Promise<T[]> {
	if (variant === "do")
		return runInDurableObject(env.Tenant.getByName(slug), (_instance, state) =>
			state.storage.sql.exec(scopeQuery(query, false), ...params).toArray(),
		) as Promise<T[]>;
	const db = d1();
	const tenant = await db.prepare("SELECT id FROM tenants WHERE slug = ?").bind(slug).first<{ id: string }>();
	if (!tenant) throw new Error(`No tenant ${slug}`);
	return (
		await db
			.prepare(scopeQuery(query, true))
			.bind(tenant.id, ...params)
			.all<T>()
	).results;
}

/** Tables of the shared database that are the operator's record and outlive a tenant: billing, audit, exports. */
const OUTLIVE_TENANTS = new Set(["invoices", "adjustments", "audit_log", "exports"]);

/**
 * What is left of a deleted tenant: tables in its object's database (which deleteAll empties),
 * or rows with its id anywhere in the shared D1 database (the operator's records excepted: they outlive it).
 */
export async function rowsLeft(slug: string, tenantId: string): Promise<number> {
	if (variant === "do")
		return runInDurableObject(env.Tenant.getByName(slug), (_instance, state) => {
			const tables =
				"SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_%' ESCAPE '\\'";
			return Number(state.storage.sql.exec(tables).one().n);
		});
	const db = d1();
	const tables = await db
		.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%tenant_id%'")
		.all<{ name: string }>();
	let rows =
		(await db.prepare("SELECT count(*) AS n FROM tenants WHERE id = ?").bind(tenantId).first<{ n: number }>())?.n ?? 0;
	for (const { name } of tables.results) {
		if (OUTLIVE_TENANTS.has(name)) continue;
		rows +=
			(await db.prepare(`SELECT count(*) AS n FROM ${name} WHERE tenant_id = ?`).bind(tenantId).first<{ n: number }>())
				?.n ?? 0;
	}
	return rows;
}

/** Moves a tenant's creation back in time (its record: the object's `tenant` row, or D1's `tenants`). */
export async function backdateTenant(slug: string, createdAt: string): Promise<void> {
	if (variant === "do") await tenantSql(slug, "UPDATE tenant SET created_at = ? WHERE @tenant", createdAt);
	else await d1().prepare("UPDATE tenants SET created_at = ? WHERE slug = ?").bind(createdAt, slug).run();
}

/** The object that runs a tenant's cleanup alarm: the Tenant object, or the D1 design's relay. */
function alarmHolder(slug: string) {
	return variant === "do" ? env.Tenant.getByName(slug) : relay(slug);
}

export function runCleanupAlarm(slug: string): Promise<boolean> {
	return runDurableObjectAlarm(alarmHolder(slug));
}

export function cleanupAlarmAt(slug: string): Promise<number | null> {
	return runInDurableObject(alarmHolder(slug), (_instance, state) => state.storage.getAlarm());
}

/** Evicts the object holding the tenant's sockets from memory, as the runtime does when idle. */
export async function evictSocketServer(slug: string): Promise<void> {
	await evictDurableObject(variant === "do" ? env.Tenant.getByName(slug) : relay(slug));
}

/** Forgets what the tenant cached about itself (the Durable Object keeps its record in memory). */
export async function forgetCaches(slug: string): Promise<void> {
	if (variant === "do") await evictDurableObject(env.Tenant.getByName(slug));
}

/**
 * Whether the tenant's object was asleep: its first answer after waking says so. (Asking wakes it,
 * so this is the last thing a test asks.) Always true in the D1 design, which has no such object.
 */
export async function objectWasAsleep(slug: string): Promise<boolean> {
	if (variant !== "do") return true;
	const answer = (await env.Tenant.getByName(slug).describe()) as { woke?: true };
	return answer.woke === true;
}

function d1(): D1Database {
	if (!env.DB) throw new Error("The D1 tests need the DB binding.");
	return env.DB;
}

function relay(slug: string) {
	if (!env.Relay) throw new Error("The D1 tests need the Relay binding.");
	return env.Relay.getByName(slug);
}
