import { describe, expect, it } from "vitest";
import { addMember, admin, call, signIn, tenantWithBoard } from "../helpers/api";
import {
	closeCode,
	cookieOf,
	liveSocket,
	PASSWORD,
	ticketFor,
	upgradeWithTicket,
	within,
} from "../helpers/credentials";
import { openSocket } from "../helpers/socket";

const ORIGIN = "https://boardroom.test";

describe("server-side sessions", () => {
	it("signing out ends the session at once: the same token answers 401", async () => {
		const { slug, token } = await tenantWithBoard();
		expect((await call(`/api/t/${slug}/boards`, { token })).status).toBe(200);
		const res = await call(`/api/t/${slug}/session`, { method: "DELETE", token });
		expect(res.status).toBe(204);
		expect(res.headers.get("set-cookie")).toMatch(/Max-Age=0/);
		const after = await call(`/api/t/${slug}/boards`, { token });
		expect(after.status).toBe(401);
		expect(await after.json()).toMatchObject({ error: { code: "unauthenticated" } });
	});

	it("signing out with the cookie ends that session and clears the cookie", async () => {
		const { slug } = await tenantWithBoard();
		const signedIn = await call(`/api/t/${slug}/session`, {
			method: "POST",
			json: { email: `owner@${slug}.test`, password: PASSWORD },
		});
		const cookie = cookieOf(signedIn);
		const out = await call(`/api/t/${slug}/session`, { method: "DELETE", headers: { cookie, origin: ORIGIN } });
		expect(out.status).toBe(204);
		expect(out.headers.get("set-cookie")).toMatch(/Max-Age=0/);
		expect((await call(`/api/t/${slug}/me`, { headers: { cookie } })).status).toBe(401);
	});

	it("signing out of one session leaves the member's other sessions alone", async () => {
		const { slug, token } = await tenantWithBoard();
		const laptop = await signIn(slug, `owner@${slug}.test`);
		await call(`/api/t/${slug}/session`, { method: "DELETE", token });
		expect((await call(`/api/t/${slug}/boards`, { token: laptop.token })).status).toBe(200);
	});

	it("signing out everywhere ends every session of that member, and only theirs", async () => {
		const { slug, token } = await tenantWithBoard();
		const laptop = await signIn(slug, `owner@${slug}.test`);
		await addMember(slug, `bob@${slug}.test`, "member");
		const bob = await signIn(slug, `bob@${slug}.test`);
		expect((await call(`/api/t/${slug}/session?everywhere=1`, { method: "DELETE", token })).status).toBe(204);
		expect((await call(`/api/t/${slug}/boards`, { token })).status).toBe(401);
		expect((await call(`/api/t/${slug}/boards`, { token: laptop.token })).status).toBe(401);
		expect((await call(`/api/t/${slug}/boards`, { token: bob.token })).status).toBe(200);
	});

	it("signing out closes the session's open sockets with 4401", async () => {
		const { slug, token, board } = await tenantWithBoard();
		const socket = await liveSocket(slug, board.id, token);
		await call(`/api/t/${slug}/session`, { method: "DELETE", token });
		expect(await closeCode(socket)).toBe(4401);
	});

	it("signing out everywhere also closes sockets opened with tickets from those sessions", async () => {
		const { slug, token, board } = await tenantWithBoard();
		const laptop = await signIn(slug, `owner@${slug}.test`);
		const ticketRes = await upgradeWithTicket(slug, board.id, await ticketFor(slug, board.id, laptop.token));
		const ticketSocket = ticketRes.webSocket;
		if (!ticketSocket) throw new Error(`No WebSocket: ${ticketRes.status}`);
		ticketSocket.accept();
		const closed = new Promise<number>((resolve) => ticketSocket.addEventListener("close", (e) => resolve(e.code)));
		const own = await liveSocket(slug, board.id, token);
		await call(`/api/t/${slug}/session?everywhere=1`, { method: "DELETE", token });
		expect(await within(closed, 5000, "the ticket socket's close")).toBe(4401);
		expect(await closeCode(own)).toBe(4401);
	});

	it("another member's sockets stay open when someone signs out", async () => {
		const { slug, token, board } = await tenantWithBoard();
		await addMember(slug, `bob@${slug}.test`, "member");
		const bob = await openSocket(slug, board.id, (await signIn(slug, `bob@${slug}.test`)).token);
		await bob.next("hello");
		await call(`/api/t/${slug}/session?everywhere=1`, { method: "DELETE", token });
		bob.send({ type: "sync", since: null });
		expect((await bob.next("board.snapshot")).board.id).toBe(board.id);
		bob.close();
	});

	it("signing out works while the tenant is suspended, and stays signed out after it resumes", async () => {
		const { slug, token } = await tenantWithBoard();
		await admin(`/api/admin/tenants/${slug}`, { method: "PATCH", json: { status: "suspended" } });
		expect((await call(`/api/t/${slug}/session`, { method: "DELETE", token })).status).toBe(204);
		await admin(`/api/admin/tenants/${slug}`, { method: "PATCH", json: { status: "active" } });
		expect((await call(`/api/t/${slug}/boards`, { token })).status).toBe(401);
	});

	it("signing out everywhere needs a live session", async () => {
		const { slug, token } = await tenantWithBoard();
		await call(`/api/t/${slug}/session`, { method: "DELETE", token });
		expect((await call(`/api/t/${slug}/session?everywhere=1`, { method: "DELETE", token })).status).toBe(401);
	});
});
