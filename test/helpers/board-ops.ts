// Driving a board over its sockets in the workerd tests: an operation's outcome (its ack or its
// error), a board with its owner's sockets open, and the board as a replica holds it after the
// events it was sent. Every wait has a timeout.
import type { BoardDetail, Card } from "../../shared/api";
import { applyEvent, placeEvent } from "../../shared/events";
import type { Role } from "../../shared/tenant";
import { addMember, call, signIn, tenantWithBoard } from "./api";
import { openSocket, type TestSocket } from "./socket";

export const newOpId = () => `op-${crypto.randomUUID()}`;

export type Outcome = { ok: true; seq: number } | { ok: false; code: string; message: string };

/** Sends one operation and waits for what became of it. */
export async function sendOp(socket: TestSocket, op: unknown, opId = newOpId(), timeoutMs = 5000): Promise<Outcome> {
	socket.send({ type: "op", opId, op });
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		for (const m of socket.received) {
			if (m.type === "op.ack" && m.opId === opId) return { ok: true, seq: m.seq };
			if (m.type === "op.error" && m.opId === opId) return { ok: false, code: m.code, message: m.message };
		}
		if (Date.now() > deadline) throw new Error(`No answer to ${JSON.stringify(op)} within ${timeoutMs} ms`);
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

/** Sends an operation that must succeed; its sequence number. */
export async function applyOp(socket: TestSocket, op: unknown): Promise<number> {
	const outcome = await sendOp(socket, op);
	if (!outcome.ok) throw new Error(`${JSON.stringify(op)} failed: ${outcome.code} ${outcome.message}`);
	return outcome.seq;
}

/** A board socket that has its snapshot. */
export async function syncedSocket(slug: string, boardId: string, token: string): Promise<TestSocket> {
	const socket = await openSocket(slug, boardId, token);
	socket.send({ type: "sync", since: null });
	await socket.next("board.snapshot");
	return socket;
}

/** A tenant with a board, its owner's two sockets on it, and a member (bob) and a viewer (vera). */
export async function sharedBoard() {
	const setup = await tenantWithBoard();
	const { slug, token, board } = setup;
	const bob = await addMember(slug, `bob@${slug}.test`, "member");
	const vera = await addMember(slug, `vera@${slug}.test`, "viewer");
	const [alice, watcher] = [await syncedSocket(slug, board.id, token), await syncedSocket(slug, board.id, token)];
	const tokens = { bob: (await signIn(slug, bob.email)).token, vera: (await signIn(slug, vera.email)).token };
	const listId = board.lists[0]?.id ?? "";
	return { ...setup, alice, watcher, bob, vera, tokens, listId };
}

/** Adds a card over HTTP. */
export async function addCard(slug: string, boardId: string, listId: string, title: string, token: string) {
	const res = await call(`/api/t/${slug}/boards/${boardId}/cards`, { method: "POST", json: { listId, title }, token });
	if (res.status !== 201) throw new Error(`addCard: ${res.status} ${await res.text()}`);
	return (await res.json()) as Card;
}

export async function readBoard(slug: string, boardId: string, token: string): Promise<BoardDetail> {
	const res = await call(`/api/t/${slug}/boards/${boardId}`, { token });
	if (res.status !== 200) throw new Error(`readBoard: ${res.status} ${await res.text()}`);
	return (await res.json()) as BoardDetail;
}

/** Waits until the socket was sent the event numbered `seq`. */
export async function seen(socket: TestSocket, seq: number): Promise<void> {
	await socket.next("event", (m) => m.event.seq === seq);
}

/** The board as a replica holds it: the socket's snapshot with every event it was sent applied. */
export function replicaOf(socket: TestSocket): BoardDetail {
	let board: BoardDetail | undefined;
	for (const m of socket.received) {
		if (m.type === "board.snapshot") board = m.board;
		if (m.type === "event" && board && placeEvent(board, m.event) === "next") board = applyEvent(board, m.event);
	}
	if (!board) throw new Error("The socket has no snapshot.");
	return board;
}

/** Signs in a new member of a tenant with a role. */
export async function memberToken(slug: string, name: string, role: Role): Promise<{ token: string; id: string }> {
	const member = await addMember(slug, `${name}@${slug}.test`, role);
	return { token: (await signIn(slug, member.email)).token, id: member.id };
}
