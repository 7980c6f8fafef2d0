// From a URL's slug to the tenant's API. In the Durable Object design that is the tenant's object,
// named by the slug, so no lookup sits on the hot path (an unprovisioned object answers not_found
// and writes nothing). In the D1 design it is the same TenantService run here in the Worker, over
// a D1 session that starts from the bookmark the client carries, so it reads its own writes.
import type { IRequest } from "itty-router";
import type { Credential } from "../objects/domain/members";
import type { TenantService } from "../objects/domain/tenant-service";
import type { Woke } from "../objects/tenant/tenant";
import { slugSchema, type TenantSlug } from "../shared/tenant";
import { credentialFor } from "./auth";
import { d1Of, relayOf } from "./d1/bindings";
import { d1Tenant, flushLater } from "./d1/tenant";
import { HttpError } from "./http";
import { noteObject } from "./request-log";
import { withHeaders } from "./response-headers";
import { admitCaller } from "./tenant-gate";

/** The client's D1 bookmark, sent with each request and answered with the newer one. */
export const BOOKMARK_HEADER = "x-d1-bookmark";

/** The tenant's API: the Tenant object's RPC methods, which are TenantService's. */
export type TenantApi = Pick<
	TenantService,
	| "provision"
	| "describe"
	| "update"
	| "destroy"
	| "addMember"
	| "markDeleting"
	| "purge"
	| "exportArchive"
	| "importArchive"
	| "exportAccess"
	| "operatorUsage"
	| "operatorInvoices"
	| "signIn"
	| "signOut"
	| "me"
	| "updateProfile"
	| "changePassword"
	| "listMembers"
	| "changeRole"
	| "removeMember"
	| "createInvite"
	| "listInvites"
	| "revokeInvite"
	| "previewInvite"
	| "acceptInvite"
	| "renameWorkspace"
	| "createApiKey"
	| "revokeApiKey"
	| "listApiKeys"
	| "listBoards"
	| "createBoard"
	| "getBoardJson"
	| "setBoardArchived"
	| "archivedBoards"
	| "boardArchive"
	| "search"
	| "getCard"
	| "activity"
	| "cardBoard"
	| "apply"
	| "beginUpload"
	| "uploadPartTarget"
	| "recordUploadPart"
	| "uploadStatus"
	| "completeUpload"
	| "abortUpload"
	| "attachmentForDownload"
	| "deleteAttachment"
	| "recordDownload"
	| "usage"
	| "invoices"
>;

export function parseSlug(value: string | undefined): TenantSlug {
	const parsed = slugSchema.safeParse(value ?? "");
	if (!parsed.success)
		throw new HttpError("invalid_slug", parsed.error.issues[0]?.message ?? "That is not a workspace address.");
	return parsed.data;
}

/** What one request opened of the D1 design: its session, and the tenants it asked for. */
interface D1Request {
	session: D1DatabaseSession;
	tenants: Map<string, ReturnType<typeof d1Tenant>>;
}
const d1Requests = new WeakMap<Request, D1Request>();

export function tenantStub(request: Request, env: Env, ctx: ExecutionContext, slug: TenantSlug): TenantApi {
	// The Tenant class forwards each of these methods to its TenantService, and everything that
	// crosses RPC is plain data; the stub's generated type only dresses the same calls differently.
	if (env.VARIANT !== "d1") return reportingWakes(request, env.Tenant.getByName(slug) as unknown as TenantApi);
	let state = d1Requests.get(request);
	if (!state) {
		state = {
			session: d1Of(env).withSession(request.headers.get(BOOKMARK_HEADER) ?? "first-unconstrained"),
			tenants: new Map(),
		};
		d1Requests.set(request, state);
	}
	let tenant = state.tenants.get(slug);
	if (!tenant) {
		tenant = d1Tenant(env, (promise) => ctx.waitUntil(promise), slug, { d1: state.session, flushAfterMs: null });
		state.tenants.set(slug, tenant);
	}
	return tenant.service;
}

/**
 * The tenant object's stub, telling the request's log line whether each call reached an object
 * that was awake or had to wake one (the first answer after a wake says so, see Tenant#answer).
 */
function reportingWakes(request: Request, stub: TenantApi): TenantApi {
	return new Proxy(stub, {
		get(target, name) {
			const method: unknown = Reflect.get(target, name);
			if (typeof method !== "function") return method;
			return async (...args: unknown[]) => {
				// (Reflect.apply, because `method.apply` on an RPC stub would be a call to a method "apply".)
				const answer: unknown = await Reflect.apply(method, target, args);
				noteObject(request, (answer as Woke | undefined)?.woke === true);
				return answer;
			};
		},
	});
}

/**
 * The tenant's API for a fleet job, which has no request: the Tenant object, or in the D1 design a
 * TenantService over the database itself (the primary: a job must see every committed write).
 */
export function jobTenant(env: Env, ctx: ExecutionContext, slug: string): TenantApi {
	if (env.VARIANT !== "d1") return env.Tenant.getByName(slug) as unknown as TenantApi;
	return d1Tenant(env, (promise) => ctx.waitUntil(promise), slug, { d1: d1Of(env), flushAfterMs: null }).service;
}

/** The object that holds a tenant's sockets: its Tenant object, or its relay in the D1 design. */
export function socketServer(env: Env, slug: TenantSlug): Fetcher {
	return env.VARIANT === "d1" ? relayOf(env, slug) : env.Tenant.getByName(slug);
}

/**
 * The D1 design's last step of every request: usage counts are written off the response's path
 * (the Worker keeps nothing for later), and the session's newest bookmark goes back to the client.
 */
export function finishD1Request(response: Response, request: Request, _env: Env, ctx: ExecutionContext): Response {
	const state = d1Requests.get(request);
	if (!state || response.status === 101 || response.webSocket) return response;
	for (const { meter } of state.tenants.values()) flushLater(meter, (promise) => ctx.waitUntil(promise));
	const bookmark = state.session.getBookmark();
	if (!bookmark) return response;
	return withHeaders(response, (headers) => headers.set(BOOKMARK_HEADER, bookmark));
}

/** Who is calling a tenant route, and the tenant's API. */
export interface Caller {
	slug: TenantSlug;
	credential: Credential;
	stub: TenantApi;
}

/**
 * Resolves the slug and the credential of a tenant route and lets it through the edge's checks;
 * throws 400, 401, 403, 404 or 429 as they fail.
 */
export async function callerOf(request: IRequest, env: Env, ctx: ExecutionContext): Promise<Caller> {
	const slug = parseSlug(request.params.slug);
	const credential = await credentialFor(request, env, slug);
	await admitCaller(request, env, ctx, slug, credential);
	return { slug, credential, stub: tenantStub(request, env, ctx, slug) };
}
