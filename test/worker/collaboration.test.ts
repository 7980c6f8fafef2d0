import { describe, expect, it } from "vitest";
import type { Card } from "../../shared/api";
import { MAX_FRAME_BYTES } from "../../shared/limits";
import { addMember, call, signIn, tenantWithBoard } from "../helpers/api";
import { openSocket, quiet } from "../helpers/socket";
import { evictSocketServer } from "../helpers/storage";

const opId = () => `op-${crypto.randomUUID()}`;

async function boardSockets(count = 2) {
	const setup = await tenantWithBoard();
	const sockets = [];
	for (let i = 0; i < count; i++) {
		const socket = await openSocket(setup.slug, setup.board.id, setup.token);
		socket.send({ type: "sync", since: null });
		await socket.next("board.snapshot");
		sockets.push(socket);
	}
	return { ...setup, sockets, listId: setup.board.lists[0]?.id ?? "" };
}

describe("live collaboration over WebSockets", () => {
	it("a new connection gets a hello and a snapshot of the board", async () => {
		const { slug, token, board } = await tenantWithBoard();
		const socket = await openSocket(slug, board.id, token);
		socket.send({ type: "sync", since: null });
		expect((await socket.next("hello")).role).toBe("owner");
		const snapshot = await socket.next("board.snapshot");
		expect(snapshot.board.lists.map((l) => l.title)).toEqual(["To do", "Doing", "Done"]);
	});

	it("acknowledges an operation after commit and broadcasts it to everyone on the board", async () => {
		const { slug, token, board, sockets, listId } = await boardSockets();
		const [alice, bob] = sockets;
		const id = opId();
		alice?.send({ type: "op", opId: id, op: { type: "card.create", boardId: board.id, listId, title: "Ship it" } });
		const seen = await bob?.next("event");
		expect(seen?.event.event).toMatchObject({ type: "card.created", card: { title: "Ship it" } });
		const ack = await alice?.next("op.ack", (m) => m.opId === id);
		expect(ack?.seq).toBe(seen?.event.seq);
		// Committed: a fresh read over HTTP has it.
		const detail = (await (await call(`/api/t/${slug}/boards/${board.id}`, { token })).json()) as { cards: Card[] };
		expect(detail.cards.map((c) => c.title)).toEqual(["Ship it"]);
	});

	it("broadcasts HTTP writes to sockets as the same events", async () => {
		const { slug, token, board, sockets, listId } = await boardSockets(1);
		await call(`/api/t/${slug}/boards/${board.id}/cards`, {
			method: "POST",
			json: { listId, title: "Via HTTP" },
			token,
		});
		const seen = await sockets[0]?.next("event");
		expect(seen?.event.event).toMatchObject({ type: "card.created", card: { title: "Via HTTP" } });
	});

	it("sends a board's events only to sockets watching that board", async () => {
		const { slug, token, board, sockets, listId } = await boardSockets(1);
		const other = (await (
			await call(`/api/t/${slug}/boards`, { method: "POST", json: { title: "Other" }, token })
		).json()) as { id: string };
		const watcher = await openSocket(slug, other.id, token);
		watcher.send({ type: "sync", since: null });
		await watcher.next("board.snapshot");
		sockets[0]?.send({
			type: "op",
			opId: opId(),
			op: { type: "card.create", boardId: board.id, listId, title: "Here only" },
		});
		await sockets[0]?.next("event");
		await quiet();
		expect(watcher.received.filter((m) => m.type === "event")).toHaveLength(0);
	});

	it("never sends one tenant's events to another tenant's sockets", async () => {
		const a = await boardSockets(1);
		const b = await boardSockets(1);
		a.sockets[0]?.send({
			type: "op",
			opId: opId(),
			op: { type: "card.create", boardId: a.board.id, listId: a.listId, title: "A only" },
		});
		await a.sockets[0]?.next("event");
		await quiet();
		expect(b.sockets[0]?.received.filter((m) => m.type === "event")).toHaveLength(0);
	});

	it("applies an operation re-sent with the same id exactly once and acknowledges both", async () => {
		const { slug, token, board, sockets, listId } = await boardSockets(1);
		const socket = sockets[0];
		const id = opId();
		const frame = { type: "op", opId: id, op: { type: "card.create", boardId: board.id, listId, title: "Once" } };
		socket?.send(frame);
		const first = await socket?.next("op.ack");
		socket?.send(frame);
		const second = await socket?.next("op.ack");
		expect(second?.seq).toBe(first?.seq);
		const detail = (await (await call(`/api/t/${slug}/boards/${board.id}`, { token })).json()) as { cards: Card[] };
		expect(detail.cards).toHaveLength(1);
	});

	it("resumes from a sequence number with exactly the events missed", async () => {
		const { slug, token, board, sockets, listId } = await boardSockets(1);
		const first = sockets[0];
		first?.send({ type: "op", opId: opId(), op: { type: "card.create", boardId: board.id, listId, title: "Seen" } });
		const seen = await first?.next("event");
		first?.close();
		for (const title of ["Missed 1", "Missed 2"]) {
			await call(`/api/t/${slug}/boards/${board.id}/cards`, { method: "POST", json: { listId, title }, token });
		}
		const again = await openSocket(slug, board.id, token);
		again.send({ type: "sync", since: seen?.event.seq ?? 0 });
		const replay = await again.next("events.replay");
		expect(replay.events.map((e) => (e.event.type === "card.created" ? e.event.card.title : e.event.type))).toEqual([
			"Missed 1",
			"Missed 2",
		]);
	});

	it("sends a fresh snapshot when the client's sequence number is from the future", async () => {
		const { slug, token, board } = await tenantWithBoard();
		const socket = await openSocket(slug, board.id, token);
		socket.send({ type: "sync", since: 999_999 });
		await socket.next("board.snapshot");
	});

	it("refuses every change from a viewer and applies nothing", async () => {
		const { slug, board, ownerToken } = await tenantWithBoard("viewer");
		const viewer = await signIn(slug, `viewer@${slug}.test`);
		const socket = await openSocket(slug, board.id, viewer.token);
		socket.send({ type: "sync", since: null });
		await socket.next("board.snapshot");
		const id = opId();
		socket.send({
			type: "op",
			opId: id,
			op: { type: "card.create", boardId: board.id, listId: board.lists[0]?.id, title: "Nope" },
		});
		expect((await socket.next("op.error", (m) => m.opId === id)).code).toBe("forbidden");
		const detail = (await (await call(`/api/t/${slug}/boards/${board.id}`, { token: ownerToken })).json()) as {
			cards: Card[];
		};
		expect(detail.cards).toHaveLength(0);
	});

	it("answers a malformed frame with an error frame and keeps working", async () => {
		const { board, sockets, listId } = await boardSockets(1);
		const socket = sockets[0];
		socket?.send("{not json");
		expect((await socket?.next("error"))?.code).toBe("bad_request");
		socket?.send({ type: "op", opId: "short", op: { type: "card.create" } });
		await socket?.next("error");
		socket?.send({
			type: "op",
			opId: opId(),
			op: { type: "card.create", boardId: board.id, listId, title: "Still fine" },
		});
		await socket?.next("op.ack");
	});

	it("closes with 1009 on an oversized frame", async () => {
		const { sockets } = await boardSockets(1);
		sockets[0]?.send("x".repeat(MAX_FRAME_BYTES + 1));
		expect((await sockets[0]?.closed)?.code).toBe(1009);
	});

	it("answers a stale edit with a version conflict, never a silent overwrite", async () => {
		const { board, sockets, listId } = await boardSockets(2);
		const [alice, bob] = sockets;
		alice?.send({ type: "op", opId: opId(), op: { type: "card.create", boardId: board.id, listId, title: "Shared" } });
		const created = await bob?.next("event");
		const card = created?.event.event.type === "card.created" ? created.event.event.card : undefined;
		alice?.send({
			type: "op",
			opId: opId(),
			op: { type: "card.update", boardId: board.id, cardId: card?.id, version: card?.version, title: "Alice's" },
		});
		await bob?.next("event", (m) => m.event.event.type === "card.updated");
		const id = opId();
		bob?.send({
			type: "op",
			opId: id,
			op: { type: "card.update", boardId: board.id, cardId: card?.id, version: card?.version, title: "Bob's" },
		});
		expect((await bob?.next("op.error", (m) => m.opId === id))?.code).toBe("version_conflict");
	});

	it("converges concurrent moves of the same card to one order for everyone", async () => {
		const { board, sockets } = await boardSockets(2);
		const [alice, bob] = sockets;
		const [todo, doing, done] = board.lists;
		alice?.send({
			type: "op",
			opId: opId(),
			op: { type: "card.create", boardId: board.id, listId: todo?.id, title: "Contested" },
		});
		const created = await alice?.next("event");
		await bob?.next("event");
		const cardId = created?.event.event.type === "card.created" ? created.event.event.card.id : "";
		alice?.send({
			type: "op",
			opId: opId(),
			op: { type: "card.move", boardId: board.id, cardId, listId: doing?.id, afterId: null },
		});
		bob?.send({
			type: "op",
			opId: opId(),
			op: { type: "card.move", boardId: board.id, cardId, listId: done?.id, afterId: null },
		});
		const last = async (s: typeof alice) => {
			await s?.next("event", (m) => m.event.event.type === "card.moved");
			const second = await s?.next("event", (m) => m.event.event.type === "card.moved");
			return second?.event.event.type === "card.moved" ? second.event.event.card.listId : undefined;
		};
		const [aliceSees, bobSees] = await Promise.all([last(alice), last(bob)]);
		expect(aliceSees).toBe(bobSees);
	});

	it("shares presence: who is on the board and which card each is looking at", async () => {
		const { slug, board } = await tenantWithBoard();
		await addMember(slug, `bob@${slug}.test`, "member");
		const alice = await openSocket(slug, board.id, (await signIn(slug, `owner@${slug}.test`)).token);
		const bob = await openSocket(slug, board.id, (await signIn(slug, `bob@${slug}.test`)).token);
		alice.send({ type: "sync", since: null });
		bob.send({ type: "sync", since: null });
		// Each socket gets the whole list when it syncs; after that, only what changed.
		const everyone = await bob.next("presence");
		expect(everyone.entries).toHaveLength(2);
		bob.send({ type: "presence.update", cardId: "c_abc" });
		const update = await alice.next("presence.changed", (m) => m.entries.some((e) => e.cardId === "c_abc"));
		expect(update.entries.find((e) => e.cardId === "c_abc")?.name).toBe("bob");
		const bobsConnection = update.entries.find((e) => e.cardId === "c_abc")?.connectionId;
		bob.close();
		const left = await alice.next("presence.changed", (m) => m.gone.length > 0);
		expect(left.gone).toEqual([bobsConnection]);
	});

	it("keeps a board working after the object is evicted from memory", async () => {
		const { slug, board, sockets, listId } = await boardSockets(2);
		const [alice, bob] = sockets;
		await evictSocketServer(slug);
		alice?.send({
			type: "op",
			opId: opId(),
			op: { type: "card.create", boardId: board.id, listId, title: "After a nap" },
		});
		const seen = await bob?.next("event");
		expect(seen?.event.event).toMatchObject({ type: "card.created", card: { title: "After a nap" } });
		await alice?.next("op.ack");
	});

	it("closes the sockets of a tenant when it is suspended", async () => {
		const { slug, sockets } = await boardSockets(1);
		const { admin } = await import("../helpers/api");
		await admin(`/api/admin/tenants/${slug}`, { method: "PATCH", json: { status: "suspended" } });
		expect((await sockets[0]?.closed)?.code).toBe(4403);
	});
});
