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

	constructor(storage: DurableObjectStorage) {
		this.#sql = storage.sql;
	}

	/** Every row of a query. */
	all<T>(query: string, ...params: SqlValue[]): T[] {
		return this.#exec(query, params).toArray() as T[];
	}

	/** The first row, or undefined. */
	one<T>(query: string, ...params: SqlValue[]): T | undefined {
		return this.all<T>(query, ...params)[0];
	}

	/** Runs a statement and returns how many rows it wrote. */
	run(query: string, ...params: SqlValue[]): number {
		return this.#exec(query, params).rowsWritten;
	}

	#exec(query: string, params: SqlValue[]): SqlStorageCursor<Record<string, SqlStorageValue>> {
		try {
			return this.#sql.exec(query, ...params);
		} catch (cause) {
			throw new SqlError(query, cause);
		}
	}
}
