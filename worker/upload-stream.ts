// Streams a request body on to R2 while hashing it, holding no more than a chunk at a time, so
// the Worker's memory stays flat whatever the size of the file.

/** How many leading bytes are kept, to check that a file labelled as an image is one. */
const HEAD_BYTES = 16;

export interface Measured {
	/** Hex SHA-256 of every byte that went through. */
	sha256: string;
	/** The first few bytes, for file-type checks. */
	head: Uint8Array;
}

/**
 * Pipes `body` through a SHA-256 tap into a stream of exactly `size` bytes, which is what R2
 * needs to accept a stream (a request body or a FixedLengthStream: anything else has an unknown
 * length). `send` hands that stream to R2; a body shorter or longer than `size` makes it fail.
 */
export async function streamMeasured<T>(
	body: ReadableStream<Uint8Array> | null,
	size: number,
	send: (stream: ReadableStream<Uint8Array>) => Promise<T>,
): Promise<{ sent: T; measured: Measured }> {
	const digest = new crypto.DigestStream("SHA-256");
	const hasher = digest.getWriter();
	let head: Uint8Array = new Uint8Array(0);
	const tap = new TransformStream<Uint8Array, Uint8Array>({
		async transform(chunk, controller) {
			if (head.byteLength < HEAD_BYTES) head = concat(head, chunk.subarray(0, HEAD_BYTES - head.byteLength));
			// Awaiting the hasher before passing the chunk on keeps backpressure end to end.
			await hasher.write(chunk);
			controller.enqueue(chunk);
		},
		async flush() {
			await hasher.close();
		},
	});
	const fixed = new FixedLengthStream(size);
	const source = body ?? new Blob([]).stream();
	const piped = source.pipeThrough(tap).pipeTo(fixed.writable);
	const [sent] = await Promise.all([send(fixed.readable), piped]);
	return { sent, measured: { sha256: toHex(new Uint8Array(await digest.digest)), head } };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
	const out = new Uint8Array(a.byteLength + b.byteLength);
	out.set(a);
	out.set(b, a.byteLength);
	return out;
}

export function toHex(bytes: Uint8Array): string {
	return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}
