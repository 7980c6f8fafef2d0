// Completing an upload: the last step of both the single PUT and the multipart flow, where the
// bytes in R2 become an attachment on a card, exactly once however many completes arrive.
import type { Attachment } from "../../shared/api";
import { fail, ok, type Result } from "../../shared/errors";
import { now } from "../domain/clock";
import type { Actor } from "../domain/operations";
import { getAttachment } from "./attachment-rows";
import type { AttachmentScope } from "./attachment-scope";
import { attachmentKey } from "./tenant-record";
import { ownUpload, partCountOf, type UploadRow } from "./uploads";

/** What the Worker measured of a single-request upload while streaming it to R2. */
export interface SingleUpload {
	sha256: string;
	contentType: string;
}

/**
 * Turns an upload into an attachment: completes the R2 multipart upload (or takes the Worker's
 * word for a single PUT it streamed), then records the metadata and its event in one commit.
 * Completing twice, one after the other or at the same time, answers with the same attachment.
 */
export function completeUpload(
	scope: AttachmentScope,
	actor: Actor,
	uploadId: string,
	single: SingleUpload | null,
): Promise<Result<Attachment>> {
	const upload = ownUpload(scope.sql, actor, uploadId);
	if (!upload) {
		const done = getAttachment(scope.sql, uploadId);
		return Promise.resolve(done?.uploadedBy === actor.userId ? ok(done) : fail("not_found", "No such upload."));
	}
	const inFlight = scope.completing.get(uploadId);
	if (inFlight) return inFlight;
	const work = finish(scope, actor, upload, single).finally(() => scope.completing.delete(uploadId));
	scope.completing.set(uploadId, work);
	return work;
}

async function finish(
	scope: AttachmentScope,
	actor: Actor,
	upload: UploadRow,
	single: SingleUpload | null,
): Promise<Result<Attachment>> {
	const uploadId = upload.id;
	// A single PUT is completed by the Worker that streamed it, a multipart upload by its client.
	if (Boolean(upload.r2_upload_id) === Boolean(single)) return fail("not_found", "No such upload.");
	let sha256 = single?.sha256 ?? "";
	if (upload.r2_upload_id) {
		const parts = scope.sql.all<{ part_number: number; etag: string; size: number; sha256: string }>(
			"SELECT * FROM upload_parts WHERE upload_id = ? ORDER BY part_number",
			uploadId,
		);
		const count = partCountOf(upload.size, upload.part_size);
		const have = new Set(parts.map((p) => p.part_number));
		const missingParts = Array.from({ length: count }, (_, i) => i + 1).filter((n) => !have.has(n));
		if (missingParts.length > 0)
			return fail("conflict", `Send part${missingParts.length > 1 ? "s" : ""} ${missingParts.join(", ")} first.`, {
				missingParts,
			});
		const r2Upload = scope.bucket.resumeMultipartUpload(attachmentKey(scope.tenant.id, uploadId), upload.r2_upload_id);
		scope.meter.count("cost.r2_class_a", 1, "CompleteMultipartUpload");
		try {
			await r2Upload.complete(parts.map((p) => ({ partNumber: p.part_number, etag: p.etag })));
		} catch (error) {
			// R2 no longer knows the upload (aborted meanwhile) or refused a part: nothing was stored.
			console.warn("Completing a multipart upload failed", error);
			return fail("conflict", "This upload could not be completed. Check its parts and send what is missing.");
		}
		sha256 = await compositeSha256(parts.map((p) => p.sha256));
	}
	// The awaits above let other requests in: the upload may have been aborted, or its card archived.
	const card = scope.store.card(upload.card_id);
	if (!ownUpload(scope.sql, actor, uploadId) || !card) {
		await scope.bucket.delete(attachmentKey(scope.tenant.id, uploadId));
		return fail("not_found", "The upload or its card was removed meanwhile.");
	}
	const attachment: Attachment = {
		id: uploadId,
		cardId: card.id,
		name: upload.name,
		size: upload.size,
		contentType: single?.contentType ?? upload.content_type,
		sha256,
		uploadedBy: actor.userId,
		createdAt: now(),
	};
	// The reservation becomes the attachment in the same commit, so quota is never counted twice.
	scope.store.commit({
		changes: [
			{ remove: "upload", id: uploadId },
			{ put: "attachment", row: attachment },
		],
		expects: [
			{ live: "card", id: card.id },
			{ count: "attachments", cardId: card.id, is: card.attachmentCount },
		],
		boardId: card.boardId,
		actorId: actor.userId,
		opId: null,
		fingerprint: null,
		event: { type: "attachment.added", attachment, card: { ...card, attachmentCount: card.attachmentCount + 1 } },
	});
	return ok(attachment);
}

/** S3's composite checksum: SHA-256 over the parts' binary SHA-256 digests, then "-<part count>". */
export async function compositeSha256(partDigests: string[]): Promise<string> {
	const bytes = new Uint8Array(partDigests.length * 32);
	partDigests.forEach((hex, i) => {
		for (let j = 0; j < 32; j++) bytes[i * 32 + j] = Number.parseInt(hex.slice(j * 2, j * 2 + 2), 16);
	});
	const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
	return `${[...digest].map((b) => b.toString(16).padStart(2, "0")).join("")}-${partDigests.length}`;
}
