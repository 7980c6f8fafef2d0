// What every part of the board page needs: the live board, how to change it, and who is looking.
import { createContext, useContext } from "react";
import type { BoardDetail } from "../../shared/api";
import type { CommittedEvent, Operation, PresenceEntry } from "../../shared/protocol";
import type { PendingOp } from "./board-state";

export interface BoardContextValue {
	slug: string;
	board: BoardDetail;
	/** Who is looking: their id, whether they may change the board, and manage others' comments. */
	userId: string;
	canWrite: boolean;
	canManage: boolean;
	send: (op: Operation) => string;
	pending: readonly PendingOp[];
	/** Other people's presence (this tab's own connection left out). */
	others: readonly PresenceEntry[];
	openCard: (cardId: string) => void;
	/** Follow committed events, e.g. comments arriving for an open card. Returns an unsubscribe. */
	subscribe: (listener: (event: CommittedEvent) => void) => () => void;
	/** The card being dragged, readable during dragover when dataTransfer is not. */
	dragging: string | null;
	setDragging: (cardId: string | null) => void;
	/** A card that should take focus once it re-renders (after a keyboard move). */
	focusCardId: string | null;
	setFocusCardId: (cardId: string | null) => void;
}

export const BoardContext = createContext<BoardContextValue | null>(null);

export function useBoard(): BoardContextValue {
	const value = useContext(BoardContext);
	if (!value) throw new Error("useBoard outside a board page");
	return value;
}
