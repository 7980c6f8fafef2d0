// Size limits enforced at the edge and in the objects.

/** Largest JSON request body the API accepts. */
export const MAX_JSON_BYTES = 64 * 1024;
/** Largest WebSocket frame the tenant object accepts; larger frames close with 1009. */
export const MAX_FRAME_BYTES = 64 * 1024;
export const MAX_TITLE_LENGTH = 200;
export const MAX_TEXT_LENGTH = 10_000;
/** Size of each part of a multipart upload (the last may be smaller). R2 needs >= 5 MiB. */
export const UPLOAD_PART_BYTES = 10 * 1024 * 1024;
/** Largest single-request attachment upload: a Worker request body is capped at 100 MB. */
export const MAX_SINGLE_UPLOAD_BYTES = 95 * 1024 * 1024;
/** How long a session lasts. */
export const SESSION_TTL_SECONDS = 7 * 24 * 3600;
/** How long a WebSocket ticket is valid. */
export const WS_TICKET_TTL_SECONDS = 60;
/** How long an invite link works (it also stops working once used or revoked). */
export const INVITE_TTL_SECONDS = 7 * 24 * 3600;
