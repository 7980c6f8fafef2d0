// Replicas under a flaky network: sockets that drop and reconnect in the middle of a stream of
// writes must still end identical to the server. Each replica runs the client's own state machine
// (client/src/socket-state.ts), fed by real frames from the real Worker route.
import { describe, expect, it } from "vitest";
import { type LiveBoardState, socketReducer } from "../../client/src/socket-state";
import type { BoardDetail, Card } from "../../shared/api";
import type { ServerMessage } from "../../shared/protocol";
import { admin, call, tenantWithBoard } from "../helpers/api";
import { openSocket, quiet, type TestSocket } from "../helpers/socket";

/**
 * A client replica: the client's reducer, a socket it keeps losing, and the sync the hook sends.
 * While `flapping`, any frame may make it drop the socket (a sync reply in flight included) and
 * come back a moment later, having missed whatever was committed meanwhile.
 */
class Replica {
	state: LiveBoardState = {
		confirmed: null,
		resync: "none",
		pending: [],
		presence: [],
		connectionId: null,
		created: {},
	};
	#socket: TestSocket | null = null;
	#reconnecting: Promise<void> | null = null;
	/** Frames until the next drop: a few, at random, so drops land anywhere (mid-sync included). */
	#untilDrop = 3;
	flapping = true;
	reconnects = 0;

	constructor(
		readonly slug: string,
		readonly boardId: string,
		readonly token: string,
	) {}

	async connect(): Promise<void> {
		const socket = await openSocket(this.slug, this.boardId, this.token);
		this.#socket = socket;
		socket.socket.addEventListener("message", (event) => {
			if (this.#socket !== socket) return;
			this.#receive(JSON.parse(String(event.data)) as ServerMessage);
			this.#untilDrop -= 1;
			if (this.flapping && !this.#reconnecting && this.#untilDrop <= 0) {
				this.#untilDrop = 2 + Math.floor(Math.random() * 6);
				this.#reconnecting = this.#reconnect();
			}
		});
		this.#dispatch({ type: "resyncing" });
		socket.send({ type: "sync", since: this.state.confirmed?.seq ?? null });
	}

	/** Waits for a reconnect in progress, so the replica ends connected. */
	async settle(): Promise<void> {
		this.flapping = false;
		await this.#reconnecting;
	}

	async #reconnect(): Promise<void> {
		this.#socket?.close();
		this.#socket = null;
		this.reconnects += 1;
		// Let some writes commit while this replica is away.
		await call(`/api/t/${this.slug}/boards/${this.boardId}`, { token: this.token });
		await this.connect();
		this.#reconnecting = null;
	}

	#receive(message: ServerMessage): void {
		if (message.type === "board.snapshot")
			this.#dispatch({ type: "loaded", board: message.board, authoritative: true });
		if (message.type === "events.replay") this.#dispatch({ type: "events", events: message.events, replay: true });
		if (message.type === "event") this.#dispatch({ type: "events", events: [message.event], replay: false });
	}

	#dispatch(action: Parameters<typeof socketReducer>[1]): void {
		this.state = socketReducer(this.state, action);
		// What use-board-socket does when the reducer reports a gap.
		if (this.state.resync === "needed" && this.#socket) {
			this.state = socketReducer(this.state, { type: "resyncing" });
			this.#socket.send({ type: "sync", since: this.state.confirmed?.seq ?? null });
		}
	}
}

/** The parts of a board every replica must agree on. */
function contents(board: BoardDetail | null) {
	if (!board) return null;
	const card = (c: Card) => [c.id, c.listId, c.title, c.description, c.position, c.version, c.commentCount];
	return {
		seq: board.seq,
		title: board.title,
		lists: board.lists.map((l) => [l.id, l.title, l.position, l.version]),
		cards: board.cards.map(card),
	};
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `count` random board writes by one writer, over HTTP or over its own socket. */
async function write(setup: Awaited<ReturnType<typeof tenantWithBoard>>, count: number, over: "http" | "ws") {
	const { slug, token, board } = setup;
	const socket = over === "ws" ? await openSocket(slug, board.id, token) : undefined;
	socket?.send({ type: "sync", since: null });
	await socket?.next("board.snapshot");
	let writes = 0;
	while (writes < count) {
		const current = (await (await call(`/api/t/${slug}/boards/${board.id}`, { token })).json()) as BoardDetail;
		const list = current.lists[writes % current.lists.length];
		const card = current.cards[Math.floor(Math.random() * current.cards.length)];
		const ops = [
			{ type: "card.create", boardId: board.id, listId: list?.id, title: `Card ${writes}` },
			card && { type: "card.move", boardId: board.id, cardId: card.id, listId: list?.id, afterId: null },
			card && {
				type: "card.update",
				boardId: board.id,
				cardId: card.id,
				version: card.version,
				title: `Edit ${writes}`,
			},
			card && { type: "comment.create", boardId: board.id, cardId: card.id, body: `Note ${writes}` },
			writes % 25 === 24 && card && { type: "card.archive", boardId: board.id, cardId: card.id },
		].filter(Boolean);
		const op = ops[Math.floor(Math.random() * ops.length)];
		const opId = `w-${over}-${writes}-${crypto.randomUUID()}`;
		if (socket) {
			socket.send({ type: "op", opId, op });
			await Promise.race([
				socket.next("op.ack", (m) => m.opId === opId),
				socket.next("op.error", (m) => m.opId === opId),
			]);
		} else {
			const res = await call(`/api/t/${slug}/boards/${board.id}/cards`, {
				method: "POST",
				json: { listId: list?.id, title: `Http ${writes}` },
				token,
			});
			expect(res.status).toBe(201);
		}
		writes += 1;
	}
	socket?.close();
	return writes;
}

describe("replicas after reconnects", () => {
	it("a socket gets no live event before its sync is answered, and the reply carries it", async () => {
		const { slug, token, board } = await tenantWithBoard();
		const listId = board.lists[0]?.id;
		const socket = await openSocket(slug, board.id, token);
		await socket.next("hello");
		await call(`/api/t/${slug}/boards/${board.id}/cards`, { method: "POST", json: { listId, title: "Early" }, token });
		await quiet(200);
		expect(socket.received.filter((m) => m.type === "event")).toHaveLength(0);
		socket.send({ type: "sync", since: board.seq });
		const replay = await socket.next("events.replay");
		expect(replay.events.map((e) => e.event.type)).toEqual(["card.created"]);
		await call(`/api/t/${slug}/boards/${board.id}/cards`, { method: "POST", json: { listId, title: "Late" }, token });
		const live = await socket.next("event");
		expect(live.event.prevSeq).toBe(replay.events[0]?.seq);
	});

	it("four replicas that keep reconnecting under two writers all end identical to the server", async () => {
		const setup = await tenantWithBoard();
		const { slug, token, board } = setup;
		// Hundreds of reconnects and reads in a few seconds: a plan whose rate limit is not the subject here.
		await admin(`/api/admin/tenants/${slug}`, { method: "PATCH", json: { plan: "business" } });
		const replicas = Array.from({ length: 4 }, () => new Replica(slug, board.id, token));
		await Promise.all(replicas.map((r) => r.connect()));
		const [wsWrites, httpWrites] = await Promise.all([write(setup, 40, "ws"), write(setup, 40, "http")]);
		expect(wsWrites + httpWrites).toBe(80);
		await Promise.all(replicas.map((r) => r.settle()));

		const server = (await (await call(`/api/t/${slug}/boards/${board.id}`, { token })).json()) as BoardDetail;
		const deadline = Date.now() + 10_000;
		while (replicas.some((r) => r.state.confirmed?.seq !== server.seq) && Date.now() < deadline) await pause(50);
		for (const replica of replicas) {
			expect(replica.reconnects).toBeGreaterThan(8);
			expect(contents(replica.state.confirmed)).toEqual(contents(server));
		}
	});
});
