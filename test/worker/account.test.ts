import { describe, expect, it } from "vitest";
import type { Me, Member } from "../../shared/api";
import { addMember, call, signIn, tenantWithBoard } from "../helpers/api";
import { closeCode, liveSocket, PASSWORD, signInFrom } from "../helpers/credentials";

const rename = (slug: string, name: unknown, token: string) =>
	call(`/api/t/${slug}/me`, { method: "PATCH", json: { name }, token });

const changePassword = (slug: string, current: string, next: string, token: string, address = "203.0.113.9") =>
	call(`/api/t/${slug}/me/password`, {
		method: "POST",
		json: { current, next },
		token,
		headers: { "cf-connecting-ip": address },
	});

describe("a member's own account", () => {
	it("a new name shows in GET /me and in the members list", async () => {
		const { slug, token } = await tenantWithBoard("member");
		const res = await rename(slug, "  Bobby Tables ", token);
		expect(res.status).toBe(200);
		expect(await res.json()).toMatchObject({ user: { name: "Bobby Tables", role: "member" }, tenant: { slug } });
		const me = (await (await call(`/api/t/${slug}/me`, { token })).json()) as Me;
		expect(me.user.name).toBe("Bobby Tables");
		const { members } = (await (await call(`/api/t/${slug}/members`, { token })).json()) as { members: Member[] };
		expect(members.find((m) => m.id === me.user.id)?.name).toBe("Bobby Tables");
	});

	it("an empty or overlong name is refused and the old one stays", async () => {
		const { slug, token } = await tenantWithBoard();
		expect((await rename(slug, "   ", token)).status).toBe(422);
		expect((await rename(slug, "x".repeat(101), token)).status).toBe(422);
		expect((await rename(slug, 42, token)).status).toBe(422);
		const me = (await (await call(`/api/t/${slug}/me`, { token })).json()) as Me;
		expect(me.user.name).toBe("owner");
	});

	it("an API key has no profile or password to change", async () => {
		const { slug, token } = await tenantWithBoard();
		const created = await call(`/api/t/${slug}/api-keys`, {
			method: "POST",
			json: { name: "CI", role: "admin" },
			token,
		});
		const { key } = (await created.json()) as { key: string };
		expect((await rename(slug, "Robot", key)).status).toBe(400);
		expect((await changePassword(slug, PASSWORD, "a new password", key)).status).toBe(400);
	});

	it("changing the password ends the member's other sessions and sockets, and keeps this one", async () => {
		const { slug, token, board } = await tenantWithBoard();
		const laptop = await signIn(slug, `owner@${slug}.test`);
		await addMember(slug, `bob@${slug}.test`, "member");
		const bob = await signIn(slug, `bob@${slug}.test`);
		const otherSocket = await liveSocket(slug, board.id, laptop.token);
		const ownSocket = await liveSocket(slug, board.id, token);

		expect((await changePassword(slug, PASSWORD, "a much better password", token)).status).toBe(204);
		expect((await call(`/api/t/${slug}/boards`, { token: laptop.token })).status).toBe(401);
		expect(await closeCode(otherSocket)).toBe(4401);
		expect((await call(`/api/t/${slug}/boards`, { token })).status).toBe(200);
		expect((await call(`/api/t/${slug}/boards`, { token: bob.token })).status).toBe(200);
		ownSocket.send({ type: "sync", since: null });
		expect((await ownSocket.next("board.snapshot")).board.id).toBe(board.id);
		ownSocket.close();

		expect((await signInFrom(slug, `owner@${slug}.test`, "198.51.100.1")).status).toBe(401);
		const fresh = await signInFrom(slug, `owner@${slug}.test`, "198.51.100.1", "a much better password");
		expect(fresh.status).toBe(200);
	});

	it("a wrong current password changes nothing and ends no session", async () => {
		const { slug, token } = await tenantWithBoard();
		const laptop = await signIn(slug, `owner@${slug}.test`);
		const res = await changePassword(slug, "not my password", "a much better password", token);
		expect(res.status).toBe(403);
		expect(await res.json()).toMatchObject({ error: { code: "wrong_password" } });
		expect((await call(`/api/t/${slug}/boards`, { token: laptop.token })).status).toBe(200);
		expect((await signIn(slug, `owner@${slug}.test`, PASSWORD)).user.email).toBe(`owner@${slug}.test`);
	});

	it("guessing the current password is slowed down like signing in", async () => {
		const { slug, token } = await tenantWithBoard();
		for (let i = 0; i < 5; i++)
			expect((await changePassword(slug, `guess ${i}`, "a much better password", token, "192.0.2.77")).status).toBe(
				403,
			);
		const blocked = await changePassword(slug, PASSWORD, "a much better password", token, "192.0.2.77");
		expect(blocked.status).toBe(429);
		expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
		// From another address the right password still works.
		expect((await changePassword(slug, PASSWORD, "a much better password", token, "192.0.2.78")).status).toBe(204);
	});

	it("a new password must be long enough and differ from the current one", async () => {
		const { slug, token } = await tenantWithBoard();
		const short = await changePassword(slug, PASSWORD, "short", token);
		expect(short.status).toBe(422);
		expect(await short.json()).toMatchObject({ error: { message: /at least 8 characters/ } });
		const same = await changePassword(slug, PASSWORD, PASSWORD, token);
		expect(same.status).toBe(422);
		expect((await signIn(slug, `owner@${slug}.test`, PASSWORD)).token).toBeTruthy();
	});

	it("another workspace's session cannot change anything here", async () => {
		const a = await tenantWithBoard();
		const b = await tenantWithBoard();
		expect((await rename(b.slug, "Intruder", a.token)).status).toBe(404);
		expect((await changePassword(b.slug, PASSWORD, "a much better password", a.token)).status).toBe(404);
		const me = (await (await call(`/api/t/${b.slug}/me`, { token: b.token })).json()) as Me;
		expect(me.user.name).toBe("owner");
	});
});
