// HTTP plumbing: one error type that renders itself, JSON body parsing with size and type
// checks, and turning an object's Result into a response or an error.
import { type IRequest, json, type RouterType } from "itty-router";
import type { z } from "zod";
import { ERROR_STATUS, type ErrorBody, type ErrorCode, type Result } from "../shared/errors";
import { MAX_JSON_BYTES } from "../shared/limits";
import { logError } from "./request-log";

/** The router every route module adds to: handlers get the request with its params, then env and context. */
export type ApiRouter = RouterType<IRequest, [Env, ExecutionContext]>;

/** An expected failure on the way to a response: a status, a code and a message for the caller. */
export class HttpError extends Error {
	constructor(
		readonly code: ErrorCode,
		message: string,
		readonly details?: unknown,
		readonly headers?: HeadersInit,
	) {
		super(message);
	}

	get status(): number {
		return ERROR_STATUS[this.code];
	}

	toResponse(): Response {
		const body: ErrorBody = { error: { code: this.code, message: this.message } };
		if (this.details !== undefined) body.error.details = this.details;
		return Response.json(body, { status: this.status, headers: this.headers });
	}
}

/** The router's catch: expected errors render themselves; anything else is a bug, logged, never leaked. */
export function renderError(error: unknown, request: Request): Response {
	if (error instanceof HttpError) return error.toResponse();
	// The platform marks a Durable Object that cannot keep up as `overloaded`; retrying at once
	// would make it worse, so the client is told to back off.
	if (error instanceof Error && (error as { overloaded?: boolean }).overloaded) {
		const retry = { "Retry-After": "5" };
		return new HttpError(
			"overloaded",
			"This workspace is busy. Try again in a few seconds.",
			undefined,
			retry,
		).toResponse();
	}
	logError(request, error);
	return new HttpError("internal", "Something went wrong on our side.").toResponse();
}

/** The value of an object's Result, or the HttpError it stands for. */
export function unwrap<T>(result: Result<T>): T {
	if (result.ok) return result.value;
	const retryAfter = (result.details as { retryAfter?: number } | undefined)?.retryAfter;
	const headers = retryAfter === undefined ? undefined : { "Retry-After": String(retryAfter) };
	throw new HttpError(result.code, result.message, result.details, headers);
}

export function created(body: unknown): Response {
	return json(body, { status: 201 });
}

/**
 * Reads and validates a JSON body. The wrong content type is refused (415), a body over the
 * limit is refused before it is all read (413), malformed JSON is 400 and a schema violation 422.
 */
export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
	const type = request.headers.get("content-type") ?? "";
	if (!/^application\/json\b/i.test(type))
		throw new HttpError("unsupported_media_type", "Send a JSON body with Content-Type: application/json.");
	const text = await readText(request, MAX_JSON_BYTES);
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		throw new HttpError("invalid_json", "The body is not valid JSON.");
	}
	const parsed = schema.safeParse(data);
	if (!parsed.success) {
		const issues = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
		const first = issues[0];
		throw new HttpError("validation_failed", first ? `${first.path || "body"}: ${first.message}` : "Invalid body.", {
			issues,
		});
	}
	return parsed.data;
}

/** Reads a body as text, stopping as soon as it passes `limit` bytes. */
async function readText(request: Request, limit: number): Promise<string> {
	const declared = Number(request.headers.get("content-length") ?? "0");
	if (declared > limit) throw tooLarge(limit);
	if (!request.body) return "";
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > limit) {
			await reader.cancel();
			throw tooLarge(limit);
		}
		chunks.push(value);
	}
	const bytes = new Uint8Array(size);
	let offset = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, offset);
		offset += chunk.byteLength;
	}
	return new TextDecoder().decode(bytes);
}

function tooLarge(limit: number): HttpError {
	return new HttpError("payload_too_large", `The body is larger than ${Math.floor(limit / 1024)} KiB.`);
}
