// Live collaboration: what a tenant's socket server (the Durable Object, or the D1 variant's relay)
// does with each WebSocket frame. Connection state (who, which board, which card) lives on the
// socket so it survives hibernation.
import type { Connection } from "partyserver";
import { fields } from "../../shared/api";
import { fail, type Result } from "../../shared/errors";
import { MAX_FRAME_BYTES } from "../../shared/limits";
import type { ClientMessage, CommittedEvent, ServerMessage } from "../../shared/protocol";
import { clientMessageSchema } from "../../shared/protocol";
import { utf8Length } from "../../shared/text";
import type { Credential } from "./members";
import type { Actor } from "./operations";
import { applyOperation } from "./operations";
import { presenceChanged, presenceList } from "./presence";
import type { BoardStore } from "./store";
import type { UsageMeter } from "./usage-meter";

export interface SocketState {
	credential: Credential;
	userId: string;
	name: string;
	boardId: string;
	cardId: string | null;
	/**
	 * False until the socket's sync has been answered. Live events wait until then: an event sent
	 * before the replay would run ahead of it, and the replica would skip what the replay carries.
	 */
	synced: boolean;
}

export type BoardSocket = Connection<SocketState>;

/** What collaboration needs from the tenant object. Commits broadcast through the store's listener. */
export interface Room {
	store: BoardStore;
	meter: UsageMeter;
	resolve(credential: Credential): Promise<Actor | undefined>;
	connections(boardId: string): Iterable<BoardSocket>;
}

export function boardTag(boardId: string): string {
	return `board:${boardId}`;
}

/**
 * Sends one frame to one socket: one message out on the tenant's meter. A socket that closed while
 * its frame was being handled gets nothing (sending would throw); its client re-syncs on reconnect
 * and re-sends what was not acknowledged, which applies once.
 */
function send(room: Room, socket: WebSocket, message: ServerMessage): void {
	if (socket.readyState !== WebSocket.OPEN) return;
	socket.send(JSON.stringify(message));
	room.meter.count("ws.messages_out", 1);
}

/**
 * Handles one frame. Bad frames get an error frame and change nothing; oversized ones close with
 * 1009. A bug while handling a frame is logged and answered with an error frame (an op.error for
 * an operation, so its sender stops re-sending it), never with a stack trace.
 */
export async function handleFrame(
	room: Room,
	socket: BoardSocket,
	raw: string | ArrayBuffer | ArrayBufferView,
): Promise<void> {
	const state = socket.state;
	if (!state) return;
	room.meter.begin();
	room.meter.count("ws.messages_in", 1);
	if (state.credential.kind === "session") room.meter.active(state.userId);
	if (frameBytes(raw) > MAX_FRAME_BYTES) {
		socket.close(1009, "Frame too large");
		return;
	}
	const message = parseFrame(raw);
	if (!message) {
		send(room, socket, { type: "error", code: "bad_request", message: "That frame is not a valid Boardroom message." });
		return;
	}
	try {
		await dispatch(room, socket, state, message);
	} catch (error) {
		console.error("Handling a WebSocket frame failed", error);
		const text = "Something went wrong on our side; nothing was changed.";
		send(
			room,
			socket,
			message.type === "op"
				? { type: "op.error", opId: message.opId, code: "internal", message: text }
				: { type: "error", code: "internal", message: text },
		);
	}
}

async function dispatch(room: Room, socket: BoardSocket, state: SocketState, message: ClientMessage): Promise<void> {
	switch (message.type) {
		case "sync":
			return sync(room, socket, state, message.since);
		case "op":
			return operate(room, socket, state, message);
		case "presence.update":
			socket.setState({ ...state, cardId: message.cardId });
			broadcastPresence(room, state.boardId, socket.id);
	}
}

/** A frame's size in bytes as it came over the wire: UTF-8 for text. */
function frameBytes(raw: string | ArrayBuffer | ArrayBufferView): number {
	if (typeof raw !== "string") return raw.byteLength;
	// UTF-8 never takes fewer bytes than UTF-16 code units, so long strings are refused unmeasured.
	return raw.length > MAX_FRAME_BYTES ? raw.length : utf8Length(raw);
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
		send(room, socket, { type: "events.replay", events: missed });
	} else {
		const board = await room.store.boardDetail(state.boardId);
		if (!board) {
			socket.close(4404, "Board not found");
			return;
		}
		send(room, socket, { type: "board.snapshot", board });
	}
	// Nothing committed between reading the reply and this line (the store answered without
	// yielding), so every later event follows the reply in order.
	socket.setState({ ...state, synced: true });
	// The whole list to this socket only; the others hear of it as a change (see presence.ts).
	send(room, socket, { type: "presence", entries: presenceList(room, state.boardId) });
	broadcastPresence(room, state.boardId, socket.id);
}

async function operate(
	room: Room,
	socket: BoardSocket,
	state: SocketState,
	message: Extract<ClientMessage, { type: "op" }>,
): Promise<void> {
	const { opId, op } = message;
	const actor = await room.resolve(state.credential);
	if (!actor) {
		socket.close(4401, "Not a member any more");
		return;
	}
	if (op.boardId !== state.boardId) {
		send(room, socket, { type: "op.error", opId, code: "not_found", message: "This socket watches another board." });
		return;
	}
	const result = await applyOperation(room.store, actor, op, opId);
	if (!result.ok) {
		send(room, socket, { type: "op.error", opId, code: result.code, message: result.message, details: result.details });
		return;
	}
	// The commit has already broadcast the event to everyone, the sender included, so the sender's
	// confirmed state holds the change by the time its ack drops the pending copy.
	send(room, socket, { type: "op.ack", opId, seq: result.value.committed.seq });
}

/** Sends a committed event to every synced socket on its board. */
export function broadcastEvent(room: Room, committed: CommittedEvent): void {
	const frame = JSON.stringify({ type: "event", event: committed } satisfies ServerMessage);
	let sent = 0;
	for (const socket of room.connections(committed.boardId)) {
		if (!socket.state?.synced) continue;
		socket.send(frame);
		sent += 1;
	}
	room.meter.count("ws.messages_out", sent);
}

/** A connection joined, looked at another card, or left: its board's members hear of it shortly. */
export function broadcastPresence(room: Room, boardId: string, connectionId: string): void {
	presenceChanged(room, boardId, connectionId);
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
	authorize: (credential: Credential) => Promise<Result<Actor>>,
): Promise<void> {
	const credential = parseCredentialHeader(request.headers.get(CREDENTIAL_HEADER));
	const actor = credential ? await authorize(credential) : fail("unauthenticated", "Not allowed here.");
	if (!credential || !actor.ok) {
		const code = actor.ok ? "unauthenticated" : actor.code;
		send(room, socket, { type: "error", code, message: "Not allowed here." });
		socket.close(code === "tenant_suspended" ? 4403 : 4401, "Not allowed");
		return;
	}
	const boardId = boardParam(request);
	if (!boardId || !(await room.store.board(boardId))) {
		socket.close(4404, "Board not found");
		return;
	}
	const { userId, name, role } = actor.value;
	socket.setState({ credential, userId, name, boardId, cardId: null, synced: false });
	room.meter.request("ws_connect", credential.kind === "session" ? userId : null);
	send(room, socket, { type: "hello", connectionId: socket.id, userId, role });
}

/** The board a socket asks to watch, if it is a well-formed id (it becomes a connection tag). */
export function boardParam(request: Request): string | undefined {
	const parsed = fields.id.safeParse(new URL(request.url).searchParams.get("board"));
	return parsed.success ? parsed.data : undefined;
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
