// One small helper over ctx.storage.sql: parameterised queries, typed rows, typed errors.

export type SqlValue = string | number | null | ArrayBuffer;

/** A failed query, keeping the SQL text and the cause so logs say what went wrong. */
export class SqlError extends Error {
	override name = "SqlError";
	constructor(
		readonly query: string,
		override readonly cause: unknown,
	) {
		super(`SQL failed: ${cause instanceof Error ? cause.message : String(cause)} — in: ${query}`);
	}
}

export class Sql {
	readonly #sql: SqlStorage;

	/**
	 * Rows read and written since the meter last took them: what this tenant costs in SQLite
	 * (Cloudflare bills both), as the cursors report them.
	 */
	#rows = { read: 0, written: 0 };

	constructor(storage: DurableObjectStorage) {
		this.#sql = storage.sql;
	}

	/** Every row of a query. */
	all<T>(query: string, ...params: SqlValue[]): T[] {
		const cursor = this.#exec(query, params);
		const rows = cursor.toArray() as T[];
		this.#count(cursor);
		return rows;
	}

	/** Every row of a query as an array of values, in the query's column order: no object per row. */
	values(query: string, ...params: SqlValue[]): SqlStorageValue[][] {
		const cursor = this.#exec(query, params);
		const rows = Array.from(cursor.raw());
		this.#count(cursor);
		return rows;
	}

	/** The first row, or undefined. */
	one<T>(query: string, ...params: SqlValue[]): T | undefined {
		return this.all<T>(query, ...params)[0];
	}

	/** Runs a statement and returns how many rows it wrote. */
	run(query: string, ...params: SqlValue[]): number {
		const cursor = this.#exec(query, params);
		cursor.toArray();
		this.#count(cursor);
		return cursor.rowsWritten;
	}

	/** Rows read and written since the last call. */
	takeRowCounts(): { read: number; written: number } {
		const rows = this.#rows;
		this.#rows = { read: 0, written: 0 };
		return rows;
	}

	#count(cursor: SqlStorageCursor<Record<string, SqlStorageValue>>): void {
		this.#rows.read += cursor.rowsRead;
		this.#rows.written += cursor.rowsWritten;
	}

	#exec(query: string, params: SqlValue[]): SqlStorageCursor<Record<string, SqlStorageValue>> {
		try {
			return this.#sql.exec(query, ...params);
		} catch (cause) {
			throw new SqlError(query, cause);
		}
	}
}
