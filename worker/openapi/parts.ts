// The pieces many operations share: path parameters by name, the headers people need (request
// ids, idempotency keys, D1 bookmarks, Retry-After) and the media types answered with. Each is
// described once and becomes a component the document refers to; a header's component is named
// as the header is, so the docs page can list them.
import { z } from "zod";
import type { ZodOpenApiContentObject } from "zod-openapi";
import { fields } from "../../shared/api";
import { opIdSchema } from "../../shared/protocol";

const idParam = (what: string) => fields.id.meta({ description: `The ${what}'s id.` });

/** Every path parameter the routes use, by the name the router gives it. */
const PATH_PARAMETERS: Record<string, z.ZodType> = {
	slug: z
		.string()
		.meta({ description: "The workspace's slug, as in /t/acme.", example: "acme", param: { id: "Slug" } }),
	boardId: idParam("board"),
	cardId: idParam("card"),
	commentId: idParam("comment"),
	attachmentId: idParam("attachment"),
	uploadId: idParam("multipart upload"),
	userId: idParam("member"),
	keyId: idParam("API key"),
	inviteId: idParam("invite"),
	token: z.string().meta({ description: "The signed token at the end of an invite's link." }),
	id: fields.id.meta({ description: "The id the POST that started it answered with." }),
	partNumber: z.int().min(1).meta({ description: "Parts are numbered from 1." }),
};

/** The path parameters of a router path (`:slug`), or undefined when it has none. */
export function pathParameters(path: string): z.ZodObject | undefined {
	const names = [...path.matchAll(/:([A-Za-z]+)/g)].map((match) => match[1] ?? "");
	if (names.length === 0) return undefined;
	const shape: Record<string, z.ZodType> = {};
	for (const name of names) {
		const schema = PATH_PARAMETERS[name];
		if (!schema) throw new Error(`The OpenAPI table has no description of the path parameter :${name}.`);
		shape[name] = schema;
	}
	return z.object(shape);
}

const REQUEST_ID = "Every answer carries one; a caller's own well-formed id is kept, so traces join up.";
const requestId = z.string().meta({ description: REQUEST_ID, header: { id: "x-request-id" } });
const givenRequestId = z
	.string()
	.regex(/^[A-Za-z0-9._:-]{8,64}$/)
	.optional()
	.meta({ description: REQUEST_ID, param: { id: "x-request-id" } });
const BOOKMARK =
	"The D1 design only: the Sessions API bookmark of the last answer, so a read sees the caller's own writes. Send back the newest one received.";
const bookmark = z
	.string()
	.optional()
	.meta({ description: BOOKMARK, header: { id: "x-d1-bookmark" } });
const givenBookmark = z
	.string()
	.optional()
	.meta({ description: BOOKMARK, param: { id: "x-d1-bookmark" } });
const idempotencyKey = opIdSchema.optional().meta({
	description: "8 to 64 visible ASCII characters. The same key with the same request commits once and answers alike.",
	param: { id: "Idempotency-Key" },
});
const retryAfter = z
	.string()
	.meta({ description: "Seconds to wait before trying again.", header: { id: "Retry-After" } });

/** Request headers: the request id always; the bookmark on tenant routes; the idempotency key on board writes. */
export function requestHeaders(options: { tenant: boolean; idempotent: boolean }): z.ZodObject {
	return z.object({
		"x-request-id": givenRequestId,
		...(options.tenant ? { "x-d1-bookmark": givenBookmark } : {}),
		...(options.idempotent ? { "Idempotency-Key": idempotencyKey } : {}),
	});
}

/** Response headers: the request id always; the bookmark on tenant answers; Retry-After when told to wait. */
export function responseHeaders(options: { tenant?: boolean; retryAfter?: boolean; extra?: z.ZodObject }): z.ZodObject {
	return z.object({
		"x-request-id": requestId,
		...(options.tenant ? { "x-d1-bookmark": bookmark } : {}),
		...(options.retryAfter ? { "Retry-After": retryAfter } : {}),
		...options.extra?.shape,
	});
}

export function json(schema: z.ZodType): ZodOpenApiContentObject {
	return { "application/json": { schema } };
}

/** Bytes of a given type (a file, an archive). */
export function bytes(type: string): ZodOpenApiContentObject {
	return { [type]: { schema: { type: "string", format: "binary" } } };
}

export const csv: ZodOpenApiContentObject = { "text/csv": { schema: { type: "string" } } };

/** `?format=csv`: the same answer as a CSV file. */
export const formatQuery = z.object({ format: z.enum(["json", "csv"]).default("json") });

export { retryAfter };
