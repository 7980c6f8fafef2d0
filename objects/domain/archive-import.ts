// Restoring an export archive into a new, empty tenant: rows are inserted in the order the
// archive holds them (parents first) in batches, and each attachment is copied from the export's
// copy to the new tenant's own prefix. The archive is read as a stream, line by line, so a large
// tenant restores in bounded memory. Written once over the Db interface, like the export.
import { fail, ok, type Result } from "../../shared/errors";
import {
	ARCHIVE_FORMAT,
	ARCHIVE_TABLES,
	ARCHIVE_VERSION,
	type ArchiveHeader,
	type ArchiveTable,
	type CellValue,
	type ManifestFile,
} from "./archive-format";
import { attachmentKey } from "./attachment-scope";
import { type Db, type Statement, statement } from "./db";
import { copyObject } from "./r2-sink";

/** Rows inserted per transaction. */
const BATCH_ROWS = 100;

export interface RestoreSummary {
	source: ArchiveHeader["source"];
	counts: Record<string, number>;
	/** Bytes of attachments copied, for the storage meter. */
	storedBytes: number;
}

export async function restoreArchive(
	db: Db,
	bucket: R2Bucket,
	tenantId: string,
	key: string,
): Promise<Result<RestoreSummary>> {
	const object = await bucket.get(key);
	if (!object) return fail("not_found", "That export's archive is no longer in storage.");
	let header: ArchiveHeader | undefined;
	let pending: Statement[] = [];
	const counts: Record<string, number> = {};
	let storedBytes = 0;
	const flush = async () => {
		if (pending.length > 0) await db.batch(pending);
		pending = [];
	};
	for await (const line of readLines(object.body.pipeThrough(new DecompressionStream("gzip")))) {
		const entry = JSON.parse(line) as Record<string, unknown>;
		if (!header) {
			if (entry.format !== ARCHIVE_FORMAT || entry.version !== ARCHIVE_VERSION)
				return fail("validation_failed", "That file is not a Boardroom export this version can read.");
			header = entry as unknown as ArchiveHeader;
		} else if ("table" in entry) {
			const insert = toInsert(entry.table, entry.row);
			if (!insert) return fail("validation_failed", "The archive holds a row that does not fit its table.");
			pending.push(insert);
			counts[String(entry.table)] = (counts[String(entry.table)] ?? 0) + 1;
			if (pending.length >= BATCH_ROWS) await flush();
		} else if ("file" in entry) {
			await flush();
			const file = entry.file as ManifestFile;
			const copied = await copyObject(bucket, file.key, attachmentKey(tenantId, file.attachmentId));
			if (copied !== file.size)
				return fail("validation_failed", `The export's copy of ${file.attachmentId} is missing or changed.`);
			storedBytes += copied;
			counts.files = (counts.files ?? 0) + 1;
		} else if (entry.end === true) {
			await flush();
			const expected = entry.counts as Record<string, number>;
			const complete = Object.entries(expected).every(([name, n]) => (counts[name] ?? 0) === n);
			if (!complete) return fail("validation_failed", "The archive's rows do not add up to its own counts.");
			return ok({ source: header.source, counts, storedBytes });
		}
	}
	return fail("validation_failed", "The archive is cut short: it has no closing line.");
}

/** The insert for one archived row, or undefined when the table or the row is not what the format says. */
function toInsert(table: unknown, row: unknown): Statement | undefined {
	if (typeof table !== "string" || !Object.hasOwn(ARCHIVE_TABLES, table)) return undefined;
	const columns = ARCHIVE_TABLES[table as ArchiveTable];
	if (!Array.isArray(row) || row.length !== columns.length || !row.every(isCell)) return undefined;
	const marks = columns.map(() => "?").join(", ");
	return statement(
		`INSERT INTO ${table} (@tenantColumn ${columns.join(", ")}) VALUES (@tenantValue ${marks})`,
		...(row as CellValue[]),
	);
}

function isCell(value: unknown): value is CellValue {
	return value === null || typeof value === "string" || typeof value === "number";
}

/** The lines of a UTF-8 byte stream, read as they arrive. */
async function* readLines(stream: ReadableStream<Uint8Array>): AsyncGenerator<string> {
	let rest = "";
	for await (const text of stream.pipeThrough(new TextDecoderStream())) {
		const lines = (rest + text).split("\n");
		rest = lines.pop() ?? "";
		for (const line of lines) if (line !== "") yield line;
	}
	if (rest !== "") yield rest;
}
