import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import type { Member } from "../../shared/api";
import type { Invite, InviteCreated, InvitePreview } from "../../shared/self-service";
import { addMember, admin, call, createTenant, signIn, tenantWithBoard } from "../helpers/api";
import { deleteAndPurge } from "../helpers/fleet";
import { forgetCaches, objectWasAsleep, tenantSql } from "../helpers/storage";

const PASSWORD = "carol's own password";

async function invite(slug: string, token: string, email: string, role = "member"): Promise<InviteCreated> {
	const res = await call(`/api/t/${slug}/invites`, { method: "POST", json: { email, role }, token });
	if (res.status !== 201) throw new Error(`invite: ${res.status} ${await res.text()}`);
	return res.json();
}

/** The token at the end of an invite's link. */
function tokenOf(created: InviteCreated): string {
	return new URL(created.url).pathname.split("/").at(-1) ?? "";
}

function accept(slug: string, token: string, name = "Carol", password = PASSWORD): Promise<Response> {
	return call(`/api/t/${slug}/invites/${token}/accept`, { method: "POST", json: { name, password } });
}

async function memberEmails(slug: string, token: string): Promise<string[]> {
	const res = await call(`/api/t/${slug}/members`, { token });
	return ((await res.json()) as { members: Member[] }).members.map((m) => m.email);
}

async function pending(slug: string, token: string): Promise<Invite[]> {
	return ((await (await call(`/api/t/${slug}/invites`, { token })).json()) as { invites: Invite[] }).invites;
}

describe("invites", () => {
	it("an owner invites carol; her link shows the invite, and accepting it signs her in as a member", async () => {
		const { slug, token } = await tenantWithBoard();
		const created = await invite(slug, token, ` Carol@${slug}.TEST `);
		expect(created).toMatchObject({ email: `carol@${slug}.test`, role: "member", invitedBy: "owner" });
		expect(created.url).toMatch(new RegExp(`^https://boardroom\\.test/t/${slug}/invite/[\\w-]+\\.[\\w-]+\\.[\\w-]+$`));
		const days = (Date.parse(created.expiresAt) - Date.now()) / 86_400_000;
		expect(days).toBeGreaterThan(6.9);
		expect(days).toBeLessThanOrEqual(7);

		const preview = await call(`/api/t/${slug}/invites/${tokenOf(created)}`);
		expect(preview.status).toBe(200);
		expect((await preview.json()) as InvitePreview).toMatchObject({
			email: `carol@${slug}.test`,
			role: "member",
			invitedBy: "owner",
			workspace: { slug, name: `Tenant ${slug}` },
		});

		const res = await accept(slug, tokenOf(created));
		expect(res.status).toBe(201);
		expect(res.headers.get("set-cookie")).toMatch(/^boardroom_session=/);
		const joined = (await res.json()) as { token: string; user: { name: string; role: string } };
		expect(joined.user).toMatchObject({ name: "Carol", role: "member" });
		const me = await call(`/api/t/${slug}/me`, { token: joined.token });
		expect(await me.json()).toMatchObject({ user: { email: `carol@${slug}.test`, name: "Carol", role: "member" } });
		expect(await memberEmails(slug, token)).toContain(`carol@${slug}.test`);
		expect((await signIn(slug, `carol@${slug}.test`, PASSWORD)).user.name).toBe("Carol");
		expect(await pending(slug, token)).toEqual([]);
	});

	it("a link works once: a second accept fails and makes no one", async () => {
		const { slug, token } = await tenantWithBoard();
		const link = tokenOf(await invite(slug, token, `carol@${slug}.test`));
		expect((await accept(slug, link)).status).toBe(201);
		const again = await accept(slug, link, "Mallory", "another password");
		expect(again.status).toBe(410);
		expect(await again.json()).toMatchObject({ error: { code: "invite_used" } });
		expect((await call(`/api/t/${slug}/invites/${link}`)).status).toBe(410);
		expect((await memberEmails(slug, token)).filter((e) => e === `carol@${slug}.test`)).toHaveLength(1);
		expect((await signIn(slug, `carol@${slug}.test`, PASSWORD)).user.name).toBe("Carol");
	});

	it("two people accepting one link at the same moment make one member", async () => {
		const { slug, token } = await tenantWithBoard();
		const link = tokenOf(await invite(slug, token, `carol@${slug}.test`));
		const results = await Promise.all([accept(slug, link, "Carol"), accept(slug, link, "Eve")]);
		expect(results.map((r) => r.status).sort()).toEqual([201, 410]);
		expect((await memberEmails(slug, token)).filter((e) => e === `carol@${slug}.test`)).toHaveLength(1);
	});

	it("an expired invite fails, whether its row or its token says so", async () => {
		const tenant = await createTenant();
		const slug = tenant.slug;
		await addMember(slug, `owner@${slug}.test`, "owner");
		const { token } = await signIn(slug, `owner@${slug}.test`);
		const created = await invite(slug, token, `carol@${slug}.test`);
		await tenantSql(slug, "UPDATE invites SET expires_at = ? WHERE @tenant AND id = ?", Date.now() - 1000, created.id);
		const byRow = await accept(slug, tokenOf(created));
		expect(byRow.status).toBe(410);
		expect(await byRow.json()).toMatchObject({ error: { code: "invite_expired" } });
		expect(await pending(slug, token)).toEqual([]);

		// A genuine token past its time, for an invite whose row would still let it in.
		const fresh = await invite(slug, token, `dave@${slug}.test`);
		const stale = await new SignJWT({ slug, tid: tenant.id })
			.setProtectedHeader({ alg: "HS256", typ: "JWT" })
			.setIssuer("boardroom")
			.setAudience("boardroom:invite")
			.setSubject(fresh.id)
			.setJti(fresh.id)
			.setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
			.setExpirationTime(Math.floor(Date.now() / 1000) - 60)
			.sign(new TextEncoder().encode("test-session-secret"));
		const byToken = await accept(slug, stale);
		expect(byToken.status).toBe(410);
		expect(await byToken.json()).toMatchObject({ error: { code: "invite_expired" } });
		expect(await memberEmails(slug, token)).not.toContain(`dave@${slug}.test`);
	});

	it("a withdrawn invite fails, and leaves the pending list", async () => {
		const { slug, token } = await tenantWithBoard();
		const created = await invite(slug, token, `carol@${slug}.test`, "viewer");
		expect((await pending(slug, token)).map((i) => i.id)).toEqual([created.id]);
		expect((await call(`/api/t/${slug}/invites/${created.id}`, { method: "DELETE", token })).status).toBe(204);
		const res = await accept(slug, tokenOf(created));
		expect(res.status).toBe(410);
		expect(await res.json()).toMatchObject({ error: { code: "invite_revoked" } });
		expect(await pending(slug, token)).toEqual([]);
		expect((await call(`/api/t/${slug}/invites/${created.id}`, { method: "DELETE", token })).status).toBe(404);
	});

	it("inviting the same email again replaces the earlier link", async () => {
		const { slug, token } = await tenantWithBoard();
		const first = await invite(slug, token, `carol@${slug}.test`, "viewer");
		const second = await invite(slug, token, `carol@${slug}.test`, "member");
		expect((await accept(slug, tokenOf(first))).status).toBe(410);
		const res = await accept(slug, tokenOf(second));
		expect(res.status).toBe(201);
		expect(await res.json()).toMatchObject({ user: { role: "member" } });
	});

	it("accepting respects the plan's member limit", async () => {
		const tenant = await createTenant(undefined, "free");
		const slug = tenant.slug;
		await addMember(slug, `owner@${slug}.test`, "owner");
		const { token } = await signIn(slug, `owner@${slug}.test`);
		for (const name of ["b", "c", "d"]) await addMember(slug, `${name}@${slug}.test`, "member");
		const first = await invite(slug, token, `e@${slug}.test`);
		const second = await invite(slug, token, `f@${slug}.test`);
		expect((await accept(slug, tokenOf(first))).status).toBe(201);
		const over = await accept(slug, tokenOf(second));
		expect(over.status).toBe(403);
		expect(await over.json()).toMatchObject({ error: { code: "plan_limit" } });
		expect(await memberEmails(slug, token)).toHaveLength(5);
		const noRoom = await call(`/api/t/${slug}/invites`, {
			method: "POST",
			json: { email: `g@${slug}.test`, role: "member" },
			token,
		});
		expect(noRoom.status).toBe(403);
		expect(await noRoom.json()).toMatchObject({ error: { code: "plan_limit" } });
	});

	it("roles: owners invite anyone, admins up to admin, members and API keys nobody", async () => {
		const { slug, token, ownerToken } = await tenantWithBoard("admin");
		expect((await invite(slug, ownerToken, `o@${slug}.test`, "owner")).role).toBe("owner");
		expect((await invite(slug, token, `a@${slug}.test`, "admin")).role).toBe("admin");
		const asOwner = await call(`/api/t/${slug}/invites`, {
			method: "POST",
			json: { email: `x@${slug}.test`, role: "owner" },
			token,
		});
		expect(asOwner.status).toBe(403);
		await addMember(slug, `m@${slug}.test`, "member");
		const member = await signIn(slug, `m@${slug}.test`);
		const byMember = await call(`/api/t/${slug}/invites`, {
			method: "POST",
			json: { email: `y@${slug}.test`, role: "viewer" },
			token: member.token,
		});
		expect(byMember.status).toBe(403);
		expect((await call(`/api/t/${slug}/invites`, { token: member.token })).status).toBe(403);
		const key = await call(`/api/t/${slug}/api-keys`, {
			method: "POST",
			json: { name: "CI", role: "admin" },
			token: ownerToken,
		});
		const { key: apiKey } = (await key.json()) as { key: string };
		const byKey = await call(`/api/t/${slug}/invites`, {
			method: "POST",
			json: { email: `z@${slug}.test`, role: "viewer" },
			token: apiKey,
		});
		expect(byKey.status).toBe(403);
	});

	it("an admin cannot withdraw an owner's invitation to be an owner", async () => {
		const { slug, token, ownerToken } = await tenantWithBoard("admin");
		const created = await invite(slug, ownerToken, `o@${slug}.test`, "owner");
		expect((await call(`/api/t/${slug}/invites/${created.id}`, { method: "DELETE", token })).status).toBe(403);
		expect((await accept(slug, tokenOf(created))).status).toBe(201);
	});

	it("an invite grants no more than its inviter still may: an admin's invite dies when they are demoted", async () => {
		const { slug, token, ownerToken } = await tenantWithBoard("admin");
		const created = await invite(slug, token, `carol@${slug}.test`, "admin");
		const me = (await (await call(`/api/t/${slug}/me`, { token })).json()) as { user: { id: string } };
		await call(`/api/t/${slug}/members/${me.user.id}`, {
			method: "PATCH",
			json: { role: "member" },
			token: ownerToken,
		});
		const res = await accept(slug, tokenOf(created));
		expect(res.status).toBe(403);
		expect(await memberEmails(slug, ownerToken)).not.toContain(`carol@${slug}.test`);
	});

	it("someone already a member cannot be invited again", async () => {
		const { slug, token } = await tenantWithBoard();
		await addMember(slug, `bob@${slug}.test`, "member");
		const res = await call(`/api/t/${slug}/invites`, {
			method: "POST",
			json: { email: `bob@${slug}.test`, role: "admin" },
			token,
		});
		expect(res.status).toBe(409);
		expect(await pending(slug, token)).toEqual([]);
	});

	it("bad input gets a clear 422 and changes nothing; the link still works after", async () => {
		const { slug, token } = await tenantWithBoard();
		const badEmail = await call(`/api/t/${slug}/invites`, {
			method: "POST",
			json: { email: "not an email", role: "member" },
			token,
		});
		expect(badEmail.status).toBe(422);
		expect(await badEmail.json()).toMatchObject({ error: { code: "validation_failed", message: /email/ } });
		const badRole = await call(`/api/t/${slug}/invites`, {
			method: "POST",
			json: { email: `c@${slug}.test`, role: "boss" },
			token,
		});
		expect(badRole.status).toBe(422);
		expect(await pending(slug, token)).toEqual([]);
		const link = tokenOf(await invite(slug, token, `carol@${slug}.test`));
		const short = await accept(slug, link, "Carol", "short");
		expect(short.status).toBe(422);
		expect(await short.json()).toMatchObject({ error: { message: /at least 8 characters/ } });
		expect((await accept(slug, link, "   ")).status).toBe(422);
		expect(await memberEmails(slug, token)).not.toContain(`carol@${slug}.test`);
		expect((await accept(slug, link)).status).toBe(201);
	});

	it("a link of one workspace, a forged link or another kind of token answers 404 elsewhere", async () => {
		const a = await tenantWithBoard();
		const b = await tenantWithBoard();
		const created = await invite(a.slug, a.token, `carol@${a.slug}.test`);
		expect((await call(`/api/t/${b.slug}/invites/${tokenOf(created)}`)).status).toBe(404);
		expect((await accept(b.slug, tokenOf(created))).status).toBe(404);
		expect((await call(`/api/t/${b.slug}/invites/${created.id}`, { method: "DELETE", token: b.token })).status).toBe(
			404,
		);
		const [head, body, signature = ""] = tokenOf(created).split(".");
		const forged = `${head}.${body}.${signature.slice(0, -2)}${signature.endsWith("AA") ? "BB" : "AA"}`;
		expect((await accept(a.slug, forged)).status).toBe(404);
		expect((await accept(a.slug, a.token)).status).toBe(404);
		expect((await call(`/api/t/${a.slug}/boards`, { token: tokenOf(created) })).status).toBe(401);
		expect((await call(`/api/t/${a.slug}/invites/nonsense`)).status).toBe(404);
		expect(await memberEmails(b.slug, b.token)).not.toContain(`carol@${a.slug}.test`);
		// The invite of the first workspace is untouched by all that.
		expect((await accept(a.slug, tokenOf(created))).status).toBe(201);
	});

	it("nobody joins a suspended workspace", async () => {
		const { slug, token } = await tenantWithBoard();
		const link = tokenOf(await invite(slug, token, `carol@${slug}.test`));
		await admin(`/api/admin/tenants/${slug}`, { method: "PATCH", json: { status: "suspended" } });
		const res = await accept(slug, link);
		expect(res.status).toBe(403);
		expect(await res.json()).toMatchObject({ error: { code: "tenant_suspended" } });
		await admin(`/api/admin/tenants/${slug}`, { method: "PATCH", json: { status: "active" } });
		expect((await accept(slug, link)).status).toBe(201);
	});

	it("the edge refuses a suspended workspace's link without waking the workspace", async () => {
		const { slug, token } = await tenantWithBoard();
		const link = tokenOf(await invite(slug, token, `carol@${slug}.test`));
		await admin(`/api/admin/tenants/${slug}`, { method: "PATCH", json: { status: "suspended" } });
		await forgetCaches(slug);
		for (const res of [await call(`/api/t/${slug}/invites/${link}`), await accept(slug, link)]) {
			expect(res.status).toBe(403);
			expect(await res.json()).toMatchObject({ error: { code: "tenant_suspended" } });
		}
		expect(await objectWasAsleep(slug)).toBe(true);
	});

	it("a link of a deleted workspace is refused, and so is the link once its slug is taken again", async () => {
		const { slug, token } = await tenantWithBoard();
		const link = tokenOf(await invite(slug, token, `carol@${slug}.test`));
		await deleteAndPurge(slug);
		expect((await accept(slug, link)).status).toBe(404);
		await createTenant(slug);
		const res = await accept(slug, link);
		expect(res.status).toBe(404);
		expect(await res.json()).toMatchObject({ error: { code: "not_found" } });
	});
});
