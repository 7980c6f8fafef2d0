// Helpers for tests inside workerd: call the real Worker entry, make tenants and members,
// sign in. Every test makes its own tenant, so tests never share state.
import { exports } from "cloudflare:workers";
import type { Board, BoardDetail, Member, Tenant, User } from "../../shared/api";
import type { Role } from "../../shared/tenant";

export const ADMIN_TOKEN = "test-admin-token";
const ORIGIN = "https://boardroom.test";

/** Calls the Worker as a client would. */
export function call(path: string, init: RequestInit & { json?: unknown; token?: string } = {}): Promise<Response> {
	const headers = new Headers(init.headers);
	if (init.json !== undefined) headers.set("content-type", "application/json");
	if (init.token) headers.set("authorization", `Bearer ${init.token}`);
	const body = init.json !== undefined ? JSON.stringify(init.json) : init.body;
	return exports.default.fetch(new Request(`${ORIGIN}${path}`, { ...init, headers, body }));
}

export function admin(path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
	return call(path, { ...init, token: ADMIN_TOKEN });
}

let counter = 0;
/** A slug no other test uses. */
export function uniqueSlug(prefix = "t"): string {
	counter += 1;
	return `${prefix}-${Date.now().toString(36)}-${counter}-${Math.floor(Math.random() * 1e6).toString(36)}`;
}

export async function createTenant(slug = uniqueSlug(), plan = "team"): Promise<Tenant> {
	const res = await admin("/api/admin/tenants", { method: "POST", json: { slug, name: `Tenant ${slug}`, plan } });
	if (res.status !== 201) throw new Error(`createTenant ${slug}: ${res.status} ${await res.text()}`);
	return res.json();
}

export async function addMember(
	slug: string,
	email: string,
	role: Role,
	password = "correct horse battery",
): Promise<Member> {
	const res = await admin(`/api/admin/tenants/${slug}/members`, { method: "POST", json: { email, password, role } });
	if (res.status !== 201) throw new Error(`addMember ${email}: ${res.status} ${await res.text()}`);
	return res.json();
}

export async function signIn(
	slug: string,
	email: string,
	password = "correct horse battery",
): Promise<{ token: string; user: User }> {
	const res = await call(`/api/t/${slug}/session`, { method: "POST", json: { email, password } });
	if (res.status !== 200) throw new Error(`signIn ${email}: ${res.status} ${await res.text()}`);
	return res.json();
}

/** A tenant with an owner signed in and one board: the usual starting point. */
export async function tenantWithBoard(role: Role = "owner") {
	const tenant = await createTenant();
	const email = `${role}@${tenant.slug}.test`;
	await addMember(tenant.slug, email, role === "owner" ? "owner" : role);
	const owner = role === "owner" ? undefined : await addMember(tenant.slug, `owner@${tenant.slug}.test`, "owner");
	const session = await signIn(tenant.slug, role === "owner" ? email : `owner@${tenant.slug}.test`);
	const res = await call(`/api/t/${tenant.slug}/boards`, {
		method: "POST",
		json: { title: "Launch" },
		token: session.token,
	});
	const board = (await res.json()) as Board;
	const detail = (await (
		await call(`/api/t/${tenant.slug}/boards/${board.id}`, { token: session.token })
	).json()) as BoardDetail;
	const me = role === "owner" ? session : await signIn(tenant.slug, email);
	return { tenant, slug: tenant.slug, token: me.token, ownerToken: session.token, board: detail, owner };
}
