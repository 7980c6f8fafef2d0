import { describe, expect, it } from "vitest";
import type { Member } from "../../shared/api";
import { addMember, call, signIn, tenantWithBoard } from "../helpers/api";
import { closeCode, liveSocket } from "../helpers/credentials";

const remove = (slug: string, userId: string, token: string) =>
	call(`/api/t/${slug}/members/${userId}`, { method: "DELETE", token });

describe("removing members", () => {
	it("an owner removes a member: their sessions end and their sockets close", async () => {
		const { slug, token, board } = await tenantWithBoard();
		const bob = await addMember(slug, `bob@${slug}.test`, "member");
		const session = await signIn(slug, `bob@${slug}.test`);
		const socket = await liveSocket(slug, board.id, session.token);
		expect((await remove(slug, bob.id, token)).status).toBe(204);
		expect((await call(`/api/t/${slug}/boards`, { token: session.token })).status).toBe(401);
		expect(await closeCode(socket)).toBe(4401);
		const { members } = (await (await call(`/api/t/${slug}/members`, { token })).json()) as { members: Member[] };
		expect(members.map((m) => m.email)).not.toContain(`bob@${slug}.test`);
		const again = await call(`/api/t/${slug}/session`, {
			method: "POST",
			json: { email: `bob@${slug}.test`, password: "correct horse battery" },
		});
		expect(again.status).toBe(401);
	});

	it("an admin removes a member, but not an owner", async () => {
		const { slug, token, ownerToken, owner } = await tenantWithBoard("admin");
		const carol = await addMember(slug, `carol@${slug}.test`, "viewer");
		expect((await remove(slug, carol.id, token)).status).toBe(204);
		const refused = await remove(slug, owner?.id ?? "", token);
		expect(refused.status).toBe(403);
		expect((await call(`/api/t/${slug}/boards`, { token: ownerToken })).status).toBe(200);
	});

	it("members and viewers cannot remove anyone", async () => {
		const { slug, token, owner } = await tenantWithBoard("member");
		const dave = await addMember(slug, `dave@${slug}.test`, "viewer");
		expect((await remove(slug, dave.id, token)).status).toBe(403);
		expect((await remove(slug, owner?.id ?? "", token)).status).toBe(403);
	});

	it("the last owner can never be removed, not even by themselves", async () => {
		const { slug, token } = await tenantWithBoard();
		const me = (await (await call(`/api/t/${slug}/me`, { token })).json()) as { user: { id: string } };
		const res = await remove(slug, me.user.id, token);
		expect(res.status).toBe(409);
		expect(await res.json()).toMatchObject({ error: { code: "last_owner" } });
		expect((await call(`/api/t/${slug}/boards`, { token })).status).toBe(200);
	});

	it("an owner who is not the last one may remove themselves", async () => {
		const { slug, token } = await tenantWithBoard();
		await addMember(slug, `erin@${slug}.test`, "owner");
		const erin = await signIn(slug, `erin@${slug}.test`);
		expect((await remove(slug, erin.user.id, erin.token)).status).toBe(204);
		expect((await call(`/api/t/${slug}/boards`, { token: erin.token })).status).toBe(401);
		// Now the first owner is the last one.
		const me = (await (await call(`/api/t/${slug}/me`, { token })).json()) as { user: { id: string } };
		expect((await remove(slug, me.user.id, token)).status).toBe(409);
	});

	it("an unknown member, or one of another tenant, answers 404", async () => {
		const a = await tenantWithBoard();
		const b = await tenantWithBoard();
		const bob = await addMember(b.slug, `bob@${b.slug}.test`, "member");
		expect((await remove(a.slug, "u_nobody", a.token)).status).toBe(404);
		expect((await remove(a.slug, bob.id, a.token)).status).toBe(404);
		expect((await remove(b.slug, bob.id, a.token)).status).toBe(404);
	});
});
