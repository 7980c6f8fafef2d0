// Completing an upload: the last step of both the single PUT and the multipart flow, where the
// bytes in R2 become an attachment on a card, exactly once however many completes arrive.
import type { Attachment } from "../../shared/api";
import { fail, ok, type Result } from "../../shared/errors";
import { getAttachment } from "./attachment-rows";
import { type AttachmentScope, attachmentKey } from "./attachment-scope";
import { now } from "./clock";
import { commitWithRetry } from "./commit-retry";
import type { Actor } from "./operations";
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
export async function completeUpload(
	scope: AttachmentScope,
	actor: Actor,
	uploadId: string,
	single: SingleUpload | null,
): Promise<Result<Attachment>> {
	const upload = await ownUpload(scope.db, actor, uploadId);
	if (!upload) return completedAlready(scope, actor, uploadId);
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
		const parts = await scope.db.all<{ part_number: number; etag: string; size: number; sha256: string }>(
			"SELECT * FROM upload_parts WHERE @tenant AND upload_id = ? ORDER BY part_number",
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
			// R2 no longer knows the upload: another complete finished it first (in the D1 design it
			// may run in another Worker, which no in-memory map can see), or it was aborted.
			const done = await attachmentSoon(scope, actor, uploadId);
			if (done.ok) return done;
			console.warn("Completing a multipart upload failed", error);
			return fail("conflict", "This upload could not be completed. Check its parts and send what is missing.");
		}
		sha256 = await compositeSha256(parts.map((p) => p.sha256));
	}
	// The awaits above let other requests in: the upload may have been aborted, or its card archived.
	const committed = await commitWithRetry(scope.store, async () => {
		const card = await scope.store.card(upload.card_id);
		if (!(await ownUpload(scope.db, actor, uploadId)) || !card) return undefined;
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
		return {
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
		};
	}).catch(async (error: unknown) => {
		// Two Workers completing the same upload at once (D1): the second's attachment row collides.
		if (await getAttachment(scope.db, uploadId)) return undefined;
		throw error;
	});
	if (committed?.event.type === "attachment.added") return ok(committed.event.attachment);
	const done = await completedAlready(scope, actor, uploadId);
	if (done.ok) return done;
	await scope.bucket.delete(attachmentKey(scope.tenant.id, uploadId));
	return fail("not_found", "The upload or its card was removed meanwhile.");
}

/** How long a complete that lost the race waits for the winner's attachment row. */
const RACE_WAIT_MS = 2_000;

/** The attachment a concurrent complete is about to record (its R2 part is done; its commit follows). */
async function attachmentSoon(scope: AttachmentScope, actor: Actor, uploadId: string): Promise<Result<Attachment>> {
	const deadline = Date.now() + RACE_WAIT_MS;
	for (;;) {
		const done = await completedAlready(scope, actor, uploadId);
		if (done.ok || Date.now() > deadline || !(await ownUpload(scope.db, actor, uploadId))) return done;
		await new Promise((resolve) => setTimeout(resolve, 25));
	}
}

/** The attachment an earlier complete of this upload made, for its uploader; else no such upload. */
async function completedAlready(scope: AttachmentScope, actor: Actor, uploadId: string): Promise<Result<Attachment>> {
	const done = await getAttachment(scope.db, uploadId);
	return done?.uploadedBy === actor.userId ? ok(done) : fail("not_found", "No such upload.");
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
