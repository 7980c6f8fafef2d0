// Exporting a tenant: every row it owns and a copy of every attachment, written as one archive
// in R2 (the format is in archive-format.ts). Written once over the Db interface, so the Durable
// Object exports from its own SQLite and the D1 design from the shared database, and either
// archive restores into either. Rows are read a page at a time and the archive is compressed and
// uploaded as it is written, so what stays in memory is a page, a part, and the ids of the boards
// and cards written (to keep their children consistent with them).

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
	keyColumns,
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
		const rows = new RowsWritten();
		for (const table of ARCHIVE_TABLE_NAMES) counts[table] = await writeRows(db, table, writer, rows);
		counts.files = await writeFiles(bucket, source.tenantId, exportId, rows.attachments, writer);
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

/**
 * What the archive holds so far. The tenant keeps working while it is exported, so a row written
 * after its parent's table was read (a comment on a card created a moment ago) is left out with
 * its parent: the archive stays whole, as of about when each table was read.
 */
class RowsWritten {
	readonly boards = new Set<string>();
	readonly labels = new Set<string>();
	readonly cards = new Set<string>();
	/** The attachments written, whose files the manifest then lists. */
	readonly attachments: { id: string; contentType: string; sha256: string }[] = [];

	/** Whether a row's parent is in the archive (tables without a parent always are). */
	has(table: ArchiveTable, row: Record<string, CellValue>): boolean {
		if (table === "lists" || table === "labels" || table === "cards") return this.boards.has(String(row.board_id));
		if (table === "card_labels") return this.cards.has(String(row.card_id)) && this.labels.has(String(row.label_id));
		if (table === "comments" || table === "attachments" || table === "card_assignees")
			return this.cards.has(String(row.card_id));
		return true;
	}

	add(table: ArchiveTable, row: Record<string, CellValue>): void {
		if (table === "boards") this.boards.add(String(row.id));
		if (table === "labels") this.labels.add(String(row.id));
		if (table === "cards") this.cards.add(String(row.id));
		if (table === "attachments")
			this.attachments.push({ id: String(row.id), contentType: String(row.content_type), sha256: String(row.sha256) });
	}
}

/** A table's rows in key order, a page at a time; how many went into the archive. */
async function writeRows(db: Db, table: ArchiveTable, writer: LineWriter, written: RowsWritten): Promise<number> {
	const columns = ARCHIVE_TABLES[table];
	const keys = keyColumns(table);
	// Paged by the primary key, a row value when it has two columns: (card_id, label_id) > (?, ?).
	const key = keys.length === 1 ? keys.join() : `(${keys.join(", ")})`;
	const marks = keys.length === 1 ? "?" : `(${keys.map(() => "?").join(", ")})`;
	const query = `SELECT ${columns.join(", ")} FROM ${table} WHERE @tenant AND ${key} > ${marks}
		ORDER BY ${keys.join(", ")} LIMIT ${PAGE_ROWS}`;
	let after: CellValue[] = keys.map((k) => (k === "seq" ? 0 : ""));
	let count = 0;
	for (;;) {
		const rows: Record<string, CellValue>[] = await db.all<Record<string, CellValue>>(query, ...after);
		for (const row of rows) {
			if (!written.has(table, row)) continue;
			written.add(table, row);
			await writer.line({ table, row: columns.map((c) => row[c] ?? null) } satisfies ArchiveLine);
			count += 1;
		}
		const last: Record<string, CellValue> | undefined = rows.at(-1);
		if (!last || rows.length < PAGE_ROWS) return count;
		after = keys.map((k) => last[k] ?? null);
	}
}

/** Copies each attachment written beside the archive and lists it in the manifest; how many. */
async function writeFiles(
	bucket: R2Bucket,
	tenantId: string,
	exportId: string,
	attachments: RowsWritten["attachments"],
	writer: LineWriter,
): Promise<number> {
	for (const attachment of attachments) {
		const key = exportFileKey(tenantId, exportId, attachment.id);
		const size = await copyObject(bucket, attachmentKey(tenantId, attachment.id), key);
		// Deleted since its row was read: this attempt fails, and the queue's retry exports afresh.
		if (size === null) throw new Error(`The file of attachment ${attachment.id} is missing from storage.`);
		const { contentType, sha256 } = attachment;
		const file: ManifestFile = { attachmentId: attachment.id, key, size, contentType, sha256 };
		await writer.line({ file });
	}
	return attachments.length;
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
