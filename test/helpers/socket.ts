// A WebSocket client for tests inside workerd: opens a board socket through the real Worker
// route and waits for frames with a timeout, so no test can hang.
import type { ServerMessage } from "../../shared/protocol";
import { call } from "./api";

export interface TestSocket {
	socket: WebSocket;
	received: ServerMessage[];
	send(message: unknown): void;
	/** The next frame (seen or future) matching `match`, consumed so it is not matched twice. */
	next<T extends ServerMessage["type"]>(
		type: T,
		match?: (m: Extract<ServerMessage, { type: T }>) => boolean,
		timeoutMs?: number,
	): Promise<Extract<ServerMessage, { type: T }>>;
	closed: Promise<{ code: number; reason: string }>;
	close(): void;
}

export async function openSocket(slug: string, boardId: string, token: string): Promise<TestSocket> {
	const res = await call(`/api/t/${slug}/ws?board=${boardId}`, { headers: { upgrade: "websocket" }, token });
	const socket = res.webSocket;
	if (!socket) throw new Error(`No WebSocket: ${res.status} ${await res.text()}`);
	socket.accept();
	const received: ServerMessage[] = [];
	const consumed = new Set<ServerMessage>();
	const waiters = new Set<() => void>();
	socket.addEventListener("message", (event) => {
		received.push(JSON.parse(String(event.data)) as ServerMessage);
		for (const wake of waiters) wake();
	});
	const closed = new Promise<{ code: number; reason: string }>((resolve) =>
		socket.addEventListener("close", (event) => resolve({ code: event.code, reason: event.reason })),
	);
	return {
		socket,
		received,
		send: (message) => socket.send(typeof message === "string" ? message : JSON.stringify(message)),
		closed,
		close: () => socket.close(1000, "done"),
		next(type, match = () => true, timeoutMs = 5000) {
			type M = Extract<ServerMessage, { type: typeof type }>;
			const find = () => received.find((m): m is M => m.type === type && !consumed.has(m) && match(m as M));
			return new Promise((resolve, reject) => {
				const check = () => {
					const found = find();
					if (!found) return;
					consumed.add(found);
					waiters.delete(check);
					clearTimeout(timer);
					resolve(found);
				};
				const timer = setTimeout(() => {
					waiters.delete(check);
					reject(
						new Error(`No "${type}" frame within ${timeoutMs} ms; got ${JSON.stringify(received.map((m) => m.type))}`),
					);
				}, timeoutMs);
				waiters.add(check);
				check();
			});
		},
	};
}

/** Waits until `ms` pass, to show that something does NOT arrive. */
export function quiet(ms = 300): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}
