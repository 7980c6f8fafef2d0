// Writing a stream of unknown length to one R2 object without holding it all in memory. R2's put
// needs the length up front, so bytes are gathered up to one part: a small object is one put, a
// large one becomes a multipart upload of equal parts (R2 wants every part but the last the same
// size). Memory stays around two parts, whatever the size of the object.

/** Size of each part: over R2's 5 MiB minimum, small enough to keep two in memory. */
export const SINK_PART_BYTES = 8 * 1024 * 1024;

export class R2Sink {
	#chunks: Uint8Array[] = [];
	#buffered = 0;
	#written = 0;
	#upload: R2MultipartUpload | undefined;
	readonly #parts: R2UploadedPart[] = [];

	constructor(
		private readonly bucket: R2Bucket,
		readonly key: string,
		private readonly options: R2PutOptions & R2MultipartOptions = {},
		private readonly partBytes = SINK_PART_BYTES,
	) {}

	/** Bytes written so far. */
	get bytes(): number {
		return this.#written;
	}

	async write(chunk: Uint8Array): Promise<void> {
		this.#chunks.push(chunk);
		this.#buffered += chunk.byteLength;
		this.#written += chunk.byteLength;
		while (this.#buffered >= this.partBytes) await this.#sendPart(this.partBytes);
	}

	/** Writes every chunk of a stream. */
	async pour(stream: ReadableStream<Uint8Array>): Promise<void> {
		for await (const chunk of stream) await this.write(chunk);
	}

	/** Stores what is left and completes the object; how many bytes it holds. */
	async finish(): Promise<number> {
		if (!this.#upload) {
			await this.bucket.put(this.key, this.#take(this.#buffered), this.options);
			return this.#written;
		}
		if (this.#buffered > 0) await this.#sendPart(this.#buffered);
		await this.#upload.complete(this.#parts);
		return this.#written;
	}

	/** Gives up: a started multipart upload is aborted so its parts do not linger. */
	async abort(): Promise<void> {
		await this.#upload?.abort().catch(() => {});
	}

	async #sendPart(size: number): Promise<void> {
		this.#upload ??= await this.bucket.createMultipartUpload(this.key, this.options);
		this.#parts.push(await this.#upload.uploadPart(this.#parts.length + 1, this.#take(size)));
	}

	/** The first `size` buffered bytes as one array; the rest stays buffered. */
	#take(size: number): Uint8Array {
		const out = new Uint8Array(size);
		let offset = 0;
		while (offset < size) {
			const chunk = this.#chunks.shift();
			if (!chunk) break;
			const used = Math.min(chunk.byteLength, size - offset);
			out.set(chunk.subarray(0, used), offset);
			if (used < chunk.byteLength) this.#chunks.unshift(chunk.subarray(used));
			offset += used;
		}
		this.#buffered -= size;
		return out;
	}
}

/** Copies an object within R2 (the Workers binding has no server-side copy): streamed, in parts when large. */
export async function copyObject(bucket: R2Bucket, from: string, to: string): Promise<number | null> {
	const source = await bucket.get(from);
	if (!source) return null;
	const sink = new R2Sink(bucket, to, { httpMetadata: source.httpMetadata, customMetadata: source.customMetadata });
	try {
		await sink.pour(source.body);
		return await sink.finish();
	} catch (error) {
		await sink.abort();
		throw error;
	}
}
