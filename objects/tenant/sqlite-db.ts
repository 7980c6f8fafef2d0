// The Db interface over the tenant object's own SQLite: synchronous (every answer is already
// there, so awaiting it never lets another request in), one tenant per database, so the tenant
// markers become no-ops.
import { type Db, type SqlValue, type Statement, scopeQuery } from "../domain/db";
import type { Sql } from "./sql";

export class SqliteDb implements Db {
	/** Statements are a fixed set of strings: each is scoped once. */
	readonly #scoped = new Map<string, string>();

	constructor(
		private readonly sql: Sql,
		private readonly storage: DurableObjectStorage,
	) {}

	all<T>(query: string, ...params: SqlValue[]): T[] {
		return this.sql.all<T>(this.#scope(query), ...params);
	}

	one<T>(query: string, ...params: SqlValue[]): T | undefined {
		return this.sql.one<T>(this.#scope(query), ...params);
	}

	run(query: string, ...params: SqlValue[]): number {
		return this.sql.run(this.#scope(query), ...params);
	}

	batch(statements: readonly Statement[]): number[] {
		return this.storage.transactionSync(() => statements.map((s) => this.run(s.query, ...s.params)));
	}

	takeRowCounts(): { read: number; written: number } {
		return this.sql.takeRowCounts();
	}

	#scope(query: string): string {
		let scoped = this.#scoped.get(query);
		if (scoped === undefined) {
			scoped = scopeQuery(query, false);
			this.#scoped.set(query, scoped);
		}
		return scoped;
	}
}
