// Uploads: a quota reservation for bytes on their way to R2, then either one streamed PUT or a
// resumable multipart upload (parts recorded as R2 acknowledges them), completed into an
// attachment or aborted. The upload's id becomes the attachment's id, so its R2 key never moves.
import type { NewUpload, UploadCreated, UploadStatus } from "../../shared/api";
import { fail, ok, type Result } from "../../shared/errors";
import { UPLOAD_PART_BYTES } from "../../shared/limits";
import { PLANS } from "../../shared/plans";
import { canWrite } from "../../shared/tenant";
import { type AttachmentScope, attachmentKey, COMMITTED_BYTES, checkQuota, committedBytes } from "./attachment-scope";
import { now } from "./clock";
import { type Db, statement } from "./db";
import { newId } from "./ids";
import type { Actor } from "./operations";

/** Unfinished uploads are aborted, and their reservation released, after a day. */
export const UPLOAD_TTL_MS = 24 * 3600 * 1000;

export interface UploadRow {
	id: string;
	card_id: string;
	name: string;
	size: number;
	content_type: string;
	r2_upload_id: string | null;
	part_size: number;
	created_by: string;
	expires_at: number;
}

/** Where the Worker streams bytes: the R2 key, the multipart upload (if any) and the exact size expected. */
export interface UploadTarget {
	uploadId: string;
	key: string;
	r2UploadId: string | null;
	size: number;
	contentType: string;
}

export interface PartReceipt {
	partNumber: number;
	etag: string;
	size: number;
	sha256: string;
	/** The part's content type as the Worker judged it from part 1's first bytes. */
	contentType?: string;
}

export async function beginUpload(
	scope: AttachmentScope,
	actor: Actor,
	cardId: string,
	input: NewUpload,
	multipart: boolean,
): Promise<Result<UploadCreated & UploadTarget>> {
	if (!canWrite(actor.role)) return fail("forbidden", "Viewers can download attachments but not add them.");
	if (!(await scope.store.card(cardId))) return fail("not_found", "No such card.");
	const quota = checkQuota(scope, input.size, 0);
	if (!quota.ok) return quota;
	const id = newId("a");
	const partSize = multipart ? UPLOAD_PART_BYTES : input.size;
	const expiresAt = Date.now() + UPLOAD_TTL_MS;
	// The reservation is taken only if it fits, in the insert itself, so concurrent uploads (in one
	// object or on one shared database) see each other.
	const reserved = await scope.db.run(
		`INSERT INTO uploads (@tenantColumn id, card_id, name, size, content_type, r2_upload_id, part_size, created_by,
			created_at, expires_at)
		SELECT @tenantValue ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?
		WHERE ${COMMITTED_BYTES} + ? <= ?`,
		id,
		cardId,
		input.name,
		input.size,
		input.contentType,
		partSize,
		actor.userId,
		now(),
		expiresAt,
		input.size,
		PLANS[scope.tenant.plan].maxStorageBytes,
	);
	if (!reserved) {
		const full = checkQuota(scope, input.size, await committedBytes(scope.db));
		return full.ok ? fail("conflict", "The workspace's storage changed meanwhile. Try again.") : full;
	}
	const key = attachmentKey(scope.tenant.id, id);
	let r2UploadId: string | null = null;
	// R2 bills a class A operation for the multipart create, and for the single PUT the Worker makes.
	scope.meter.count("cost.r2_class_a", 1, multipart ? "CreateMultipartUpload" : "PutObject");
	if (multipart) {
		const upload = await scope.bucket.createMultipartUpload(key, { httpMetadata: { contentType: input.contentType } });
		r2UploadId = upload.uploadId;
		await scope.db.run("UPDATE uploads SET r2_upload_id = ? WHERE @tenant AND id = ?", r2UploadId, id);
	}
	await scope.scheduleSweep(expiresAt);
	const partCount = partCountOf(input.size, partSize);
	return ok({ uploadId: id, partSize, partCount, key, r2UploadId, size: input.size, contentType: input.contentType });
}

/** Where part `partNumber` goes and how many bytes it must have: every part is full but the last. */
export async function partTarget(
	scope: AttachmentScope,
	actor: Actor,
	uploadId: string,
	partNumber: number,
): Promise<Result<UploadTarget>> {
	const upload = await ownUpload(scope.db, actor, uploadId);
	if (!upload?.r2_upload_id) return fail("not_found", "No such upload.");
	const count = partCountOf(upload.size, upload.part_size);
	if (partNumber < 1 || partNumber > count)
		return fail("validation_failed", `This upload has parts 1 to ${count}; there is no part ${partNumber}.`);
	const size = partNumber < count ? upload.part_size : upload.size - upload.part_size * (count - 1);
	scope.meter.count("cost.r2_class_a", 1, "UploadPart");
	return ok({
		uploadId,
		key: attachmentKey(scope.tenant.id, uploadId),
		r2UploadId: upload.r2_upload_id,
		size,
		contentType: upload.content_type,
	});
}

/** Records a part R2 acknowledged. Re-sending a part replaces it, as it does in R2. */
export async function recordPart(
	scope: AttachmentScope,
	actor: Actor,
	uploadId: string,
	part: PartReceipt,
): Promise<Result<null>> {
	if (!(await ownUpload(scope.db, actor, uploadId))?.r2_upload_id) return fail("not_found", "No such upload.");
	const statements = [
		statement(
			`INSERT OR REPLACE INTO upload_parts (@tenantColumn upload_id, part_number, etag, size, sha256)
			VALUES (@tenantValue ?, ?, ?, ?, ?)`,
			uploadId,
			part.partNumber,
			part.etag,
			part.size,
			part.sha256,
		),
	];
	if (part.partNumber === 1 && part.contentType)
		statements.push(
			statement("UPDATE uploads SET content_type = ? WHERE @tenant AND id = ?", part.contentType, uploadId),
		);
	await scope.db.batch(statements);
	return ok(null);
}

export async function uploadStatus(
	scope: AttachmentScope,
	actor: Actor,
	uploadId: string,
): Promise<Result<UploadStatus>> {
	const upload = await ownUpload(scope.db, actor, uploadId);
	if (!upload?.r2_upload_id) return fail("not_found", "No such upload.");
	const parts = await scope.db.all<{ partNumber: number; etag: string; size: number }>(
		`SELECT part_number AS partNumber, etag, size FROM upload_parts WHERE @tenant AND upload_id = ?
		ORDER BY part_number`,
		uploadId,
	);
	const { name, size, part_size: partSize } = upload;
	return ok({ uploadId, name, size, partSize, partCount: partCountOf(size, partSize), parts });
}

export async function abortUpload(scope: AttachmentScope, actor: Actor, uploadId: string): Promise<Result<null>> {
	const upload = await ownUpload(scope.db, actor, uploadId);
	if (!upload) return fail("not_found", "No such upload.");
	await discardUpload(scope, upload);
	return ok(null);
}

/** Gives R2 back what an unfinished upload holds, then forgets it (releasing its reservation). */
export async function discardUpload(scope: AttachmentScope, upload: UploadRow): Promise<void> {
	const key = attachmentKey(scope.tenant.id, upload.id);
	if (upload.r2_upload_id) {
		// Aborting an upload R2 no longer knows fails; that is the state we want. R2's default
		// lifecycle rule also aborts multipart uploads left incomplete for seven days.
		await scope.bucket
			.resumeMultipartUpload(key, upload.r2_upload_id)
			.abort()
			.catch(() => {});
	} else {
		await scope.bucket.delete(key);
	}
	await scope.db.batch(forgetUpload(upload.id));
}

/** The statements that forget an upload and its parts. */
export function forgetUpload(uploadId: string) {
	return [
		statement("DELETE FROM upload_parts WHERE @tenant AND upload_id = ?", uploadId),
		statement("DELETE FROM uploads WHERE @tenant AND id = ?", uploadId),
	];
}

/** Uploads belong to whoever started them; anyone else is told there is no such upload. */
export async function ownUpload(db: Db, actor: Actor, uploadId: string): Promise<UploadRow | undefined> {
	if (!canWrite(actor.role)) return undefined;
	return db.one<UploadRow>("SELECT * FROM uploads WHERE @tenant AND id = ? AND created_by = ?", uploadId, actor.userId);
}

export function partCountOf(size: number, partSize: number): number {
	return Math.max(1, Math.ceil(size / partSize));
}
