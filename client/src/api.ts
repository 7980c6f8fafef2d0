// A small fetch wrapper: JSON in and out, same-origin cookies, and one typed error for every failure.

/** Any non-2xx answer, or a network failure (status 0), with the contract's error code. */
export class ApiError extends Error {
	readonly status: number;
	readonly code: string;

	constructor(status: number, code: string, message: string) {
		super(message);
		this.name = "ApiError";
		this.status = status;
		this.code = code;
	}
}

export interface RequestOptions {
	method?: string;
	body?: unknown;
	/** Extra headers, e.g. the operator's bearer token. */
	headers?: Record<string, string>;
	signal?: AbortSignal;
}

/**
 * The D1 variant serves reads from replicas; this tab's bookmark (the newest the server sent back)
 * makes every read include what this tab already wrote. The Durable Object variant sends none.
 */
const BOOKMARK_HEADER = "x-d1-bookmark";
const BOOKMARK_KEY = "boardroom:d1-bookmark";

export function withBookmark(headers: Record<string, string>): Record<string, string> {
	const bookmark = sessionStorage.getItem(BOOKMARK_KEY);
	return bookmark ? { ...headers, [BOOKMARK_HEADER]: bookmark } : headers;
}

export function keepBookmark(response: Response): void {
	const bookmark = response.headers.get(BOOKMARK_HEADER);
	if (bookmark) sessionStorage.setItem(BOOKMARK_KEY, bookmark);
}

/** Calls the API and returns the parsed JSON body (undefined for 204). Throws ApiError. */
export async function request<T>(url: string, options: RequestOptions = {}): Promise<T> {
	const headers = withBookmark({ Accept: "application/json", ...options.headers });
	let body: string | undefined;
	if (options.body !== undefined) {
		headers["Content-Type"] = "application/json";
		body = JSON.stringify(options.body);
	}
	let response: Response;
	try {
		response = await fetch(url, {
			method: options.method ?? "GET",
			headers,
			body,
			credentials: "same-origin",
			signal: options.signal,
		});
	} catch (error) {
		if (error instanceof DOMException && error.name === "AbortError") throw error;
		throw new ApiError(0, "network_error", "Can't reach Boardroom. Check your connection and try again.");
	}
	keepBookmark(response);
	if (!response.ok) throw await toApiError(response);
	if (response.status === 204) return undefined as T;
	const text = await response.text();
	return (text ? JSON.parse(text) : undefined) as T;
}

/** Reads the `{"error":{"code","message"}}` body of a failed response, tolerating anything else. */
export async function toApiError(response: Response): Promise<ApiError> {
	const text = await response.text().catch(() => "");
	return parseErrorBody(response.status, text);
}

export function parseErrorBody(status: number, text: string): ApiError {
	try {
		const parsed: unknown = JSON.parse(text);
		if (isErrorBody(parsed)) return new ApiError(status, parsed.error.code, parsed.error.message);
	} catch {
		// Not JSON (a proxy page, an empty body): fall through to a generic message.
	}
	return new ApiError(status, statusCode(status), `The server answered ${status}.`);
}

function isErrorBody(value: unknown): value is { error: { code: string; message: string } } {
	if (typeof value !== "object" || value === null || !("error" in value)) return false;
	const error = (value as { error: unknown }).error;
	return typeof error === "object" && error !== null && "code" in error && "message" in error;
}

function statusCode(status: number): string {
	if (status === 401) return "unauthenticated";
	if (status === 403) return "forbidden";
	if (status === 404) return "not_found";
	if (status === 413) return "payload_too_large";
	if (status === 429) return "rate_limited";
	return "internal";
}

/** A message fit for a toast, whatever was thrown. */
export function describeError(error: unknown): string {
	if (error instanceof ApiError) return error.message;
	if (error instanceof Error) return error.message;
	return "Something went wrong.";
}
