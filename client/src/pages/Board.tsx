// A board: live columns of cards, edited optimistically over the board's WebSocket.
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { CommittedEvent, Operation } from "../../../shared/protocol";
import { canManage, canWrite } from "../../../shared/roles";
import { BoardContext, type BoardContextValue } from "../board-context";
import { ActivityPanel } from "../components/ActivityPanel";
import { ArchivedNotice, BoardHeader, type Panel } from "../components/BoardHeader";
import { CardDialog } from "../components/CardDialog";
import { Columns } from "../components/Columns";
import { ConnectionBadge } from "../components/ConnectionBadge";
import { FullPageMessage, Skeleton, Spinner } from "../components/Feedback";
import { PresenceAvatars } from "../components/Presence";
import { TopBar } from "../components/TopBar";
import { useSession } from "../tenant-session";
import { useToast } from "../toasts";
import { useBoardSocket } from "../use-board-socket";

const ArchivePanel = lazy(() => import("../components/ArchivePanel"));

/** A card to open, from the address (search results link to `…/b/:boardId?card=:cardId`). */
function cardInAddress(): string | null {
	return new URLSearchParams(location.search).get("card");
}

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
	const [openCardId, setOpenCardId] = useState<string | null>(cardInAddress);
	const [dragging, setDragging] = useState<string | null>(null);
	const [focusCardId, setFocusCardId] = useState<string | null>(null);
	const [panel, setPanel] = useState<Panel>(null);
	const [archived, setArchived] = useState(false);
	const subscribe = useCallback((listener: (event: CommittedEvent) => void) => {
		listeners.current.add(listener);
		return () => void listeners.current.delete(listener);
	}, []);
	useEffect(
		() =>
			subscribe(({ event }) => {
				if (event.type === "board.archived") setArchived(true);
				if (event.type === "board.restored") setArchived(false);
			}),
		[subscribe],
	);
	const closeCard = useCallback(() => {
		setOpenCardId(null);
		// A card opened from the address: the address goes back to the board's own.
		if (cardInAddress()) history.replaceState(null, "", location.pathname);
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
		userId: me.user.id,
		canWrite: canWrite(me.user.role),
		canManage: canManage(me.user.role),
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
					<BoardHeader panel={panel} setPanel={setPanel} />
					<div className="board-body">
						{archived ? <ArchivedNotice /> : <Columns />}
						{panel === "activity" && <ActivityPanel onClose={() => setPanel(null)} />}
						{panel === "archive" && (
							<Suspense fallback={<Spinner label="Loading the archive…" />}>
								<ArchivePanel onClose={() => setPanel(null)} />
							</Suspense>
						)}
					</div>
					{dialogCardId && !archived && (
						<CardDialog cardId={dialogCardId} onClose={closeCard} setViewing={socket.setViewing} />
					)}
				</BoardContext.Provider>
			) : (
				<BoardSkeleton />
			)}
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
	if (code === "version_conflict")
		return `Someone else changed this ${op?.type.startsWith("label.") ? "label" : "card"}; showing their version`;
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
	"comment.delete": "deleting the comment",
	"label.create": "the new label",
	"label.update": "the label",
	"label.delete": "deleting the label",
	"card.label": "the card's new label",
	"card.unlabel": "taking the label off",
	"card.assign": "the assignee",
	"card.unassign": "removing the assignee",
};
