// The board socket's state machine: confirmed board, outbox and presence, changed only by these actions.
import type { BoardDetail } from "../../shared/api";
import { applyEvent, placeEvent } from "../../shared/events";
import type { CommittedEvent, PresenceEntry } from "../../shared/protocol";
import { type PendingOp, tempId } from "./board-state";

export interface LiveBoardState {
	/** The board exactly as the server committed it, up to `confirmed.seq`. */
	confirmed: BoardDetail | null;
	/**
	 * "needed" when an event arrived that does not follow `confirmed` (one of this board's events
	 * was missed): the socket must sync again from `confirmed.seq`, and events past the gap are
	 * dropped until that sync's reply ("requested") brings them in order.
	 */
	resync: "none" | "needed" | "requested";
	pending: PendingOp[];
	presence: PresenceEntry[];
	connectionId: string | null;
	/** Server ids of cards this client created, by the temporary id it showed meanwhile. */
	created: Record<string, string>;
}

export type SocketAction =
	| { type: "loaded"; board: BoardDetail; authoritative: boolean }
	/** Events as they arrive: live one by one, or a sync's replay (which ends any re-sync). */
	| { type: "events"; events: CommittedEvent[]; replay: boolean }
	| { type: "enqueue"; pending: PendingOp }
	| { type: "ack"; opId: string; seq: number }
	| { type: "reject"; opId: string }
	| { type: "presence"; entries: PresenceEntry[] }
	/** Some people joined, changed what they look at, or left (by connection id). */
	| { type: "presence.changed"; entries: PresenceEntry[]; gone: string[] }
	| { type: "hello"; connectionId: string }
	/** The socket asked for a fresh sync after a gap. */
	| { type: "resyncing" };

export function socketReducer(state: LiveBoardState, action: SocketAction): LiveBoardState {
	switch (action.type) {
		case "loaded":
			// A socket snapshot is the truth; an HTTP load only fills the board in before the socket syncs.
			if (!action.authoritative && state.confirmed && state.confirmed.seq >= action.board.seq) return state;
			return settle({ ...state, confirmed: action.board, resync: "none" }, []);
		case "events":
			return applyEvents(action.replay ? { ...state, resync: "none" } : state, action.events);
		case "resyncing":
			return { ...state, resync: "requested" };
		case "enqueue":
			return { ...state, pending: [...state.pending, action.pending] };
		case "ack": {
			const pending = state.pending.map((p) => (p.opId === action.opId ? { ...p, ackSeq: action.seq } : p));
			return settle({ ...state, pending }, []);
		}
		case "reject":
			return { ...state, pending: state.pending.filter((p) => p.opId !== action.opId) };
		case "presence":
			return { ...state, presence: action.entries };
		case "presence.changed":
			return { ...state, presence: mergePresence(state.presence, action.entries, action.gone) };
		case "hello":
			return { ...state, connectionId: action.connectionId };
	}
}

/**
 * Applies events in order: one already in the board is skipped (a replay may overlap what arrived
 * live), the next one is applied, and one past a gap stops everything until the re-sync.
 */
function applyEvents(state: LiveBoardState, events: readonly CommittedEvent[]): LiveBoardState {
	let confirmed = state.confirmed;
	if (!confirmed) return state;
	const applied: CommittedEvent[] = [];
	let resync = state.resync;
	for (const event of events) {
		const place = placeEvent(confirmed, event);
		if (place === "gap" && resync === "none") resync = "needed";
		if (place !== "next") continue;
		confirmed = applyEvent(confirmed, event);
		applied.push(event);
	}
	if (applied.length === 0) return resync === state.resync ? state : { ...state, resync };
	const committedOps = applied.flatMap((e) => (e.opId ? [e.opId] : []));
	return settle({ ...state, confirmed, resync, created: recordCreated(state.created, applied) }, committedOps);
}

/**
 * Drops pending operations the confirmed board already reflects: those whose event arrived, and
 * acknowledged ones once the board has reached their sequence (the ack and the event may come in
 * either order, and dropping on the ack alone would make the change blink out and back).
 */
function settle(state: LiveBoardState, committedOps: readonly string[]): LiveBoardState {
	const seq = state.confirmed?.seq ?? -1;
	const pending = state.pending.filter(
		(p) => !committedOps.includes(p.opId) && !(p.ackSeq !== undefined && p.ackSeq <= seq),
	);
	return pending.length === state.pending.length ? state : { ...state, pending };
}

/** Lets a dialog opened on an optimistic card follow it to the id the server gave it. */
function recordCreated(created: Record<string, string>, events: readonly CommittedEvent[]): Record<string, string> {
	const added = events.flatMap((e) =>
		e.opId && e.event.type === "card.created" ? [[tempId(e.opId), e.event.card.id] as const] : [],
	);
	return added.length === 0 ? created : { ...created, ...Object.fromEntries(added) };
}

/**
 * Applies a presence change to the list: changed entries replace theirs in place, new ones go at
 * the end, gone ones leave. Applying the same change twice changes nothing.
 */
function mergePresence(current: PresenceEntry[], entries: PresenceEntry[], gone: string[]): PresenceEntry[] {
	const left = new Set(gone);
	const changed = new Map(entries.map((e) => [e.connectionId, e]));
	const kept = current.filter((e) => !left.has(e.connectionId)).map((e) => changed.get(e.connectionId) ?? e);
	const known = new Set(kept.map((e) => e.connectionId));
	return [...kept, ...entries.filter((e) => !known.has(e.connectionId) && !left.has(e.connectionId))];
}
