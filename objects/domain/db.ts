// The one database interface the tenant logic is written against, so that members, sessions,
// API keys, files and usage are written once and run on both stores: the Durable Object's own
// SQLite (synchronous, one tenant per database) and the shared D1 database (asynchronous, every
// row carries tenant_id).
//
// Every statement says how it is scoped to the tenant, with three markers the store fills in:
//   @tenant            a condition: "1" in the tenant's own database, "tenant_id = ?" in D1
//   @tenant(alias)     the same for a table alias: "alias.tenant_id = ?"
//   @tenantColumn      in column lists and conflict targets: "" or "tenant_id, "
//   @tenantValue       in VALUES lists: "" or "?, " (the tenant id)
// The D1 store refuses a statement with no marker at all, so a query that forgets its tenant
// fails the first time it runs instead of leaking another tenant's rows.
import type { Awaitable } from "./store";

export type SqlValue = string | number | null | ArrayBuffer;

export interface Statement {
	query: string;
	params: SqlValue[];
}

export function statement(query: string, ...params: SqlValue[]): Statement {
	return { query, params };
}

export interface Db {
	/** Every row of a query. */
	all<T>(query: string, ...params: SqlValue[]): Awaitable<T[]>;
	/** The first row, or undefined. */
	one<T>(query: string, ...params: SqlValue[]): Awaitable<T | undefined>;
	/** Runs a statement; how many rows it wrote. */
	run(query: string, ...params: SqlValue[]): Awaitable<number>;
	/** Runs statements in order as one transaction; how many rows each wrote. */
	batch(statements: readonly Statement[]): Awaitable<number[]>;
	/** Rows read and written since the last call: what SQLite work cost (both stores bill rows). */
	takeRowCounts(): { read: number; written: number };
}

const MARKERS = /@tenantColumn|@tenantValue|@tenant\((\w+)\)|@tenant/g;

/**
 * Fills in the markers for a store. `scoped` false: the tenant's own database (no tenant_id
 * anywhere). `scoped` true: numbered parameters, the tenant id bound as ?1 and the statement's own
 * parameters as ?2, ?3…
 */
export function scopeQuery(query: string, scoped: boolean): string {
	if (!scoped)
		return query.replace(MARKERS, (marker) => (marker === "@tenantColumn" || marker === "@tenantValue" ? "" : "1"));
	if (!/@tenant/.test(query)) throw new Error(`A statement without a tenant scope: ${query}`);
	let next = 1;
	return query
		.replace(/\?(?!\d)/g, () => `?${++next}`)
		.replace(MARKERS, (marker, alias: string | undefined) => {
			if (marker === "@tenantColumn") return "tenant_id, ";
			if (marker === "@tenantValue") return "?1, ";
			return alias ? `${alias}.tenant_id = ?1` : "tenant_id = ?1";
		});
}
