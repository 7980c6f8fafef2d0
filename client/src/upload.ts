// Attachment uploads: one PUT for small files, resumable multipart (3 parts in flight) for large ones.
//
// Files above MULTIPART_THRESHOLD go multipart even though a single PUT could take up to
// MAX_SINGLE_UPLOAD_BYTES: a 90 MB PUT that fails at 89 MB starts over, while a multipart upload
// resumes after a reload or a dropped connection by sending only the parts that did not arrive.
import type { Attachment, UploadCreated, UploadStatus } from "../../shared/api";
import { MAX_SINGLE_UPLOAD_BYTES } from "../../shared/limits";
import { paths } from "../../shared/paths";
import { ApiError, parseErrorBody, request } from "./api";

export const MULTIPART_THRESHOLD = Math.min(20 * 1024 * 1024, MAX_SINGLE_UPLOAD_BYTES);
const CONCURRENT_PARTS = 3;

export type ProgressListener = (sent: number, total: number) => void;

export interface UploadHandle {
	promise: Promise<Attachment>;
	/** Stops sending and, for multipart, tells the server to discard what arrived. */
	cancel: () => void;
}

/** What is kept in localStorage so a multipart upload can resume when the same file is chosen again. */
export interface ResumableUpload {
	uploadId: string;
	cardId: string;
	name: string;
	size: number;
	lastModified: number;
	sent?: number;
}

export function startUpload(slug: string, cardId: string, file: File, onProgress: ProgressListener): UploadHandle {
	const controller = new AbortController();
	const promise =
		file.size > MULTIPART_THRESHOLD
			? uploadMultipart(slug, cardId, file, onProgress, controller.signal)
			: sendXhr<Attachment>("PUT", `${paths.attachments(slug, cardId)}?name=${encodeURIComponent(file.name)}`, file, {
					contentType: contentTypeOf(file),
					signal: controller.signal,
					onProgress: (loaded) => onProgress(loaded, file.size),
				});
	return { promise, cancel: () => controller.abort() };
}

async function uploadMultipart(
	slug: string,
	cardId: string,
	file: File,
	onProgress: ProgressListener,
	signal: AbortSignal,
): Promise<Attachment> {
	const { uploadId, partSize, done } = await openUpload(slug, cardId, file, signal);
	const onAbort = () => {
		forgetUpload(uploadId);
		request(paths.upload(slug, uploadId), { method: "DELETE" }).catch(() => undefined);
	};
	signal.addEventListener("abort", onAbort, { once: true });
	const partCount = Math.max(1, Math.ceil(file.size / partSize));
	const missing = Array.from({ length: partCount }, (_, i) => i + 1).filter((n) => !done.has(n));
	const inFlight = new Map<number, number>();
	let sentBytes = [...done.values()].reduce((sum, size) => sum + size, 0);
	const report = () => {
		const sent = sentBytes + [...inFlight.values()].reduce((sum, n) => sum + n, 0);
		onProgress(Math.min(sent, file.size), file.size);
		rememberProgress(uploadId, sent);
	};
	report();
	const worker = async (partSignal: AbortSignal) => {
		for (let n = missing.shift(); n !== undefined; n = missing.shift()) {
			const part = n;
			const blob = file.slice((part - 1) * partSize, Math.min(part * partSize, file.size));
			await sendXhr("PUT", paths.uploadPart(slug, uploadId, part), blob, {
				signal: partSignal,
				onProgress: (loaded) => {
					inFlight.set(part, loaded);
					report();
				},
			});
			inFlight.delete(part);
			sentBytes += blob.size;
			report();
		}
	};
	// One failed part stops its siblings too, so a retry does not race leftovers of this attempt.
	const parts = new AbortController();
	signal.addEventListener("abort", () => parts.abort(), { once: true });
	await Promise.all(Array.from({ length: CONCURRENT_PARTS }, () => worker(parts.signal))).catch((error: unknown) => {
		parts.abort();
		throw error;
	});
	const attachment = await request<Attachment>(paths.uploadComplete(slug, uploadId), { method: "POST", signal });
	signal.removeEventListener("abort", onAbort);
	forgetUpload(uploadId);
	return attachment;
}

/** Resumes the upload remembered for this card and file if the server still has it, else starts one. */
async function openUpload(slug: string, cardId: string, file: File, signal: AbortSignal) {
	const saved = findResumable(cardId, file);
	if (saved) {
		try {
			const status = await request<UploadStatus>(paths.upload(slug, saved.uploadId), { signal });
			const done = new Map(status.parts.map((p) => [p.partNumber, p.size] as const));
			return { uploadId: saved.uploadId, partSize: status.partSize, done };
		} catch (error) {
			if (!(error instanceof ApiError) || error.status !== 404) throw error;
			forgetUpload(saved.uploadId);
		}
	}
	const body = { name: file.name, size: file.size, contentType: contentTypeOf(file) };
	const created = await request<UploadCreated>(paths.uploads(slug, cardId), {
		method: "POST",
		body,
		signal,
	});
	saveResumable({
		uploadId: created.uploadId,
		cardId,
		name: file.name,
		size: file.size,
		lastModified: file.lastModified,
	});
	return { uploadId: created.uploadId, partSize: created.partSize, done: new Map<number, number>() };
}

function contentTypeOf(file: File): string {
	return file.type || "application/octet-stream";
}

interface XhrOptions {
	contentType?: string;
	signal: AbortSignal;
	onProgress: (loaded: number) => void;
}

/** XMLHttpRequest rather than fetch: it is the browser API that reports upload progress. */
function sendXhr<T>(method: string, url: string, body: Blob, options: XhrOptions): Promise<T> {
	return new Promise<T>((resolve, reject) => {
		if (options.signal.aborted) return reject(new DOMException("Upload cancelled", "AbortError"));
		const xhr = new XMLHttpRequest();
		xhr.open(method, url);
		xhr.setRequestHeader("Accept", "application/json");
		if (options.contentType) xhr.setRequestHeader("Content-Type", options.contentType);
		xhr.upload.onprogress = (event) => options.onProgress(event.loaded);
		xhr.onload = () => {
			if (xhr.status >= 200 && xhr.status < 300) resolve((xhr.responseText ? JSON.parse(xhr.responseText) : {}) as T);
			else reject(parseErrorBody(xhr.status, xhr.responseText));
		};
		xhr.onerror = () => reject(new ApiError(0, "network_error", "The upload was interrupted."));
		xhr.onabort = () => reject(new DOMException("Upload cancelled", "AbortError"));
		options.signal.addEventListener("abort", () => xhr.abort(), { once: true });
		xhr.send(body);
	});
}

// ── Resume records ───────────────────────────────────────────────────────────

const RESUME_KEY = "boardroom:uploads";

function readRecords(): ResumableUpload[] {
	try {
		const parsed: unknown = JSON.parse(localStorage.getItem(RESUME_KEY) ?? "[]");
		return Array.isArray(parsed) ? (parsed as ResumableUpload[]) : [];
	} catch {
		return [];
	}
}

function writeRecords(records: ResumableUpload[]): void {
	try {
		localStorage.setItem(RESUME_KEY, JSON.stringify(records));
	} catch {
		// Without storage an upload simply cannot resume after a reload.
	}
}

/** Unfinished multipart uploads for a card, to invite the user to pick the same file again. */
export function unfinishedUploads(cardId: string): ResumableUpload[] {
	return readRecords().filter((r) => r.cardId === cardId);
}

function findResumable(cardId: string, file: File): ResumableUpload | undefined {
	return readRecords().find(
		(r) => r.cardId === cardId && r.name === file.name && r.size === file.size && r.lastModified === file.lastModified,
	);
}

function saveResumable(record: ResumableUpload): void {
	writeRecords([...readRecords().filter((r) => r.uploadId !== record.uploadId), record]);
}

function rememberProgress(uploadId: string, sent: number): void {
	const records = readRecords();
	const record = records.find((r) => r.uploadId === uploadId);
	if (record && sent - (record.sent ?? 0) > 1024 * 1024)
		writeRecords(records.map((r) => (r === record ? { ...r, sent } : r)));
}

export function forgetUpload(uploadId: string): void {
	writeRecords(readRecords().filter((r) => r.uploadId !== uploadId));
}
