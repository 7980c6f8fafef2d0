// The board's live connection: a reconnecting WebSocket that syncs, applies events and drains the outbox.
import { WebSocket as ReconnectingSocket } from "partysocket";
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import type { BoardDetail } from "../../shared/api";
import { paths } from "../../shared/paths";
import type { ClientMessage, CommittedEvent, Operation, PresenceEntry, ServerMessage } from "../../shared/protocol";
import { ApiError, request } from "./api";
import { deriveView, type PendingOp } from "./board-state";
import { recallBoard, rememberBoard } from "./offline-cache";
import { loadOutbox, saveOutbox } from "./outbox";
import { socketReducer } from "./socket-state";

/** Close codes the server uses to say "you may not be here"; reconnecting would not help. */
const DENIED_CODES = new Set([4401, 4403]);

export type ConnectionKind = "live" | "syncing" | "reconnecting" | "offline";

export interface BoardSocketHandlers {
	/** Every committed event, live or replayed (the card dialog follows comments and attachments). */
	onEvent?: (event: CommittedEvent) => void;
	onOpError?: (code: string, message: string, op: Operation | undefined) => void;
	onServerError?: (message: string) => void;
	/** Not signed in or no longer allowed on this board. */
	onDenied?: () => void;
}

export interface BoardSocket {
	board: BoardDetail | null;
	loadError: ApiError | null;
	pendingCount: number;
	connection: ConnectionKind;
	presence: PresenceEntry[];
	connectionId: string | null;
	pending: PendingOp[];
	/** Maps a temporary card id to the server's once its card.create is committed. */
	created: Record<string, string>;
	send: (op: Operation) => string;
	setViewing: (cardId: string | null) => void;
}

function socketUrl(slug: string, boardId: string): string {
	const scheme = location.protocol === "https:" ? "wss" : "ws";
	return `${scheme}://${location.host}${paths.socket(slug)}?board=${encodeURIComponent(boardId)}`;
}

export function useBoardSocket(slug: string, boardId: string, handlers: BoardSocketHandlers): BoardSocket {
	const [state, dispatch] = useReducer(socketReducer, null, () => ({
		confirmed: null,
		resync: "none" as const,
		pending: loadOutbox(slug, boardId),
		presence: [],
		connectionId: null,
		created: {},
	}));
	const [loadError, setLoadError] = useState<ApiError | null>(null);
	const link = useSocketLink(slug, boardId, state.confirmed?.seq ?? null, state.pending, dispatch, handlers);

	useEffect(() => saveOutbox(slug, boardId, state.pending), [slug, boardId, state.pending]);
	// The last confirmed board, so a reload without a network still opens it (with the outbox on top).
	useEffect(() => {
		if (state.confirmed) rememberBoard(slug, state.confirmed);
	}, [slug, state.confirmed]);

	// A gap in the board's events: ask for everything after what we hold. If the socket is down,
	// the sync it sends when it opens does the same.
	const { resync } = state;
	const { resyncFrom } = link;
	useEffect(() => {
		if (resync === "needed" && resyncFrom()) dispatch({ type: "resyncing" });
	}, [resync, resyncFrom]);

	// The HTTP load paints the board fast and reports a missing board; the socket then keeps it current.
	useEffect(() => {
		const controller = new AbortController();
		request<BoardDetail>(paths.board(slug, boardId), { signal: controller.signal })
			.then((board) => dispatch({ type: "loaded", board, authoritative: false }))
			.catch((error: unknown) => {
				const cached = error instanceof ApiError && error.status === 0 ? recallBoard(slug, boardId) : null;
				if (cached) dispatch({ type: "loaded", board: cached, authoritative: false });
				else if (error instanceof ApiError) setLoadError(error);
			});
		return () => controller.abort();
	}, [slug, boardId]);

	const board = useMemo(() => deriveView(state.confirmed, state.pending), [state.confirmed, state.pending]);
	const connection: ConnectionKind = !link.online
		? "offline"
		: link.open && link.synced && state.pending.length === 0
			? "live"
			: link.open || !link.closedOnce
				? "syncing"
				: "reconnecting";
	return {
		board,
		loadError,
		pendingCount: state.pending.length,
		connection,
		presence: state.presence,
		connectionId: state.connectionId,
		pending: state.pending,
		created: state.created,
		send: link.send,
		setViewing: link.setViewing,
	};
}

type Dispatch = (action: Parameters<typeof socketReducer>[1]) => void;

/** Owns the socket itself; reads the latest state through refs so it is created once per board. */
function useSocketLink(
	slug: string,
	boardId: string,
	seq: number | null,
	pending: PendingOp[],
	dispatch: Dispatch,
	handlers: BoardSocketHandlers,
) {
	const socketRef = useRef<ReconnectingSocket | null>(null);
	const latest = useRef({ seq, pending, handlers, viewing: null as string | null });
	latest.current = { ...latest.current, seq, pending, handlers };
	const [open, setOpen] = useState(false);
	const [synced, setSynced] = useState(false);
	const [closedOnce, setClosedOnce] = useState(false);
	const online = useOnline();

	const frame = useCallback((message: ClientMessage) => {
		const socket = socketRef.current;
		// Only send on an open socket: whatever is missed is re-sent from the outbox on the next open.
		if (socket && socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
	}, []);

	useEffect(() => {
		const socket = new ReconnectingSocket(() => socketUrl(slug, boardId), [], {
			maxEnqueuedMessages: 0,
			shouldReconnectOnClose: (event) => !DENIED_CODES.has(event.code),
		});
		socketRef.current = socket;
		socket.addEventListener("open", () => {
			setOpen(true);
			setSynced(false);
			dispatch({ type: "resyncing" });
			const send = (m: ClientMessage) => socket.send(JSON.stringify(m));
			send({ type: "sync", since: latest.current.seq });
			for (const p of latest.current.pending) if (p.ackSeq === undefined) send({ type: "op", opId: p.opId, op: p.op });
			if (latest.current.viewing) send({ type: "presence.update", cardId: latest.current.viewing });
		});
		socket.addEventListener("close", (event) => {
			setOpen(false);
			setClosedOnce(true);
			if (DENIED_CODES.has(event.code)) latest.current.handlers.onDenied?.();
		});
		socket.addEventListener("message", (event: MessageEvent) => {
			const message = parseFrame(event.data);
			if (message) handleMessage(message, dispatch, latest.current, () => setSynced(true));
		});
		return () => {
			socketRef.current = null;
			socket.close();
		};
	}, [slug, boardId, dispatch]);

	const send = useCallback(
		(op: Operation) => {
			const opId = crypto.randomUUID();
			dispatch({ type: "enqueue", pending: { opId, op } });
			frame({ type: "op", opId, op });
			return opId;
		},
		[dispatch, frame],
	);
	const setViewing = useCallback(
		(cardId: string | null) => {
			latest.current.viewing = cardId;
			frame({ type: "presence.update", cardId });
		},
		[frame],
	);
	/** Sends a sync from the confirmed sequence; false when the socket is not open to take it. */
	const resyncFrom = useCallback(() => {
		const socket = socketRef.current;
		if (!socket || socket.readyState !== socket.OPEN) return false;
		socket.send(JSON.stringify({ type: "sync", since: latest.current.seq } satisfies ClientMessage));
		return true;
	}, []);
	return { open, synced, closedOnce, online, send, setViewing, resyncFrom };
}

function parseFrame(data: unknown): ServerMessage | null {
	if (typeof data !== "string") return null;
	try {
		const parsed: unknown = JSON.parse(data);
		return typeof parsed === "object" && parsed !== null && "type" in parsed ? (parsed as ServerMessage) : null;
	} catch {
		return null;
	}
}

interface Latest {
	pending: PendingOp[];
	handlers: BoardSocketHandlers;
}

function handleMessage(message: ServerMessage, dispatch: Dispatch, latest: Latest, markSynced: () => void): void {
	switch (message.type) {
		case "hello":
			dispatch({ type: "hello", connectionId: message.connectionId });
			break;
		case "board.snapshot":
			markSynced();
			dispatch({ type: "loaded", board: message.board, authoritative: true });
			break;
		case "events.replay":
			markSynced();
			dispatch({ type: "events", events: message.events, replay: true });
			for (const event of message.events) latest.handlers.onEvent?.(event);
			break;
		case "event":
			dispatch({ type: "events", events: [message.event], replay: false });
			latest.handlers.onEvent?.(message.event);
			break;
		case "op.ack":
			dispatch({ type: "ack", opId: message.opId, seq: message.seq });
			break;
		case "op.error": {
			const op = latest.pending.find((p) => p.opId === message.opId)?.op;
			dispatch({ type: "reject", opId: message.opId });
			latest.handlers.onOpError?.(message.code, message.message, op);
			break;
		}
		case "presence":
			dispatch({ type: "presence", entries: message.entries });
			break;
		case "presence.changed":
			dispatch({ type: "presence.changed", entries: message.entries, gone: message.gone });
			break;
		case "error":
			latest.handlers.onServerError?.(message.message);
			break;
	}
}

function useOnline(): boolean {
	const [online, setOnline] = useState(() => navigator.onLine);
	useEffect(() => {
		const update = () => setOnline(navigator.onLine);
		window.addEventListener("online", update);
		window.addEventListener("offline", update);
		return () => {
			window.removeEventListener("online", update);
			window.removeEventListener("offline", update);
		};
	}, []);
	return online;
}
