// A failure inside the Tenant object (a broken table stands in for any bug) reaches the client as
// the contract's JSON error, never as a stack trace. The D1 design's Worker answers through the
// same router and error renderer.
import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, tenantWithBoard } from "../helpers/api";
import { openSocket } from "../helpers/socket";

const stackLike = /\bat .+:\d+:\d+|Error:|\.ts:\d+/;

async function syncedSocket() {
	const setup = await tenantWithBoard();
	const socket = await openSocket(setup.slug, setup.board.id, setup.token);
	socket.send({ type: "sync", since: null });
	await socket.next("board.snapshot");
	return { ...setup, socket, listId: setup.board.lists[0]?.id ?? "" };
}

describe("failures inside the tenant's object", () => {
	it("a failure inside the tenant's object is a JSON 500 without a stack trace", async () => {
		const { slug, token, board } = await tenantWithBoard();
		// A broken table stands in for any bug on the read path.
		await runInDurableObject(env.Tenant.getByName(slug), (_instance, state) => {
			state.storage.sql.exec("ALTER TABLE cards RENAME TO cards_gone");
		});
		const res = await call(`/api/t/${slug}/boards/${board.id}`, { token });
		expect(res.status).toBe(500);
		const text = await res.text();
		expect(JSON.parse(text)).toEqual({ error: { code: "internal", message: expect.any(String) } });
		expect(text).not.toMatch(/\bat .+:\d+:\d+|SqlError|SQLITE|cards_gone|\.ts:\d+/);
	});

	it("a request that reaches the tenant object directly with a bad board gets a close, not a stack", async () => {
		const { slug } = await tenantWithBoard();
		const res = await env.Tenant.getByName(slug).fetch(
			new Request(`https://tenant.internal/ws?board=${"x".repeat(400)}`, { headers: { upgrade: "websocket" } }),
		);
		const socket = res.webSocket;
		expect(socket).not.toBeNull();
		const frames: string[] = [];
		socket?.accept();
		socket?.addEventListener("message", (event) => frames.push(String(event.data)));
		const closed = await new Promise<number>((resolve) => socket?.addEventListener("close", (e) => resolve(e.code)));
		expect([4401, 4404]).toContain(closed);
		for (const frame of frames) expect(frame).not.toMatch(stackLike);
	});

	it("an operation that fails inside the object gets an op.error frame without a stack, so it is not re-sent forever", async () => {
		const { slug, socket, board, listId } = await syncedSocket();
		socket.send({
			type: "op",
			opId: "op-before-0001",
			op: { type: "card.create", boardId: board.id, listId, title: "Card" },
		});
		const created = await socket.next("event");
		const cardId = created.event.event.type === "card.created" ? created.event.event.card.id : "";
		// A broken table stands in for any bug on the commit path.
		await runInDurableObject(env.Tenant.getByName(slug), (_instance, state) => {
			state.storage.sql.exec("ALTER TABLE comments RENAME TO comments_gone");
		});
		socket.send({
			type: "op",
			opId: "op-broken-0001",
			op: { type: "comment.create", boardId: board.id, cardId, body: "Hi" },
		});
		const error = await socket.next("op.error", (m) => m.opId === "op-broken-0001");
		expect(error.code).toBe("internal");
		expect(JSON.stringify(error)).not.toMatch(stackLike);
	});
});
