// One tenant's view of the shared D1 database: every statement is prepared here, with the
// tenant's id bound as ?1. In the Durable Object variant the database itself is the tenant's, so
// forgetting a tenant filter is impossible; in a shared database it is the classic leak. Binding
// the id first, always, turns "did every query remember the tenant?" into one rule to read for:
// each statement says `tenant_id = ?1` (an insert puts ?1 in tenant_id), and
// test/d1/isolation.test.ts checks every statement the store prepares for it.

/**
 * What the store needs of D1: the database itself or a session of it. A session (the Sessions
 * API, `env.DB.withSession(bookmark)`) lets reads go to a nearby replica while still seeing
 * every write the client saw; both have the `prepare` and `batch` used here.
 */
export type D1Handle = D1Database | D1DatabaseSession;

/** A value D1 binds: this store stores text and integers only. */
export type D1Value = string | number | null;

export class TenantScope {
	constructor(
		readonly db: D1Handle,
		/** The tenant's id, or how to get it once the tenant's record has been read. */
		private readonly tenant: string | (() => string),
	) {}

	get tenantId(): string {
		return typeof this.tenant === "string" ? this.tenant : this.tenant();
	}

	/** A statement with the tenant's id as ?1 and `params` as ?2, ?3, … */
	statement(sql: string, ...params: D1Value[]): D1PreparedStatement {
		return this.db.prepare(sql).bind(this.tenantId, ...params);
	}

	/** Every row of a query. */
	async all<T>(sql: string, ...params: D1Value[]): Promise<T[]> {
		return (await this.statement(sql, ...params).all<T>()).results;
	}

	/** The first row, or undefined. */
	async first<T>(sql: string, ...params: D1Value[]): Promise<T | undefined> {
		return (await this.statement(sql, ...params).first<T>()) ?? undefined;
	}

	/**
	 * Runs statements in one round trip. D1 runs a batch as one transaction, in order, while no
	 * other write runs: reads in one batch see one moment, and writes commit all or nothing.
	 */
	async batch<T>(statements: D1PreparedStatement[]): Promise<T[][]> {
		return (await this.db.batch<T>(statements)).map((result) => result.results);
	}
}
