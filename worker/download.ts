// Serving an attachment from R2: headers that make any content safe to hand to a browser, a
// strong ETag for conditional GETs, and single byte ranges so videos seek and downloads resume.
import type { Attachment } from "../shared/api";
import { isInlineImage } from "./file-types";
import { HttpError } from "./http";

type Range = { offset: number; length: number };

export async function downloadResponse(
	request: Request,
	bucket: R2Bucket,
	key: string,
	attachment: Attachment,
): Promise<Response> {
	// The bytes at a key never change (ids are never reused), so the checksum is a strong validator.
	const etag = `"${attachment.sha256}"`;
	const headers = safeHeaders(attachment, etag);
	if (matchesEtag(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
	const ifRange = request.headers.get("if-range");
	const range = ifRange === null || ifRange === etag ? parseRange(request.headers.get("range"), attachment.size) : null;
	if (range === "unsatisfiable") {
		headers.set("Content-Range", `bytes */${attachment.size}`);
		headers.set("Content-Type", "application/json");
		headers.delete("Content-Disposition");
		const body = {
			error: { code: "range_not_satisfiable", message: `That range is outside the file's ${attachment.size} bytes.` },
		};
		return Response.json(body, { status: 416, headers });
	}
	const object = await bucket.get(key, range ? { range } : undefined);
	if (!object) throw new HttpError("not_found", "The attachment's bytes are missing.");
	const length = range ? range.length : attachment.size;
	headers.set("Content-Length", String(length));
	if (!range) return new Response(object.body, { status: 200, headers });
	headers.set("Content-Range", `bytes ${range.offset}-${range.offset + range.length - 1}/${attachment.size}`);
	return new Response(object.body, { status: 206, headers });
}

function safeHeaders(attachment: Attachment, etag: string): Headers {
	const inline = isInlineImage(attachment.contentType);
	return new Headers({
		"Content-Type": attachment.contentType,
		"Content-Disposition": contentDisposition(inline ? "inline" : "attachment", attachment.name),
		// Never guess a type from the bytes, never run anything, never be embedded by another site.
		"X-Content-Type-Options": "nosniff",
		"Content-Security-Policy": "default-src 'none'; sandbox",
		"Cross-Origin-Resource-Policy": "same-origin",
		ETag: etag,
		"Accept-Ranges": "bytes",
		// The browser may keep a copy but must ask (cheaply, with If-None-Match) before using it.
		"Cache-Control": "private, no-cache",
	});
}

/** RFC 6266: an ASCII fallback name, and the exact name in UTF-8 for every browser that reads it. */
export function contentDisposition(kind: "inline" | "attachment", name: string): string {
	const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, "_");
	const exact = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
	return `${kind}; filename="${fallback}"; filename*=UTF-8''${exact}`;
}

function matchesEtag(header: string | null, etag: string): boolean {
	if (header === null) return false;
	return header.split(",").some((tag) => {
		const t = tag.trim();
		return t === "*" || t === etag || t === `W/${etag}`;
	});
}

/**
 * One `bytes=` range, as an offset and length inside the file. Several ranges or a malformed
 * header are ignored (the whole file is sent), as RFC 9110 allows.
 */
export function parseRange(header: string | null, size: number): Range | "unsatisfiable" | null {
	const match = header?.trim().match(/^bytes=(\d*)-(\d*)$/);
	if (!match) return null;
	const [, first = "", last = ""] = match;
	if (first === "" && last === "") return null;
	if (first === "") {
		const suffix = Math.min(Number(last), size);
		return suffix === 0 ? "unsatisfiable" : { offset: size - suffix, length: suffix };
	}
	const start = Number(first);
	const end = last === "" ? size - 1 : Math.min(Number(last), size - 1);
	if (last !== "" && Number(last) < start) return null;
	if (start >= size) return "unsatisfiable";
	return { offset: start, length: end - start + 1 };
}
