// A board: live columns of cards, edited optimistically over the board's WebSocket.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { CommittedEvent, Operation } from "../../../shared/protocol";
import { canWrite } from "../../../shared/roles";
import { BoardContext, type BoardContextValue, useBoard } from "../board-context";
import { ActivityPanel } from "../components/ActivityPanel";
import { CardDialog } from "../components/CardDialog";
import { Columns } from "../components/Columns";
import { ConnectionBadge } from "../components/ConnectionBadge";
import { FullPageMessage, Skeleton } from "../components/Feedback";
import { InlineEdit } from "../components/InlineEdit";
import { Link } from "../components/Link";
import { PresenceAvatars } from "../components/Presence";
import { TopBar } from "../components/TopBar";
import { tenantHref } from "../router";
import { useSession } from "../tenant-session";
import { useToast } from "../toasts";
import { useBoardSocket } from "../use-board-socket";

export function BoardPage({ boardId }: { boardId: string }) {
	const { slug, me, expire } = useSession();
	const notify = useToast();
	const listeners = useRef(new Set<(event: CommittedEvent) => void>());
	const socket = useBoardSocket(slug, boardId, {
		onEvent: (event) => {
			for (const listener of listeners.current) listener(event);
		},
		onOpError: (code, message, op) => notify(opErrorMessage(code, message, op)),
		onServerError: (message) => notify(message),
		onDenied: expire,
	});
	const [openCardId, setOpenCardId] = useState<string | null>(null);
	const [dragging, setDragging] = useState<string | null>(null);
	const [focusCardId, setFocusCardId] = useState<string | null>(null);
	const [showActivity, setShowActivity] = useState(false);
	const subscribe = useCallback((listener: (event: CommittedEvent) => void) => {
		listeners.current.add(listener);
		return () => void listeners.current.delete(listener);
	}, []);
	const others = useMemo(
		() => socket.presence.filter((p) => p.connectionId !== socket.connectionId),
		[socket.presence, socket.connectionId],
	);
	// You are in the top bar already, as the account menu: the avatars there are everyone else.
	const otherPeople = useMemo(
		() => socket.presence.filter((p) => p.userId !== me.user.id),
		[socket.presence, me.user.id],
	);

	const signedOut = socket.loadError?.status === 401;
	useEffect(() => {
		if (signedOut) expire();
	}, [signedOut, expire]);

	if (socket.loadError && !socket.board) {
		return <FullPageMessage title="Board not found">{socket.loadError.message}</FullPageMessage>;
	}
	const board = socket.board;
	const context: BoardContextValue | null = board && {
		slug,
		board,
		canWrite: canWrite(me.user.role),
		send: socket.send,
		pending: socket.pending,
		others,
		openCard: setOpenCardId,
		subscribe,
		dragging,
		setDragging,
		focusCardId,
		setFocusCardId,
	};
	// A dialog opened on an optimistic card follows it to its real id once committed.
	const dialogCardId = openCardId ? (socket.created[openCardId] ?? openCardId) : null;
	return (
		<div className="app board-app">
			<TopBar>
				<PresenceAvatars entries={otherPeople} />
				<ConnectionBadge kind={socket.connection} queued={socket.pendingCount} />
			</TopBar>
			{context ? (
				<BoardContext.Provider value={context}>
					<BoardHeader onToggleActivity={() => setShowActivity((s) => !s)} activityOpen={showActivity} />
					<div className="board-body">
						<Columns />
						{showActivity && <ActivityPanel onClose={() => setShowActivity(false)} />}
					</div>
					{dialogCardId && (
						<CardDialog cardId={dialogCardId} onClose={() => setOpenCardId(null)} setViewing={socket.setViewing} />
					)}
				</BoardContext.Provider>
			) : (
				<BoardSkeleton />
			)}
		</div>
	);
}

function BoardHeader({ onToggleActivity, activityOpen }: { onToggleActivity: () => void; activityOpen: boolean }) {
	const { slug, board, canWrite, send } = useBoard();
	return (
		<div className="board-header">
			<nav className="breadcrumb" aria-label="Breadcrumb">
				<Link href={tenantHref(slug)} data-testid="boards-link">
					Boards
				</Link>
				<span aria-hidden="true">/</span>
			</nav>
			<h1 className="board-title">
				<InlineEdit
					value={board.title}
					label="Board title"
					readOnly={!canWrite}
					onSave={(title) => send({ type: "board.rename", boardId: board.id, title, version: board.version })}
				/>
			</h1>
			{!canWrite && <span className="badge">View only</span>}
			<div className="topbar-spacer" />
			<button type="button" className="button button-secondary" aria-pressed={activityOpen} onClick={onToggleActivity}>
				Activity
			</button>
		</div>
	);
}

const SKELETON_COLUMNS = [
	["a", "b", "c"],
	["d", "e"],
	["f", "g", "h", "i"],
];

function BoardSkeleton() {
	return (
		<section className="columns" aria-busy="true" aria-label="Loading board">
			{SKELETON_COLUMNS.map((cards) => (
				<div key={cards.join()} className="column">
					<Skeleton width="50%" height={18} />
					{cards.map((key) => (
						<Skeleton key={key} height={44} />
					))}
				</div>
			))}
		</section>
	);
}

function opErrorMessage(code: string, message: string, op: Operation | undefined): string {
	if (code === "version_conflict") return "Someone else changed this card; showing their version";
	if (code === "forbidden") return "You can view this board but not change it.";
	return `Couldn't save ${op ? WHAT_CHANGED[op.type] : "your change"}: ${message}`;
}

/** Each operation in the words of the person who made it. */
const WHAT_CHANGED: Record<Operation["type"], string> = {
	"board.rename": "the board's new name",
	"list.create": "the new list",
	"list.rename": "the list's new name",
	"list.move": "the list's new place",
	"list.archive": "archiving the list",
	"list.restore": "restoring the list",
	"card.create": "the new card",
	"card.update": "the card",
	"card.move": "the card's new place",
	"card.archive": "archiving the card",
	"card.restore": "restoring the card",
	"comment.create": "your comment",
};
