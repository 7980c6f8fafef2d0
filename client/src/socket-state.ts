// The board socket's state machine: confirmed board, outbox and presence, changed only by these actions.
import type { BoardDetail } from "../../shared/api";
import type { CommittedEvent, PresenceEntry } from "../../shared/protocol";
import { applyEvent } from "../../shared/protocol";
import { type PendingOp, tempId } from "./board-state";

export interface SocketState {
	confirmed: BoardDetail | null;
	pending: PendingOp[];
	presence: PresenceEntry[];
	connectionId: string | null;
	/** Server ids of cards this client created, by the temporary id it showed meanwhile. */
	created: Record<string, string>;
}

export type SocketAction =
	| { type: "loaded"; board: BoardDetail; authoritative: boolean }
	| { type: "events"; events: CommittedEvent[] }
	| { type: "enqueue"; pending: PendingOp }
	| { type: "ack"; opId: string; seq: number }
	| { type: "reject"; opId: string }
	| { type: "presence"; entries: PresenceEntry[] }
	| { type: "hello"; connectionId: string };

export function socketReducer(state: SocketState, action: SocketAction): SocketState {
	switch (action.type) {
		case "loaded":
			// A socket snapshot is the truth; an HTTP load only fills the board in before the socket syncs.
			if (!action.authoritative && state.confirmed && state.confirmed.seq >= action.board.seq) return state;
			return settle({ ...state, confirmed: action.board }, []);
		case "events": {
			if (!state.confirmed) return state;
			const confirmed = action.events.reduce(applyEvent, state.confirmed);
			const committedOps = action.events.flatMap((e) => (e.opId ? [e.opId] : []));
			return settle({ ...state, confirmed, created: recordCreated(state.created, action.events) }, committedOps);
		}
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
		case "hello":
			return { ...state, connectionId: action.connectionId };
	}
}

/**
 * Drops pending operations the confirmed board already reflects: those whose event arrived, and
 * acknowledged ones once the board has reached their sequence (the ack and the event may come in
 * either order, and dropping on the ack alone would make the change blink out and back).
 */
function settle(state: SocketState, committedOps: readonly string[]): SocketState {
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
