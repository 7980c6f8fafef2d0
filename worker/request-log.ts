// One structured JSON line per API request, and the request id that every response carries.
// Workers Logs (observability in wrangler.jsonc) indexes these fields in production; locally they
// are the lines `wrangler dev` prints. Handlers add what they learn (the tenant, whether its
// object had to wake) to the request's record; the router's last step writes the line.

import { WOKE_HEADER } from "../objects/tenant/tenant";
import { withHeaders } from "./response-headers";

export const REQUEST_ID_HEADER = "x-request-id";

/** A caller may name its request (for tracing across its own systems) with a plain token. */
const CALLER_REQUEST_ID = /^[A-Za-z0-9._:-]{8,64}$/;

/** How the request met the tenant's object: not at all, an object already awake, or one it woke. */
export type ObjectContact = "none" | "warm" | "woke";

interface RequestRecord {
	id: string;
	startedAt: number;
	tenantId?: string;
	object: ObjectContact;
	/** Why the edge answered without reaching the tenant (KV said so, or the rate limit). */
	refused?: string;
}

const records = new WeakMap<Request, RequestRecord>();

/** The router's first step: give the request an id and start its clock. */
export function startRequest(request: Request): void {
	const given = request.headers.get(REQUEST_ID_HEADER);
	const id = given && CALLER_REQUEST_ID.test(given) ? given : crypto.randomUUID();
	records.set(request, { id, startedAt: Date.now(), object: "none" });
}

export function requestIdOf(request: Request): string {
	return records.get(request)?.id ?? "unknown";
}

export function noteTenant(request: Request, tenantId: string): void {
	const record = records.get(request);
	if (record) record.tenantId = tenantId;
}

/** Records that the tenant's object answered; `woke` when this request started it. */
export function noteObject(request: Request, woke: boolean): void {
	const record = records.get(request);
	if (record && record.object !== "woke") record.object = woke ? "woke" : "warm";
}

export function noteRefusal(request: Request, reason: string): void {
	const record = records.get(request);
	if (record) record.refused = reason;
}

/** The router's last step: write the request's line and put its id on the response. */
export function finishRequest(response: Response, request: Request & { route?: string }): Response {
	const record = records.get(request);
	if (!record) return response;
	const line = {
		message: "request",
		requestId: record.id,
		method: request.method,
		route: request.route ?? new URL(request.url).pathname,
		status: response.status,
		durationMs: Date.now() - record.startedAt,
		tenantId: record.tenantId ?? null,
		object: record.object,
		refused: record.refused ?? null,
	};
	console.log(JSON.stringify(line));
	return withHeaders(response, (headers) => {
		headers.set(REQUEST_ID_HEADER, record.id);
		// The object's note about waking is for this line, not for the client.
		headers.delete(WOKE_HEADER);
	});
}

/** A bug on the way to a response, logged with its request's context (and never sent to the client). */
export function logError(request: Request & { route?: string }, error: unknown): void {
	const record = records.get(request);
	const detail = error instanceof Error ? { error: error.message, stack: error.stack } : { error: String(error) };
	console.error(
		JSON.stringify({
			message: "unhandled error",
			requestId: record?.id ?? null,
			method: request.method,
			route: request.route ?? null,
			tenantId: record?.tenantId ?? null,
			...detail,
		}),
	);
}
