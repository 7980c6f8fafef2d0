import { describe, expect, it } from "vitest";
import type { Me, Tenant } from "../../shared/api";
import { admin, call, tenantWithBoard } from "../helpers/api";

const rename = (slug: string, name: unknown, token: string) =>
	call(`/api/t/${slug}/settings`, { method: "PATCH", json: { name }, token });

async function operatorListing(slug: string): Promise<Tenant | undefined> {
	let cursor: string | null = null;
	do {
		const res = await admin(`/api/admin/tenants?limit=200${cursor ? `&cursor=${cursor}` : ""}`);
		const page = (await res.json()) as { tenants: Tenant[]; cursor: string | null };
		const found = page.tenants.find((t) => t.slug === slug);
		if (found) return found;
		cursor = page.cursor;
	} while (cursor);
	return undefined;
}

describe("a workspace's settings", () => {
	it("an owner renames the workspace: members and the operator see the new name", async () => {
		const { slug, token } = await tenantWithBoard();
		const res = await rename(slug, "  Acme Rockets ", token);
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ slug, name: "Acme Rockets", plan: "team", status: "active" });
		const me = (await (await call(`/api/t/${slug}/me`, { token })).json()) as Me;
		expect(me.tenant.name).toBe("Acme Rockets");
		expect(((await (await admin(`/api/admin/tenants/${slug}`)).json()) as Tenant).name).toBe("Acme Rockets");
		expect((await operatorListing(slug))?.name).toBe("Acme Rockets");
	});

	it("an admin may rename it; members and viewers may not", async () => {
		const admins = await tenantWithBoard("admin");
		expect((await rename(admins.slug, "By the admin", admins.token)).status).toBe(200);
		const members = await tenantWithBoard("member");
		const refused = await rename(members.slug, "By a member", members.token);
		expect(refused.status).toBe(403);
		expect(await refused.json()).toMatchObject({ error: { code: "forbidden" } });
		const viewers = await tenantWithBoard("viewer");
		expect((await rename(viewers.slug, "By a viewer", viewers.token)).status).toBe(403);
		const me = (await (await call(`/api/t/${members.slug}/me`, { token: members.token })).json()) as Me;
		expect(me.tenant.name).toBe(`Tenant ${members.slug}`);
	});

	it("an empty name is refused and the old one stays", async () => {
		const { slug, token } = await tenantWithBoard();
		const res = await rename(slug, " ", token);
		expect(res.status).toBe(422);
		expect(await res.json()).toMatchObject({ error: { code: "validation_failed", message: /name/i } });
		expect((await rename(slug, "x".repeat(201), token)).status).toBe(422);
		const me = (await (await call(`/api/t/${slug}/me`, { token })).json()) as Me;
		expect(me.tenant.name).toBe(`Tenant ${slug}`);
	});

	it("another workspace's owner cannot rename this one", async () => {
		const a = await tenantWithBoard();
		const b = await tenantWithBoard();
		expect((await rename(b.slug, "Taken over", a.token)).status).toBe(404);
		const me = (await (await call(`/api/t/${b.slug}/me`, { token: b.token })).json()) as Me;
		expect(me.tenant.name).toBe(`Tenant ${b.slug}`);
	});
});
