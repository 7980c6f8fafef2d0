import { describe, expect, it } from "vitest";
import type { Member } from "../../shared/api";
import { addMember, call, createTenant, signIn, tenantWithBoard } from "../helpers/api";

const changeRole = (slug: string, userId: string, role: string, token: string) =>
	call(`/api/t/${slug}/members/${userId}`, { method: "PATCH", json: { role }, token });

async function members(slug: string, token: string): Promise<Member[]> {
	return ((await (await call(`/api/t/${slug}/members`, { token })).json()) as { members: Member[] }).members;
}

async function roleOf(slug: string, token: string, userId: string): Promise<string | undefined> {
	return (await members(slug, token)).find((m) => m.id === userId)?.role;
}

/** A tenant with two owners, both signed in. */
async function twoOwners() {
	const tenant = await createTenant();
	const slug = tenant.slug;
	await addMember(slug, `ann@${slug}.test`, "owner");
	await addMember(slug, `ben@${slug}.test`, "owner");
	return { slug, ann: await signIn(slug, `ann@${slug}.test`), ben: await signIn(slug, `ben@${slug}.test`) };
}

describe("changing a member's role", () => {
	it("an owner promotes a member to admin: the answer and the members list say so", async () => {
		const { slug, token } = await tenantWithBoard();
		const bob = await addMember(slug, `bob@${slug}.test`, "member");
		const res = await changeRole(slug, bob.id, "admin", token);
		expect(res.status).toBe(200);
		expect(await res.json()).toMatchObject({ id: bob.id, email: bob.email, role: "admin" });
		expect(await roleOf(slug, token, bob.id)).toBe("admin");
	});

	it("the new role holds at once: a member made a viewer can no longer write", async () => {
		const { slug, token, ownerToken } = await tenantWithBoard("member");
		const me = (await (await call(`/api/t/${slug}/me`, { token })).json()) as { user: { id: string } };
		expect((await changeRole(slug, me.user.id, "viewer", ownerToken)).status).toBe(200);
		const write = await call(`/api/t/${slug}/boards`, { method: "POST", json: { title: "Nope" }, token });
		expect(write.status).toBe(403);
	});

	it("an owner makes someone else an owner, who may then make the first one an admin", async () => {
		const { slug, token } = await tenantWithBoard();
		const carol = await addMember(slug, `carol@${slug}.test`, "member");
		expect((await changeRole(slug, carol.id, "owner", token)).status).toBe(200);
		const carolSession = await signIn(slug, `carol@${slug}.test`);
		const first = (await members(slug, token)).find((m) => m.email === `owner@${slug}.test`);
		const res = await changeRole(slug, first?.id ?? "", "admin", carolSession.token);
		expect(res.status).toBe(200);
		expect(await roleOf(slug, token, first?.id ?? "")).toBe("admin");
	});

	it("an admin manages members, viewers and admins, but never makes or unmakes an owner", async () => {
		const { slug, token, owner } = await tenantWithBoard("admin");
		const dave = await addMember(slug, `dave@${slug}.test`, "viewer");
		const erin = await addMember(slug, `erin@${slug}.test`, "admin");
		expect((await changeRole(slug, dave.id, "member", token)).status).toBe(200);
		expect((await changeRole(slug, dave.id, "admin", token)).status).toBe(200);
		expect((await changeRole(slug, erin.id, "viewer", token)).status).toBe(200);
		const promote = await changeRole(slug, dave.id, "owner", token);
		expect(promote.status).toBe(403);
		expect(await promote.json()).toMatchObject({ error: { code: "forbidden" } });
		expect((await changeRole(slug, owner?.id ?? "", "member", token)).status).toBe(403);
		expect(await roleOf(slug, token, dave.id)).toBe("admin");
		expect(await roleOf(slug, token, owner?.id ?? "")).toBe("owner");
	});

	it("members and viewers change nobody's role, not even their own", async () => {
		const { slug, token } = await tenantWithBoard("member");
		const me = (await (await call(`/api/t/${slug}/me`, { token })).json()) as { user: { id: string } };
		const vera = await addMember(slug, `vera@${slug}.test`, "viewer");
		expect((await changeRole(slug, vera.id, "member", token)).status).toBe(403);
		expect((await changeRole(slug, me.user.id, "admin", token)).status).toBe(403);
		const viewer = await signIn(slug, `vera@${slug}.test`);
		expect((await changeRole(slug, vera.id, "member", viewer.token)).status).toBe(403);
	});

	it("the last owner stays an owner, even when they ask to step down themselves", async () => {
		const { slug, token } = await tenantWithBoard();
		const me = (await (await call(`/api/t/${slug}/me`, { token })).json()) as { user: { id: string } };
		const res = await changeRole(slug, me.user.id, "admin", token);
		expect(res.status).toBe(409);
		expect(await res.json()).toMatchObject({ error: { code: "last_owner" } });
		expect(await roleOf(slug, token, me.user.id)).toBe("owner");
	});

	it("two owners stepping down at once: one does, the other stays the last owner", async () => {
		const { slug, ann, ben } = await twoOwners();
		const results = await Promise.all([
			changeRole(slug, ann.user.id, "member", ann.token),
			changeRole(slug, ben.user.id, "member", ben.token),
		]);
		expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
		const owners = (await members(slug, ann.token)).filter((m) => m.role === "owner");
		expect(owners).toHaveLength(1);
	});

	it("two owners demoting each other at once: exactly one owner is left", async () => {
		const { slug, ann, ben } = await twoOwners();
		const results = await Promise.all([
			changeRole(slug, ben.user.id, "admin", ann.token),
			changeRole(slug, ann.user.id, "admin", ben.token),
		]);
		const statuses = results.map((r) => r.status).sort();
		expect(statuses[0]).toBe(200);
		expect([403, 409]).toContain(statuses[1]);
		const owners = (await members(slug, ann.token)).filter((m) => m.role === "owner");
		expect(owners).toHaveLength(1);
	});

	it("a role that does not exist is refused with 422 and changes nothing", async () => {
		const { slug, token } = await tenantWithBoard();
		const bob = await addMember(slug, `bob@${slug}.test`, "member");
		const res = await changeRole(slug, bob.id, "superuser", token);
		expect(res.status).toBe(422);
		expect(await res.json()).toMatchObject({ error: { code: "validation_failed" } });
		const empty = await call(`/api/t/${slug}/members/${bob.id}`, { method: "PATCH", json: {}, token });
		expect(empty.status).toBe(422);
		expect(await roleOf(slug, token, bob.id)).toBe("member");
	});

	it("an unknown member, or one of another tenant, answers 404", async () => {
		const a = await tenantWithBoard();
		const b = await tenantWithBoard();
		const bob = await addMember(b.slug, `bob@${b.slug}.test`, "member");
		expect((await changeRole(a.slug, "u_nobody", "admin", a.token)).status).toBe(404);
		expect((await changeRole(a.slug, bob.id, "admin", a.token)).status).toBe(404);
		expect((await changeRole(b.slug, bob.id, "admin", a.token)).status).toBe(404);
		expect(await roleOf(b.slug, b.token, bob.id)).toBe("member");
	});
});
