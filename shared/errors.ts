// Error codes of the HTTP and WebSocket contract, the status each one maps to, and the error body.
import { z } from "zod";

export const ERROR_STATUS = {
	bad_request: 400,
	invalid_json: 400,
	invalid_slug: 400,
	validation_failed: 422,
	unauthenticated: 401,
	forbidden: 403,
	/** A change that needs the member's current password was sent with another one. */
	wrong_password: 403,
	/** The tenant's plan does not allow more of this (boards, members). */
	plan_limit: 403,
	tenant_suspended: 403,
	/** A cookie-authenticated write that did not come from this site's own pages (CSRF). */
	origin_not_allowed: 403,
	not_found: 404,
	/** An invite link that was used already, revoked, or let expire: it will never work again. */
	invite_used: 410,
	invite_revoked: 410,
	invite_expired: 410,
	method_not_allowed: 405,
	conflict: 409,
	length_required: 411,
	slug_taken: 409,
	version_conflict: 409,
	/** An idempotency key (operation id) reused for a different request. */
	idempotency_key_reused: 422,
	/** Removing (or demoting) the last owner would leave a tenant nobody can manage. */
	last_owner: 409,
	/** The tenant is being deleted: nothing but its purge may change it now. */
	tenant_deleting: 409,
	/** An export that failed (or is not finished) has no archive to give. */
	export_not_ready: 409,
	payload_too_large: 413,
	unsupported_media_type: 415,
	range_not_satisfiable: 416,
	rate_limited: 429,
	overloaded: 503,
	internal: 500,
	/** The runtime cannot do this here (point-in-time restore in local development, or in the D1 design). */
	not_implemented: 501,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** What a member of a suspended tenant is told, by the edge or by the tenant itself. */
export const SUSPENDED_MESSAGE = "This workspace is suspended. Ask its owner to contact support.";

/** What a link that names no pending invite of this workspace gets: the same words wherever it is found out. */
export const INVALID_INVITE_MESSAGE = "This invite link is not valid. Ask whoever invited you for a new one.";
/** What a link past its expiry gets, whether its token or its row says so. */
export const EXPIRED_INVITE_MESSAGE = "This invite has expired. Ask whoever invited you for a new one.";

/** The body of every error response: `{"error":{"code","message"}}`. */
export const errorBodySchema = z
	.object({
		error: z.object({
			code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
			message: z.string().meta({ description: "For people: what went wrong and what to do." }),
			details: z.unknown().optional().meta({ description: "More for programs, such as the failed fields." }),
		}),
	})
	.meta({ id: "ErrorBody", description: "Every error, whatever the status." });
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** Outcome of an operation across the Worker→object RPC boundary, where thrown errors lose their class. */
export type Result<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; message: string; details?: unknown };

export function ok<T>(value: T): Result<T> {
	return { ok: true, value };
}

export function fail(
	code: ErrorCode,
	message: string,
	details?: unknown,
): { ok: false; code: ErrorCode; message: string; details?: unknown } {
	return details === undefined ? { ok: false, code, message } : { ok: false, code, message, details };
}
