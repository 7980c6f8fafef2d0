// What a route's entry in the OpenAPI table says, and how it becomes an OpenAPI operation. An
// entry names its method and path exactly as the router does (`:slug`), who may call it, its
// query and body schemas and its answers; what follows from who may call it (the credentials,
// the refusals every such route can give, the headers) is added here once, not in every entry.
import type { z } from "zod";
import type {
	ZodOpenApiContentObject,
	ZodOpenApiOperationObject,
	ZodOpenApiParameters,
	ZodOpenApiResponseObject,
	ZodOpenApiResponsesObject,
} from "zod-openapi";
import { ERROR_STATUS, type ErrorCode, errorBodySchema } from "../../shared/errors";
import { json, pathParameters, requestHeaders, responseHeaders } from "./parts";

/**
 * Who may call a route. Tenant levels are a member's role: "member" is any member (viewers
 * included), "writer" anyone but a viewer, "manager" owners and admins, "owner" owners only.
 */
export type Access = "public" | "operator" | "member" | "writer" | "manager" | "owner";

/** A success answer: a JSON schema, or other content (files, CSV), or nothing (204, 101). */
export interface Answer {
	description: string;
	schema?: z.ZodType;
	content?: ZodOpenApiContentObject;
	headers?: z.ZodObject;
}

export interface RouteEntry {
	method: "get" | "post" | "put" | "patch" | "delete";
	/** As the router has it: `/api/t/:slug/boards/:boardId`. */
	path: string;
	summary: string;
	description?: string;
	access: Access;
	query?: z.ZodObject;
	/** A JSON request body's schema, or other content (a file's bytes). */
	body?: z.ZodType | ZodOpenApiContentObject;
	/** The body may be left out (a query parameter says the same). */
	optionalBody?: true;
	/** Writes that take an Idempotency-Key header (board operations); a key reused for another request is 422. */
	idempotent?: true;
	/** Success answers by status. */
	answers: Partial<Record<number, Answer>>;
	/** Refusals beyond those every route of its access level can give. */
	errors?: ErrorCode[];
}

const WHO: Record<Access, string> = {
	public: "Anyone; no credential.",
	operator: "The operator, with the admin token.",
	member: "Any member of the workspace, viewers included.",
	writer: "Owners, admins and members; viewers are refused.",
	manager: "Owners and admins.",
	owner: "Owners.",
};

const TENANT_SECURITY: Record<string, string[]>[] = [{ sessionCookie: [] }, { tenantBearer: [] }];

/** The refusals every route of a level can give before its own logic runs. */
function accessErrors(entry: RouteEntry): ErrorCode[] {
	if (entry.access === "public") return [];
	if (entry.access === "operator") return ["unauthenticated"];
	const tenant: ErrorCode[] = ["invalid_slug", "unauthenticated", "tenant_suspended", "not_found", "rate_limited"];
	if (entry.access !== "member") tenant.push("forbidden");
	// Cookie-authenticated writes must come from our own pages (worker/same-origin.ts).
	if (entry.method !== "get") tenant.push("origin_not_allowed");
	return [...tenant, "overloaded"];
}

/** Reading a JSON body refuses the wrong type, a body too large, bad JSON and a schema violation (http.ts). */
const JSON_BODY_ERRORS: ErrorCode[] = [
	"unsupported_media_type",
	"payload_too_large",
	"invalid_json",
	"validation_failed",
];

export function toOperation(entry: RouteEntry, tag: string): ZodOpenApiOperationObject {
	const jsonBody = entry.body !== undefined && isSchema(entry.body);
	const errors = new Set([
		...accessErrors(entry),
		...(jsonBody ? JSON_BODY_ERRORS : []),
		// A key reused with a different request is refused (objects/domain/operations.ts).
		...(entry.idempotent ? (["idempotency_key_reused"] as const) : []),
		...(entry.errors ?? []),
	]);
	const tenant = !["public", "operator"].includes(entry.access);
	const operation: ZodOpenApiOperationObject = {
		tags: [tag],
		summary: entry.summary,
		operationId: operationId(entry),
		requestParams: parameters(entry, tenant),
		responses: { ...successes(entry, tenant), ...refusals([...errors]) },
		security: entry.access === "public" ? [] : entry.access === "operator" ? [{ adminToken: [] }] : TENANT_SECURITY,
		"x-access": WHO[entry.access],
	};
	if (entry.description) operation.description = entry.description;
	if (entry.body !== undefined)
		operation.requestBody = {
			required: entry.optionalBody !== true,
			content: isSchema(entry.body) ? json(entry.body) : entry.body,
		};
	return operation;
}

/** `/api/t/:slug/boards` → `/api/t/{slug}/boards`. */
export function toOpenApiPath(path: string): string {
	return path.replace(/:([A-Za-z]+)/g, "{$1}");
}

function parameters(entry: RouteEntry, tenant: boolean): ZodOpenApiParameters {
	const params: ZodOpenApiParameters = { header: requestHeaders({ tenant, idempotent: entry.idempotent === true }) };
	const path = pathParameters(entry.path);
	if (path) params.path = path;
	if (entry.query) params.query = entry.query;
	return params;
}

function successes(entry: RouteEntry, tenant: boolean): ZodOpenApiResponsesObject {
	const responses: ZodOpenApiResponsesObject = {};
	for (const [status, answer] of Object.entries(entry.answers)) {
		if (!answer) continue;
		const response: ZodOpenApiResponseObject = {
			description: answer.description,
			headers: responseHeaders({ tenant, extra: answer.headers }),
		};
		const content = answer.schema ? json(answer.schema) : answer.content;
		if (content) response.content = content;
		responses[status as `2${string}`] = response;
	}
	return responses;
}

/** One response per error status, naming the codes a caller can meet under it. */
function refusals(codes: ErrorCode[]): ZodOpenApiResponsesObject {
	const byStatus = new Map<number, ErrorCode[]>();
	for (const code of codes) byStatus.set(ERROR_STATUS[code], [...(byStatus.get(ERROR_STATUS[code]) ?? []), code]);
	const responses: ZodOpenApiResponsesObject = {};
	for (const [status, group] of [...byStatus].sort(([a], [b]) => a - b)) {
		responses[String(status) as `4${string}`] = {
			description: `Error: ${group.join(", ")}.`,
			headers: responseHeaders({ retryAfter: status === 429 || status === 503 }),
			content: json(errorBodySchema),
			"x-error-codes": group,
		};
	}
	responses.default = {
		description: "Any other error (500 internal): the same error body, never a stack trace.",
		headers: responseHeaders({}),
		content: json(errorBodySchema),
	};
	return responses;
}

function isSchema(body: z.ZodType | ZodOpenApiContentObject): body is z.ZodType {
	return "_zod" in body;
}

/** `get /api/t/:slug/boards/:boardId` → `getTSlugBoardsBoardId`: stable and unique per route. */
function operationId(entry: RouteEntry): string {
	const words = entry.path
		.replace(/^\/api\//, "")
		.split(/[/.:-]/)
		.filter(Boolean);
	return entry.method + words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join("");
}
