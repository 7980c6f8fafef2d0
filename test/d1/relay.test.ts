// The relay of the D1 design delivers each board's events in sequence order, whatever order the
// Workers hand them over in, and fills a gap that stays open from the database.
import { describe, expect, it } from "vitest";
import { EventOrder } from "../../objects/relay/event-order";
import type { Card } from "../../shared/api";
import type { CommittedEvent, ServerMessage } from "../../shared/protocol";
import { call, tenantWithBoard } from "../helpers/api";
import { openSocket } from "../helpers/socket";
import { testEnv } from "./helpers";

function event(seq: number, prevSeq: number, boardId = "b_1"): CommittedEvent {
	return { seq, prevSeq, boardId, actorId: "u", opId: null, event: { type: "list.archived", listId: `l_${seq}` } };
}

describe("delivering events in order", () => {
	it("holds an event that arrives early until the one before it came", () => {
		const delivered: number[] = [];
		const order = new EventOrder(
			(e) => delivered.push(e.seq),
			10_000,
			() => [],
		);
		order.add(event(3, 0));
		order.add(event(9, 7));
		order.add(event(12, 9));
		expect(delivered).toEqual([3]);
		order.add(event(7, 3));
		expect(delivered).toEqual([3, 7, 9, 12]);
		order.add(event(9, 7));
		expect(delivered).toEqual([3, 7, 9, 12]);
	});

	it("reads a gap that stays open from the database, then goes on in order", async () => {
		const delivered: number[] = [];
		const fromDatabase = [event(5, 2), event(8, 5)];
		const order = new EventOrder(
			(e) => delivered.push(e.seq),
			20,
			() => fromDatabase,
		);
		order.add(event(2, 0));
		order.add(event(11, 8));
		expect(delivered).toEqual([2]);
		await new Promise((resolve) => setTimeout(resolve, 100));
		expect(delivered).toEqual([2, 5, 8, 11]);
	});

	it("the relay puts events handed over out of order back in order for a board's sockets", async () => {
		const { slug, token, board } = await tenantWithBoard();
		const listId = board.lists[0]?.id ?? "";
		const socket = await openSocket(slug, board.id, token);
		socket.send({ type: "sync", since: null });
		await socket.next("board.snapshot");
		const before = socket.received.length;
		// Three writes over HTTP; their events reach the relay from the Workers that made them.
		for (const title of ["One", "Two", "Three"])
			await call(`/api/t/${slug}/boards/${board.id}/cards`, { method: "POST", json: { listId, title }, token });
		const live = async () => {
			const deadline = Date.now() + 5000;
			while (socket.received.slice(before).filter((m) => m.type === "event").length < 3 && Date.now() < deadline)
				await new Promise((resolve) => setTimeout(resolve, 20));
			return socket.received
				.slice(before)
				.filter((m): m is Extract<ServerMessage, { type: "event" }> => m.type === "event");
		};
		const events = await live();
		// Now hand the same three over again, newest first, as slow Workers might: nothing is sent twice.
		const relay = testEnv.Relay.getByName(slug);
		for (const e of [...events].reverse()) await relay.publish(e.event);
		await new Promise((resolve) => setTimeout(resolve, 100));
		const all = socket.received
			.slice(before)
			.filter((m): m is Extract<ServerMessage, { type: "event" }> => m.type === "event");
		expect(all.map((m) => (m.event.event as { card: Card }).card.title)).toEqual(["One", "Two", "Three"]);
		expect(all.map((m) => m.event.seq)).toEqual([...all.map((m) => m.event.seq)].sort((a, b) => a - b));
	});
});
