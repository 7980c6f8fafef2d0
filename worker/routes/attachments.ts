// Attachments over HTTP: small files in one streamed PUT, large ones in resumable parts, and
// downloads. The Worker moves the bytes between the client and R2; the tenant object decides who
// may, reserves the quota and records what R2 acknowledged. No R2 key is built from user input.
import { contentTypeSchema, createUploadSchema, fileNameSchema } from "../../shared/api";
import { MAX_SINGLE_UPLOAD_BYTES } from "../../shared/limits";
import { downloadResponse } from "../download";
import { labelFor } from "../file-types";
import { type ApiRouter, created, HttpError, readJson, unwrap } from "../http";
import { callerOf } from "../tenant-stub";
import { streamMeasured } from "../upload-stream";

export function attachmentRoutes(router: ApiRouter): void {
	/** A whole file in one request, streamed to R2 and hashed on the way. */
	router.put("/api/t/:slug/cards/:cardId/attachments", async (request, env, ctx) => {
		const { credential, stub } = await callerOf(request, env, ctx);
		const name = parseFileName(new URL(request.url).searchParams.get("name"));
		const contentType = parseContentType(request.headers.get("content-type"));
		const size = contentLength(request);
		if (size > MAX_SINGLE_UPLOAD_BYTES)
			throw new HttpError("payload_too_large", "Files over 95 MB go up in parts: POST to the card's uploads first.");
		const input = { name, size, contentType };
		const target = unwrap(await stub.beginUpload(credential, request.params.cardId ?? "", input, false));
		const { measured } = await streamMeasured(request.body, size, (stream) =>
			env.ATTACHMENTS.put(target.key, stream, { httpMetadata: { contentType } }),
		).catch(async (error: unknown) => {
			// The reservation and any partial object go; the client sends the whole file again.
			await stub.abortUpload(credential, target.uploadId);
			return interrupted(error);
		});
		const single = { sha256: measured.sha256, contentType: labelFor(contentType, measured.head) };
		return created(unwrap(await stub.completeUpload(credential, target.uploadId, single)));
	});

	router.post("/api/t/:slug/cards/:cardId/uploads", async (request, env, ctx) => {
		const { credential, stub } = await callerOf(request, env, ctx);
		const input = await readJson(request, createUploadSchema);
		const upload = unwrap(await stub.beginUpload(credential, request.params.cardId ?? "", input, true));
		return created({ uploadId: upload.uploadId, partSize: upload.partSize, partCount: upload.partCount });
	});

	/** One part of a multipart upload; every part but the last has exactly `partSize` bytes. */
	router.put("/api/t/:slug/uploads/:uploadId/parts/:partNumber", async (request, env, ctx) => {
		const { credential, stub } = await callerOf(request, env, ctx);
		const uploadId = request.params.uploadId ?? "";
		const partNumber = parsePartNumber(request.params.partNumber);
		const size = contentLength(request);
		const target = unwrap(await stub.uploadPartTarget(credential, uploadId, partNumber));
		if (size !== target.size)
			throw new HttpError("validation_failed", `Part ${partNumber} must be ${target.size} bytes; this one is ${size}.`);
		const r2Upload = env.ATTACHMENTS.resumeMultipartUpload(target.key, target.r2UploadId ?? "");
		const { sent, measured } = await streamMeasured(request.body, size, (stream) =>
			r2Upload.uploadPart(partNumber, stream),
		).catch(interrupted);
		const contentType = partNumber === 1 ? labelFor(target.contentType, measured.head) : undefined;
		const receipt = { partNumber, etag: sent.etag, size, sha256: measured.sha256, contentType };
		unwrap(await stub.recordUploadPart(credential, uploadId, receipt));
		return { partNumber, etag: sent.etag };
	});

	router.get("/api/t/:slug/uploads/:uploadId", async (request, env, ctx) => {
		const { credential, stub } = await callerOf(request, env, ctx);
		return unwrap(await stub.uploadStatus(credential, request.params.uploadId ?? ""));
	});

	router.post("/api/t/:slug/uploads/:uploadId/complete", async (request, env, ctx) => {
		const { credential, stub } = await callerOf(request, env, ctx);
		return created(unwrap(await stub.completeUpload(credential, request.params.uploadId ?? "", null)));
	});

	router.delete("/api/t/:slug/uploads/:uploadId", async (request, env, ctx) => {
		const { credential, stub } = await callerOf(request, env, ctx);
		unwrap(await stub.abortUpload(credential, request.params.uploadId ?? ""));
		return new Response(null, { status: 204 });
	});

	router.get("/api/t/:slug/attachments/:attachmentId", async (request, env, ctx) => {
		const { credential, stub } = await callerOf(request, env, ctx);
		const { attachment, key } = unwrap(await stub.attachmentForDownload(credential, request.params.attachmentId ?? ""));
		const response = await downloadResponse(request, env.ATTACHMENTS, key, attachment);
		// Bytes served are known only here (a range, a 304); the tenant meters them off the response's path.
		const served =
			response.status === 200 || response.status === 206 ? Number(response.headers.get("content-length")) : 0;
		if (served > 0) ctx.waitUntil(stub.recordDownload(credential, served));
		return response;
	});

	router.delete("/api/t/:slug/attachments/:attachmentId", async (request, env, ctx) => {
		const { credential, stub } = await callerOf(request, env, ctx);
		unwrap(await stub.deleteAttachment(credential, request.params.attachmentId ?? ""));
		return new Response(null, { status: 204 });
	});
}

function interrupted(error: unknown): never {
	console.warn("Upload stream failed", error);
	throw new HttpError(
		"bad_request",
		"The upload broke off before every byte arrived; nothing was kept. Send it again.",
	);
}

/** The body's declared size: required, because R2 must know it before the first byte. */
function contentLength(request: Request): number {
	const header = request.headers.get("content-length");
	if (header === null || !/^\d{1,15}$/.test(header))
		throw new HttpError("length_required", "Send a Content-Length header: uploads are streamed, never chunked.");
	return Number(header);
}

function parseContentType(header: string | null): string {
	const type = (header ?? "application/octet-stream").split(";")[0] ?? "";
	const parsed = contentTypeSchema.safeParse(type);
	if (!parsed.success) throw new HttpError("unsupported_media_type", `"${type}" is not a MIME type.`);
	return parsed.data;
}

function parsePartNumber(value: string | undefined): number {
	if (!value || !/^\d{1,5}$/.test(value)) throw new HttpError("validation_failed", "Parts are numbered from 1.");
	return Number(value);
}

function parseFileName(value: string | null): string {
	const parsed = fileNameSchema.safeParse(value ?? "");
	if (!parsed.success)
		throw new HttpError("validation_failed", `name: ${parsed.error.issues[0]?.message ?? "not a file name."}`);
	return parsed.data;
}
