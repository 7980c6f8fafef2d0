// Which attachments a browser may show inline, and a check that a file labelled as one of those
// images really starts like one. Everything else is served as a download.

/** Image types a browser renders without running anything, with the bytes they start with. */
const INLINE_IMAGES: Record<string, (head: Uint8Array) => boolean> = {
	"image/png": (h) => startsWith(h, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
	"image/jpeg": (h) => startsWith(h, [0xff, 0xd8, 0xff]),
	"image/gif": (h) => ascii(h, 0, 6) === "GIF87a" || ascii(h, 0, 6) === "GIF89a",
	"image/webp": (h) => ascii(h, 0, 4) === "RIFF" && ascii(h, 8, 12) === "WEBP",
	"image/avif": (h) => ascii(h, 4, 12) === "ftypavif" || ascii(h, 4, 12) === "ftypavis",
};

/** True for the image types served inline (SVG is not one: it can carry script). */
export function isInlineImage(contentType: string): boolean {
	return Object.hasOwn(INLINE_IMAGES, contentType);
}

/**
 * The content type to record for a file. A file labelled as an inline image whose first bytes
 * say otherwise is recorded as application/octet-stream, so it is only ever downloaded.
 */
export function labelFor(declared: string, head: Uint8Array): string {
	const looksRight = INLINE_IMAGES[declared];
	return looksRight && !looksRight(head) ? "application/octet-stream" : declared;
}

function startsWith(head: Uint8Array, bytes: number[]): boolean {
	return bytes.every((b, i) => head[i] === b);
}

function ascii(head: Uint8Array, from: number, to: number): string {
	return String.fromCharCode(...head.subarray(from, to));
}
