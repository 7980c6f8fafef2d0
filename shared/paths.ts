// URL paths of the HTTP contract: the client builds URLs only through these. Kept apart from the
// schemas in api.ts so that a page which only calls the API does not load zod with it.
import type { Granularity } from "./billing";

/** The query of the billing routes; only the fields given go into the URL (the server has defaults). */
export interface BillingParams {
	from?: string;
	to?: string;
	granularity?: Granularity;
	format?: "json" | "csv";
}

const t = (slug: string) => `/api/t/${encodeURIComponent(slug)}`;
const adminTenant = (slug: string) => `/api/admin/tenants/${encodeURIComponent(slug)}`;

function query(params: BillingParams): string {
	const entries = Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined);
	return entries.length > 0 ? `?${new URLSearchParams(entries)}` : "";
}

export const paths = {
	health: () => "/api/health",
	/** The whole contract as OpenAPI 3.1 (worker/openapi/), which the /docs page renders. */
	openApi: () => "/api/openapi.json",
	/** DELETE with `everywhere` ends every session of the member, not only this one. */
	session: (slug: string, { everywhere = false }: { everywhere?: boolean } = {}) =>
		`${t(slug)}/session${everywhere ? "?everywhere=1" : ""}`,
	me: (slug: string) => `${t(slug)}/me`,
	password: (slug: string) => `${t(slug)}/me/password`,
	settings: (slug: string) => `${t(slug)}/settings`,
	wsTicket: (slug: string) => `${t(slug)}/ws-ticket`,
	socket: (slug: string) => `${t(slug)}/ws`,
	boards: (slug: string) => `${t(slug)}/boards`,
	archivedBoards: (slug: string) => `${t(slug)}/boards?archived=true`,
	board: (slug: string, boardId: string) => `${t(slug)}/boards/${boardId}`,
	boardArchive: (slug: string, boardId: string) => `${t(slug)}/boards/${boardId}/archive`,
	lists: (slug: string, boardId: string) => `${t(slug)}/boards/${boardId}/lists`,
	cards: (slug: string, boardId: string) => `${t(slug)}/boards/${boardId}/cards`,
	activity: (slug: string, boardId: string) => `${t(slug)}/boards/${boardId}/activity`,
	card: (slug: string, cardId: string) => `${t(slug)}/cards/${cardId}`,
	comments: (slug: string, cardId: string) => `${t(slug)}/cards/${cardId}/comments`,
	comment: (slug: string, cardId: string, commentId: string) => `${t(slug)}/cards/${cardId}/comments/${commentId}`,
	attachments: (slug: string, cardId: string) => `${t(slug)}/cards/${cardId}/attachments`,
	uploads: (slug: string, cardId: string) => `${t(slug)}/cards/${cardId}/uploads`,
	upload: (slug: string, uploadId: string) => `${t(slug)}/uploads/${uploadId}`,
	uploadPart: (slug: string, uploadId: string, part: number) => `${t(slug)}/uploads/${uploadId}/parts/${part}`,
	uploadComplete: (slug: string, uploadId: string) => `${t(slug)}/uploads/${uploadId}/complete`,
	attachment: (slug: string, attachmentId: string) => `${t(slug)}/attachments/${attachmentId}`,
	search: (slug: string, q: string) => `${t(slug)}/search?${new URLSearchParams({ q })}`,
	members: (slug: string) => `${t(slug)}/members`,
	member: (slug: string, userId: string) => `${t(slug)}/members/${userId}`,
	invites: (slug: string) => `${t(slug)}/invites`,
	/** A pending invite, by id: DELETE revokes it (owners and admins). */
	invite: (slug: string, inviteId: string) => `${t(slug)}/invites/${inviteId}`,
	/** An invite, by the signed token in its link: GET shows it to the invitee, who needs no account. */
	inviteByToken: (slug: string, token: string) => `${t(slug)}/invites/${encodeURIComponent(token)}`,
	inviteAccept: (slug: string, token: string) => `${t(slug)}/invites/${encodeURIComponent(token)}/accept`,
	apiKeys: (slug: string) => `${t(slug)}/api-keys`,
	apiKey: (slug: string, keyId: string) => `${t(slug)}/api-keys/${keyId}`,
	billingUsage: (slug: string, params: BillingParams = {}) => `${t(slug)}/billing/usage${query(params)}`,
	billingInvoices: (slug: string, params: Pick<BillingParams, "format"> = {}) =>
		`${t(slug)}/billing/invoices${query(params)}`,
	adminTenants: () => "/api/admin/tenants",
	adminTenant,
	adminMembers: (slug: string) => `${adminTenant(slug)}/members`,
	adminUsage: (params: BillingParams = {}) => `/api/admin/usage${query(params)}`,
	adminBillingUsage: (slug: string, params: BillingParams = {}) => `${adminTenant(slug)}/billing/usage${query(params)}`,
	adminBillingInvoices: (slug: string, params: Pick<BillingParams, "format"> = {}) =>
		`${adminTenant(slug)}/billing/invoices${query(params)}`,
	adminAdjustments: (slug: string) => `${adminTenant(slug)}/billing/adjustments`,
	adminExports: (slug: string) => `${adminTenant(slug)}/exports`,
	adminExport: (slug: string, exportId: string) => `${adminTenant(slug)}/exports/${exportId}`,
	adminRestore: (slug: string) => `${adminTenant(slug)}/restore`,
	rollouts: () => "/api/admin/rollouts",
	rollout: (id: string) => `/api/admin/rollouts/${id}`,
	audit: (cursor: string | null = null) => `/api/admin/audit${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ""}`,
	/** An export of the tenant, downloaded by one of its owners. */
	tenantExport: (slug: string, exportId: string) => `${t(slug)}/exports/${exportId}`,
};

/** Client pages the server links to (an invite's link is built by the Worker, opened by the client). */
export const pages = {
	invite: (slug: string, token: string) => `/t/${encodeURIComponent(slug)}/invite/${encodeURIComponent(token)}`,
};
