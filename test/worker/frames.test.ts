// What a socket and a body may carry: frames measured in bytes, text that is valid Unicode, and
// failures that are answered with an error frame, never with a stack trace.
import { describe, expect, it } from "vitest";
import type { Card } from "../../shared/api";
import { MAX_FRAME_BYTES } from "../../shared/limits";
import { call, tenantWithBoard } from "../helpers/api";
import { openSocket } from "../helpers/socket";

async function syncedSocket() {
	const setup = await tenantWithBoard();
	const socket = await openSocket(setup.slug, setup.board.id, setup.token);
	socket.send({ type: "sync", since: null });
	await socket.next("board.snapshot");
	return { ...setup, socket, listId: setup.board.lists[0]?.id ?? "" };
}

const stackLike = /\bat .+:\d+:\d+|Error:|\.ts:\d+/;

describe("frame and text limits", () => {
	it("measures a frame in bytes: 60,000 CJK characters (180 KB) close the socket with 1009", async () => {
		const { socket, board, listId } = await syncedSocket();
		const description = "漢".repeat(60_000);
		expect(description.length).toBeLessThan(MAX_FRAME_BYTES);
		socket.send({
			type: "op",
			opId: "op-cjk-00001",
			op: { type: "card.create", boardId: board.id, listId, title: "t", description },
		});
		expect((await socket.closed).code).toBe(1009);
	});

	it("refuses a title with a lone surrogate over HTTP, and stores nothing", async () => {
		const { slug, token, board, listId } = await syncedSocket();
		const res = await call(`/api/t/${slug}/boards/${board.id}/cards`, {
			method: "POST",
			body: `{"listId":"${listId}","title":"bad \\ud800 title"}`,
			headers: { "content-type": "application/json" },
			token,
		});
		expect(res.status).toBe(422);
		expect(await res.json()).toMatchObject({ error: { code: "validation_failed" } });
		const detail = (await (await call(`/api/t/${slug}/boards/${board.id}`, { token })).json()) as { cards: Card[] };
		expect(detail.cards).toHaveLength(0);
	});

	it("refuses a lone surrogate in a WebSocket operation with an error frame", async () => {
		const { socket, board, listId } = await syncedSocket();
		socket.send(
			`{"type":"op","opId":"op-surrogate-1","op":{"type":"card.create","boardId":"${board.id}","listId":"${listId}","title":"\\udc00"}}`,
		);
		expect((await socket.next("error")).code).toBe("bad_request");
	});

	it("counts characters as people do: a title of 200 emoji is accepted and stored as sent", async () => {
		const { slug, token, board, listId } = await syncedSocket();
		const title = "🚀".repeat(200);
		const res = await call(`/api/t/${slug}/boards/${board.id}/cards`, {
			method: "POST",
			json: { listId, title },
			token,
		});
		expect(res.status).toBe(201);
		expect(((await res.json()) as Card).title).toBe(title);
		const tooLong = await call(`/api/t/${slug}/boards/${board.id}/cards`, {
			method: "POST",
			json: { listId, title: "🚀".repeat(201) },
			token,
		});
		expect(tooLong.status).toBe(422);
	});
});

describe("no stack trace ever reaches a client", () => {
	it("a WebSocket upgrade with a 300-character board id is a JSON 400, not a socket with a stack", async () => {
		const { slug, token } = await tenantWithBoard();
		const res = await call(`/api/t/${slug}/ws?board=${"b".repeat(300)}`, { headers: { upgrade: "websocket" }, token });
		expect(res.status).toBe(400);
		expect(res.webSocket).toBeNull();
		const text = await res.text();
		expect(JSON.parse(text)).toMatchObject({ error: { code: "bad_request" } });
		expect(text).not.toMatch(stackLike);
	});
});
