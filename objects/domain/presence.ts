// Presence: who is on a board and which card each has open. A member who joins (or syncs again)
// gets the whole list once; everyone else hears only what changed, gathered for a moment.
//
// Why not the whole list to everyone on every change, as it used to be: with N members a join
// sent N frames of N entries, so N members joining cost N³ entries serialised and sent. At 800
// members each join put ~100 KB in front of every socket and the object fell behind, tickets
// included (they wait for the object too); 1,000 members could not all join. Now a join costs
// one list for the joiner and one small diff for the others, and diffs coalesce: a crowd joining
// within the window is one frame per member, not one per joiner.
import type { PresenceEntry, ServerMessage } from "../../shared/protocol";
import type { BoardSocket, Room } from "./collaboration";

/** How long changes gather before the others hear of them, in a small room. Short enough to feel live. */
const COALESCE_MS = 100;
/**
 * In a crowd each announcement is a frame to every member, so the window grows with the audience:
 * another COALESCE_MS for every LISTENERS_PER_STEP listeners, up to MAX_COALESCE_MS. A thousand
 * members joining at once then cost a tenth of the frames, and a face appears within a second.
 */
const LISTENERS_PER_STEP = 100;
const MAX_COALESCE_MS = 1000;

/** Connections whose presence changed and not yet announced, by room and board. */
const pendingByRoom = new WeakMap<Room, Map<string, Set<string>>>();
/** How many listened to each board's last announcement: the size of its audience, known for free. */
const audienceByRoom = new WeakMap<Room, Map<string, number>>();

/** Everyone on the board (admitted sockets), in connection order. */
export function presenceList(room: Room, boardId: string): PresenceEntry[] {
	const entries: PresenceEntry[] = [];
	for (const socket of room.connections(boardId)) {
		const entry = toEntry(socket);
		if (entry) entries.push(entry);
	}
	return entries;
}

/**
 * Notes that a connection joined, changed what it looks at, or left; its board's other members
 * hear of it within COALESCE_MS, as `presence.changed` (entries as they are then, or gone).
 */
export function presenceChanged(room: Room, boardId: string, connectionId: string): void {
	let boards = pendingByRoom.get(room);
	if (!boards) {
		boards = new Map();
		pendingByRoom.set(room, boards);
	}
	const pending = boards.get(boardId);
	if (pending) {
		pending.add(connectionId);
		return;
	}
	boards.set(boardId, new Set([connectionId]));
	// A pending timer keeps the object awake until it fires, so a change is never left unsent.
	setTimeout(() => announce(room, boardId), coalesceMs(audienceByRoom.get(room)?.get(boardId) ?? 0));
}

/** How long a board's changes gather before they are announced, given how many listened last time. */
export function coalesceMs(listeners: number): number {
	return Math.min(MAX_COALESCE_MS, COALESCE_MS * Math.max(1, Math.ceil(listeners / LISTENERS_PER_STEP)));
}

/**
 * Sends the gathered changes: each connection as it is now (still open: its entry; closed: gone),
 * so a frame never carries a state older than one already sent, and applying it twice is harmless.
 */
function announce(room: Room, boardId: string): void {
	const ids = pendingByRoom.get(room)?.get(boardId);
	pendingByRoom.get(room)?.delete(boardId);
	if (!ids) return;
	const open = new Map<string, BoardSocket>();
	const listeners: BoardSocket[] = [];
	for (const socket of room.connections(boardId)) {
		open.set(socket.id, socket);
		// Not yet synced: its sync will send it the whole list, which already has these changes.
		if (socket.state?.synced) listeners.push(socket);
	}
	const entries: PresenceEntry[] = [];
	const gone: string[] = [];
	for (const id of ids) {
		const socket = open.get(id);
		const entry = socket && toEntry(socket);
		if (entry) entries.push(entry);
		else gone.push(id);
	}
	const frame = JSON.stringify({ type: "presence.changed", entries, gone } satisfies ServerMessage);
	for (const socket of listeners) socket.send(frame);
	room.meter.count("ws.messages_out", listeners.length);
	let audience = audienceByRoom.get(room);
	if (!audience) {
		audience = new Map();
		audienceByRoom.set(room, audience);
	}
	audience.set(boardId, listeners.length);
}

function toEntry(socket: BoardSocket): PresenceEntry | undefined {
	const s = socket.state;
	return s ? { connectionId: socket.id, userId: s.userId, name: s.name, cardId: s.cardId } : undefined;
}
