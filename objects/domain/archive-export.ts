// Exporting a tenant: every row it owns and a copy of every attachment, written as one archive
// in R2 (the format is in archive-format.ts). Written once over the Db interface, so the Durable
// Object exports from its own SQLite and the D1 design from the shared database, and either
// archive restores into either. Rows are read a page at a time and the archive is compressed and
// uploaded as it is written, so a tenant of any size exports in bounded memory.

import {
	ARCHIVE_FORMAT,
	ARCHIVE_TABLE_NAMES,
	ARCHIVE_TABLES,
	ARCHIVE_VERSION,
	type ArchiveHeader,
	type ArchiveLine,
	type ArchiveTable,
	archiveKey,
	type CellValue,
	exportFileKey,
	keyColumn,
	type ManifestFile,
} from "./archive-format";
import { attachmentKey } from "./attachment-scope";
import type { Db } from "./db";
import { copyObject, R2Sink } from "./r2-sink";

/** Rows read per query. */
const PAGE_ROWS = 500;
/** Text gathered before it goes to the compressor. */
const FLUSH_CHARS = 64 * 1024;

export interface ArchiveSummary {
	key: string;
	bytes: number;
	counts: Record<string, number>;
}

export async function writeArchive(
	db: Db,
	bucket: R2Bucket,
	source: ArchiveHeader["source"],
	exportId: string,
): Promise<ArchiveSummary> {
	const key = archiveKey(source.tenantId, exportId);
	const sink = new R2Sink(bucket, key, { httpMetadata: { contentType: "application/gzip" } });
	const gzip = new CompressionStream("gzip");
	const uploading = sink.pour(gzip.readable);
	const writer = new LineWriter(gzip.writable.getWriter());
	try {
		const header: ArchiveHeader = {
			format: ARCHIVE_FORMAT,
			version: ARCHIVE_VERSION,
			exportId,
			createdAt: new Date().toISOString(),
			source,
			columns: ARCHIVE_TABLES,
		};
		await writer.line(header);
		const counts: Record<string, number> = {};
		for (const table of ARCHIVE_TABLE_NAMES) counts[table] = await writeRows(db, table, writer);
		counts.files = await writeFiles(db, bucket, source.tenantId, exportId, writer);
		await writer.line({ end: true, counts } satisfies ArchiveLine);
		await writer.close();
		await uploading;
		return { key, bytes: await sink.finish(), counts };
	} catch (error) {
		await writer.abort(error);
		await uploading.catch(() => {});
		await sink.abort();
		throw error;
	}
}

/** A table's rows in key order, a page at a time; how many there were. */
async function writeRows(db: Db, table: ArchiveTable, writer: LineWriter): Promise<number> {
	const columns = ARCHIVE_TABLES[table];
	const key = keyColumn(table);
	const query = `SELECT ${columns.join(", ")} FROM ${table} WHERE @tenant AND ${key} > ? ORDER BY ${key} LIMIT ${PAGE_ROWS}`;
	let after: CellValue = key === "seq" ? 0 : "";
	let count = 0;
	for (;;) {
		const rows: Record<string, CellValue>[] = await db.all<Record<string, CellValue>>(query, after);
		for (const row of rows) await writer.line({ table, row: columns.map((c) => row[c] ?? null) } satisfies ArchiveLine);
		count += rows.length;
		const last: Record<string, CellValue> | undefined = rows.at(-1);
		if (!last || rows.length < PAGE_ROWS) return count;
		after = last[key] ?? null;
	}
}

/** Copies each attachment beside the archive and lists it in the manifest; how many. */
async function writeFiles(
	db: Db,
	bucket: R2Bucket,
	tenantId: string,
	exportId: string,
	writer: LineWriter,
): Promise<number> {
	type Row = { id: string; size: number; content_type: string; sha256: string };
	const query = `SELECT id, size, content_type, sha256 FROM attachments WHERE @tenant AND id > ? ORDER BY id LIMIT ${PAGE_ROWS}`;
	let after = "";
	let count = 0;
	for (;;) {
		const rows = await db.all<Row>(query, after);
		for (const row of rows) {
			const key = exportFileKey(tenantId, exportId, row.id);
			const copied = await copyObject(bucket, attachmentKey(tenantId, row.id), key);
			if (copied === null) throw new Error(`The file of attachment ${row.id} is missing from storage.`);
			const file: ManifestFile = {
				attachmentId: row.id,
				key,
				size: copied,
				contentType: row.content_type,
				sha256: row.sha256,
			};
			await writer.line({ file });
		}
		count += rows.length;
		const last = rows.at(-1);
		if (!last || rows.length < PAGE_ROWS) return count;
		after = last.id;
	}
}

/** JSON lines into a byte stream, gathered into larger writes so compression is not called per line. */
class LineWriter {
	#text = "";
	readonly #encoder = new TextEncoder();

	constructor(private readonly writer: WritableStreamDefaultWriter<Uint8Array>) {}

	async line(value: unknown): Promise<void> {
		this.#text += `${JSON.stringify(value)}\n`;
		if (this.#text.length >= FLUSH_CHARS) await this.#flush();
	}

	async close(): Promise<void> {
		await this.#flush();
		await this.writer.close();
	}

	async abort(reason: unknown): Promise<void> {
		await this.writer.abort(reason).catch(() => {});
	}

	async #flush(): Promise<void> {
		if (this.#text === "") return;
		const bytes = this.#encoder.encode(this.#text);
		this.#text = "";
		await this.writer.write(bytes);
	}
}
