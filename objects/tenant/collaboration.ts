// Live collaboration: what the tenant object does with each WebSocket frame. Connection state
// (who, which board, which card) lives on the socket so it survives hibernation.
import type { Connection } from "partyserver";
import { fail, type Result } from "../../shared/errors";
import { MAX_FRAME_BYTES } from "../../shared/limits";
import type { ClientMessage, CommittedEvent, PresenceEntry, ServerMessage } from "../../shared/protocol";
import { clientMessageSchema } from "../../shared/protocol";
import type { Credential } from "./members";
import type { Actor } from "./operations";
import { applyOperation } from "./operations";
import type { BoardStore } from "./store";

export interface SocketState {
	credential: Credential;
	userId: string;
	name: string;
	boardId: string;
	cardId: string | null;
}

export type BoardSocket = Connection<SocketState>;

/** What collaboration needs from the tenant object. */
export interface Room {
	store: BoardStore;
	resolve(credential: Credential): Actor | undefined;
	connections(boardId: string): Iterable<BoardSocket>;
	afterCommit(committed: CommittedEvent): void;
}

export function boardTag(boardId: string): string {
	return `board:${boardId}`;
}

export function send(socket: WebSocket, message: ServerMessage): void {
	socket.send(JSON.stringify(message));
}

/** Handles one frame. Bad frames get an error frame and change nothing; oversized ones close with 1009. */
export async function handleFrame(
	room: Room,
	socket: BoardSocket,
	raw: string | ArrayBuffer | ArrayBufferView,
): Promise<void> {
	const state = socket.state;
	if (!state) return;
	const size = typeof raw === "string" ? raw.length : raw.byteLength;
	if (size > MAX_FRAME_BYTES) {
		socket.close(1009, "Frame too large");
		return;
	}
	const message = parseFrame(raw);
	if (!message) {
		send(socket, { type: "error", code: "bad_request", message: "That frame is not a valid Boardroom message." });
		return;
	}
	switch (message.type) {
		case "sync":
			await sync(room, socket, state, message.since);
			break;
		case "op":
			await operate(room, socket, state, message);
			break;
		case "presence.update":
			socket.setState({ ...state, cardId: message.cardId });
			broadcastPresence(room, state.boardId);
			break;
	}
}

function parseFrame(raw: string | ArrayBuffer | ArrayBufferView): ClientMessage | undefined {
	if (typeof raw !== "string") return undefined;
	try {
		const parsed = clientMessageSchema.safeParse(JSON.parse(raw));
		return parsed.success ? parsed.data : undefined;
	} catch {
		return undefined;
	}
}

/** Catches a (re)connected client up: the events it missed, or a fresh snapshot. */
async function sync(room: Room, socket: BoardSocket, state: SocketState, since: number | null): Promise<void> {
	const missed = since === null ? undefined : await room.store.eventsSince(since, state.boardId);
	if (missed) {
		send(socket, { type: "events.replay", events: missed });
	} else {
		const board = await room.store.boardDetail(state.boardId);
		if (!board) {
			socket.close(4404, "Board not found");
			return;
		}
		send(socket, { type: "board.snapshot", board });
	}
	broadcastPresence(room, state.boardId);
}

async function operate(
	room: Room,
	socket: BoardSocket,
	state: SocketState,
	message: Extract<ClientMessage, { type: "op" }>,
): Promise<void> {
	const { opId, op } = message;
	const actor = room.resolve(state.credential);
	if (!actor) {
		socket.close(4401, "Not a member any more");
		return;
	}
	if (op.boardId !== state.boardId) {
		send(socket, { type: "op.error", opId, code: "not_found", message: "This socket watches another board." });
		return;
	}
	const result = await applyOperation(room.store, actor, op, opId);
	if (!result.ok) {
		send(socket, { type: "op.error", opId, code: result.code, message: result.message, details: result.details });
		return;
	}
	// Everyone, the sender included, gets the event before the sender gets its ack, so the
	// sender's confirmed state already holds the change when its pending copy is dropped.
	if (!result.value.replayed) room.afterCommit(result.value.committed);
	send(socket, { type: "op.ack", opId, seq: result.value.committed.seq });
}

export function broadcastEvent(room: Room, committed: CommittedEvent): void {
	const frame = JSON.stringify({ type: "event", event: committed } satisfies ServerMessage);
	for (const socket of room.connections(committed.boardId)) socket.send(frame);
}

export function broadcastPresence(room: Room, boardId: string): void {
	const entries: PresenceEntry[] = [];
	const sockets = [...room.connections(boardId)];
	for (const socket of sockets) {
		const s = socket.state;
		if (s) entries.push({ connectionId: socket.id, userId: s.userId, name: s.name, cardId: s.cardId });
	}
	const frame = JSON.stringify({ type: "presence", entries } satisfies ServerMessage);
	for (const socket of sockets) socket.send(frame);
}

/** The header through which the Worker, and only the Worker, tells a socket who it is. */
export const CREDENTIAL_HEADER = "x-boardroom-credential";

/**
 * Lets a new socket onto its board, or closes it: 4401 not (or no longer) a member, 4403 the
 * tenant is suspended, 4404 no such board. The Worker has already checked the credential's
 * signature and tenant; this checks what only the tenant knows.
 */
export async function admitSocket(
	room: Room,
	socket: BoardSocket,
	request: Request,
	authorize: (credential: Credential) => Result<Actor>,
): Promise<void> {
	const credential = parseCredentialHeader(request.headers.get(CREDENTIAL_HEADER));
	const actor = credential ? authorize(credential) : fail("unauthenticated", "Not allowed here.");
	if (!credential || !actor.ok) {
		const code = actor.ok ? "unauthenticated" : actor.code;
		send(socket, { type: "error", code, message: "Not allowed here." });
		socket.close(code === "tenant_suspended" ? 4403 : 4401, "Not allowed");
		return;
	}
	const boardId = new URL(request.url).searchParams.get("board") ?? "";
	if (!(await room.store.board(boardId))) {
		socket.close(4404, "Board not found");
		return;
	}
	const { userId, name, role } = actor.value;
	socket.setState({ credential, userId, name, boardId, cardId: null });
	send(socket, { type: "hello", connectionId: socket.id, userId, role });
}

function parseCredentialHeader(value: string | null): Credential | undefined {
	if (!value) return undefined;
	try {
		const parsed = JSON.parse(value) as Credential;
		return parsed.kind === "session" || parsed.kind === "apiKey" ? parsed : undefined;
	} catch {
		return undefined;
	}
}
