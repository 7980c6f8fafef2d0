// Helpers for the credential tests: signing in from a given address, cookies, tickets, and
// waiting for a socket to be closed — always with a timeout, so no test can hang.
import { call } from "./api";
import { openSocket, type TestSocket } from "./socket";

export const PASSWORD = "correct horse battery";

/** Signs in from a client address (CF-Connecting-IP, as Cloudflare sets it). */
export function signInFrom(slug: string, email: string, address: string, password = PASSWORD): Promise<Response> {
	return call(`/api/t/${slug}/session`, {
		method: "POST",
		json: { email, password },
		headers: { "cf-connecting-ip": address },
	});
}

/** The `name=value` part of a response's Set-Cookie, ready to send back as a Cookie header. */
export function cookieOf(response: Response): string {
	return (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}

/** Resolves with what `promise` resolves to, or rejects after `ms`. */
export function within<T>(promise: Promise<T>, ms = 5000, what = "the wait"): Promise<T> {
	let timer: ReturnType<typeof setTimeout> | null = null;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
	});
	return Promise.race([promise, timeout]).finally(() => {
		if (timer !== null) clearTimeout(timer);
	});
}

/** The close code of a test socket, waited for at most `ms`. */
export async function closeCode(socket: TestSocket, ms = 5000): Promise<number> {
	return (await within(socket.closed, ms, "the socket's close")).code;
}

/** A board socket opened with a session token, already past its hello. */
export async function liveSocket(slug: string, boardId: string, token: string): Promise<TestSocket> {
	const socket = await openSocket(slug, boardId, token);
	await socket.next("hello");
	return socket;
}

/** Asks for a WebSocket ticket for a board (in the JSON body) with a session token. */
export async function ticketFor(slug: string, boardId: string, token: string): Promise<string> {
	const res = await call(`/api/t/${slug}/ws-ticket`, { method: "POST", json: { boardId }, token });
	if (res.status !== 200) throw new Error(`ws-ticket: ${res.status} ${await res.text()}`);
	return ((await res.json()) as { ticket: string }).ticket;
}

/** Opens a board socket with a ticket and no other credential. */
export function upgradeWithTicket(slug: string, boardId: string, ticket: string): Promise<Response> {
	return call(`/api/t/${slug}/ws?board=${boardId}&ticket=${encodeURIComponent(ticket)}`, {
		headers: { upgrade: "websocket" },
	});
}

/** Accepts an upgraded socket and tells how it went: "hello" if let in, else its close code. */
export function admission(res: Response, ms = 5000): Promise<"hello" | number> {
	const socket = res.webSocket;
	if (!socket) throw new Error(`No WebSocket: ${res.status}`);
	socket.accept();
	return within(
		new Promise((resolve) => {
			socket.addEventListener("message", (event) => {
				if ((JSON.parse(String(event.data)) as { type: string }).type !== "hello") return;
				resolve("hello");
				socket.close(1000, "done");
			});
			socket.addEventListener("close", (event) => resolve(event.code));
		}),
		ms,
		"the socket's admission",
	);
}
