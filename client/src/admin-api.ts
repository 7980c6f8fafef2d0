// The operator's API calls: the same fetch wrapper with the admin token, kept for this browser tab only.
import { type Member, type NewMember, paths, type Tenant, type TenantUpdate } from "../../shared/api";
import type { AuditPage, Rollout, TenantExport } from "../../shared/fleet";
import type { Plan } from "../../shared/tenant";
import { request, toApiError } from "./api";

const TOKEN_KEY = "boardroom:admin-token";

/** sessionStorage, not localStorage: the token is powerful, so it leaves with the tab. */
export function readAdminToken(): string | null {
	return sessionStorage.getItem(TOKEN_KEY);
}

export function saveAdminToken(token: string | null): void {
	if (token) sessionStorage.setItem(TOKEN_KEY, token);
	else sessionStorage.removeItem(TOKEN_KEY);
}

function adminRequest<T>(url: string, method = "GET", body?: unknown, token = readAdminToken()): Promise<T> {
	return request<T>(url, { method, body, headers: { Authorization: `Bearer ${token ?? ""}` } });
}

/** Resolves if the server accepts `token` (the smallest admin read there is); throws ApiError otherwise. */
export async function checkAdminToken(token: string): Promise<void> {
	await adminRequest(`${paths.adminTenants()}?limit=1`, "GET", undefined, token);
}

export const adminApi = {
	listTenants: (cursor: string | null, limit = 25) => {
		const query = new URLSearchParams({ limit: String(limit) });
		if (cursor) query.set("cursor", cursor);
		return adminRequest<{ tenants: Tenant[]; cursor: string | null }>(`${paths.adminTenants()}?${query}`);
	},
	createTenant: (slug: string, name: string, plan: Plan) =>
		adminRequest<Tenant>(paths.adminTenants(), "POST", { slug, name, plan }),
	getTenant: (slug: string) => adminRequest<Tenant>(paths.adminTenant(slug)),
	updateTenant: (slug: string, update: TenantUpdate) => adminRequest<Tenant>(paths.adminTenant(slug), "PATCH", update),
	deleteTenant: (slug: string) => adminRequest<void>(paths.adminTenant(slug), "DELETE"),
	addMember: (slug: string, member: NewMember) => adminRequest<Member>(paths.adminMembers(slug), "POST", member),
	startRollout: () => adminRequest<{ id: string }>(paths.rollouts(), "POST"),
	rollout: (id: string) => adminRequest<Rollout>(paths.rollout(id)),
	audit: (cursor: string | null) => adminRequest<AuditPage>(paths.audit(cursor)),
	startExport: (slug: string) => adminRequest<{ id: string }>(paths.adminExports(slug), "POST"),
	/** Sent with Accept: application/json (every request here is), so it is the status, never the archive. */
	exportStatus: (slug: string, id: string) => adminRequest<TenantExport>(paths.adminExport(slug, id)),
	importTenant: (slug: string, name: string, plan: Plan, exportId: string) =>
		adminRequest<Tenant>(paths.adminTenants(), "POST", { slug, name, plan, importFrom: exportId }),
	/** The archive's bytes: fetched with the token (a plain link could not send it), then saved by the browser. */
	async downloadExport(slug: string, id: string): Promise<Blob> {
		const response = await fetch(paths.adminExport(slug, id), {
			headers: { Authorization: `Bearer ${readAdminToken() ?? ""}`, Accept: "application/gzip" },
		});
		if (!response.ok) throw await toApiError(response);
		return response.blob();
	},
};
