// The Db interface over the shared D1 database, for one tenant: every statement is scoped to the
// tenant's id (see the markers in objects/domain/db.ts) and runs through a D1 session, so reads
// see this member's own writes even when they are served by a read replica.
import { type Db, type SqlValue, type Statement, scopeQuery } from "../../objects/domain/db";

/** What both a D1Database and a D1DatabaseSession offer. */
export type D1Queryable = D1Database | D1DatabaseSession;

export class D1Db implements Db {
	readonly #scoped = new Map<string, string>();
	#rows = { read: 0, written: 0 };

	constructor(
		private readonly d1: D1Queryable,
		/** The tenant every statement is scoped to, known once its record was read. */
		private readonly tenantId: () => string,
	) {}

	async all<T>(query: string, ...params: SqlValue[]): Promise<T[]> {
		const result = await this.#prepare(query, params).all<T>();
		this.#count(result.meta);
		return result.results;
	}

	async one<T>(query: string, ...params: SqlValue[]): Promise<T | undefined> {
		return (await this.all<T>(query, ...params))[0];
	}

	async run(query: string, ...params: SqlValue[]): Promise<number> {
		const result = await this.#prepare(query, params).run();
		this.#count(result.meta);
		return result.meta.changes;
	}

	/** One D1 batch: a transaction, statements in order. */
	async batch(statements: readonly Statement[]): Promise<number[]> {
		if (statements.length === 0) return [];
		const results = await this.d1.batch(statements.map((s) => this.#prepare(s.query, s.params)));
		for (const result of results) this.#count(result.meta);
		return results.map((result) => result.meta.changes);
	}

	takeRowCounts(): { read: number; written: number } {
		const rows = this.#rows;
		this.#rows = { read: 0, written: 0 };
		return rows;
	}

	/** A statement ready for a batch of the caller's own (a board commit appends the ledger's). */
	prepare(statement: Statement): D1PreparedStatement {
		return this.#prepare(statement.query, statement.params);
	}

	#prepare(query: string, params: readonly SqlValue[]): D1PreparedStatement {
		let scoped = this.#scoped.get(query);
		if (scoped === undefined) {
			scoped = scopeQuery(query, true);
			this.#scoped.set(query, scoped);
		}
		return this.d1.prepare(scoped).bind(this.tenantId(), ...params);
	}

	#count(meta: D1Meta): void {
		this.#rows.read += meta.rows_read;
		this.#rows.written += meta.rows_written;
	}
}
