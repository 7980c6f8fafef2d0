// The board a user sees = the server-confirmed board with their still-pending operations applied on top.
// Rolling back a rejected operation is then just dropping it: the view is re-derived from what remains.
import type { BoardDetail, Card, Label, List } from "../../shared/api";
import { assertNever, byPosition } from "../../shared/events";
import { keyAfterLast, keyBetween } from "../../shared/ordering";
import type { Operation } from "../../shared/protocol";

/** An operation sent (or waiting to be sent) and not yet seen committed. */
export interface PendingOp {
	opId: string;
	op: Operation;
	/** The sequence the server acknowledged it with; the op stays until the board reaches it. */
	ackSeq?: number;
}

/** Ids the client invents for things it creates optimistically; the server's id replaces them. */
export function tempId(opId: string): string {
	return `tmp-${opId}`;
}

export function isTempId(id: string): boolean {
	return id.startsWith("tmp-");
}

/** The board as the user should see it: confirmed state plus every pending operation. */
export function deriveView(confirmed: BoardDetail | null, pending: readonly PendingOp[]): BoardDetail | null {
	if (!confirmed) return null;
	return pending.reduce((board, p) => (p.op.boardId === board.id ? predictOperation(board, p) : board), confirmed);
}

/** The board after one operation, as far as the client can predict what the server will do. */
export function predictOperation(board: BoardDetail, { opId, op }: PendingOp): BoardDetail {
	switch (op.type) {
		case "board.rename":
			return { ...board, title: op.title };
		case "list.create": {
			const list: List = {
				id: tempId(opId),
				boardId: board.id,
				title: op.title,
				position: keyAfterLast(board.lists.map((l) => l.position)),
				version: 0,
			};
			return { ...board, lists: [...board.lists, list] };
		}
		case "list.rename":
			return mapLists(board, op.listId, (l) => ({ ...l, title: op.title }));
		case "list.move":
			return moveList(board, op.listId, op.afterId);
		case "list.archive":
			return {
				...board,
				lists: board.lists.filter((l) => l.id !== op.listId),
				cards: board.cards.filter((c) => c.listId !== op.listId),
			};
		case "card.create":
			return createCard(board, opId, op.listId, op.title, op.description ?? "");
		case "card.update": {
			// The server bumps the version on commit; predicting it lets a second edit follow the first.
			const edited = mapCards(board, op.cardId, (c) => ({
				...c,
				title: op.title ?? c.title,
				description: op.description ?? c.description,
				dueDate: op.dueDate === undefined ? c.dueDate : op.dueDate,
				version: c.version + 1,
			}));
			if (op.archived) return { ...edited, cards: edited.cards.filter((c) => c.id !== op.cardId) };
			return op.listId === undefined ? edited : moveCard(edited, op.cardId, op.listId, op.afterId ?? null);
		}
		case "list.restore":
		case "card.restore":
			// What comes back is only known to the server; its event brings it.
			return board;
		case "card.move":
			return moveCard(board, op.cardId, op.listId, op.afterId);
		case "card.archive":
			return { ...board, cards: board.cards.filter((c) => c.id !== op.cardId) };
		case "comment.create":
			return mapCards(board, op.cardId, (c) => ({ ...c, commentCount: c.commentCount + 1 }));
		case "comment.delete":
			return mapCards(board, op.cardId, (c) => ({ ...c, commentCount: Math.max(0, c.commentCount - 1) }));
		case "label.create": {
			const label: Label = {
				id: tempId(opId),
				boardId: board.id,
				name: op.name,
				color: op.color,
				version: 0,
				createdAt: new Date().toISOString(),
			};
			return { ...board, labels: [...board.labels, label] };
		}
		case "label.update":
			return {
				...board,
				labels: board.labels.map((l) =>
					l.id === op.labelId
						? { ...l, name: op.name ?? l.name, color: op.color ?? l.color, version: l.version + 1 }
						: l,
				),
			};
		case "label.delete":
			return {
				...board,
				labels: board.labels.filter((l) => l.id !== op.labelId),
				cards: board.cards.map((c) => ({ ...c, labelIds: c.labelIds.filter((id) => id !== op.labelId) })),
			};
		// The server moves the card's version with these (its event carries the whole card), so the
		// prediction does too: an edit sent meanwhile then names the version it will meet.
		case "card.label":
			return mapCards(board, op.cardId, (c) => ({
				...c,
				labelIds: withId(c.labelIds, op.labelId),
				version: c.version + 1,
			}));
		case "card.unlabel":
			return mapCards(board, op.cardId, (c) => ({
				...c,
				labelIds: withoutId(c.labelIds, op.labelId),
				version: c.version + 1,
			}));
		case "card.assign":
			return mapCards(board, op.cardId, (c) => ({
				...c,
				assigneeIds: withId(c.assigneeIds, op.userId),
				version: c.version + 1,
			}));
		case "card.unassign":
			return mapCards(board, op.cardId, (c) => ({
				...c,
				assigneeIds: withoutId(c.assigneeIds, op.userId),
				version: c.version + 1,
			}));
		default:
			return assertNever(op);
	}
}

function withId(ids: readonly string[], id: string): string[] {
	return ids.includes(id) ? [...ids] : [...ids, id].sort();
}

function withoutId(ids: readonly string[], id: string): string[] {
	return ids.filter((i) => i !== id);
}

function mapLists(board: BoardDetail, id: string, f: (list: List) => List): BoardDetail {
	return { ...board, lists: board.lists.map((l) => (l.id === id ? f(l) : l)) };
}

function mapCards(board: BoardDetail, id: string, f: (card: Card) => Card): BoardDetail {
	return { ...board, cards: board.cards.map((c) => (c.id === id ? f(c) : c)) };
}

function createCard(board: BoardDetail, opId: string, listId: string, title: string, description: string) {
	const inList = cardsIn(board, listId);
	const now = new Date().toISOString();
	const card: Card = {
		id: tempId(opId),
		boardId: board.id,
		listId,
		title,
		description,
		position: keyAfterLast(inList.map((c) => c.position)),
		version: 0,
		createdBy: "",
		createdAt: now,
		updatedAt: now,
		commentCount: 0,
		attachmentCount: 0,
		labelIds: [],
		assigneeIds: [],
		dueDate: null,
	};
	return { ...board, cards: [...board.cards, card] };
}

/** Cards of one list in display order. */
export function cardsIn(board: BoardDetail, listId: string): Card[] {
	return board.cards.filter((c) => c.listId === listId).sort(byPosition);
}

function moveCard(board: BoardDetail, cardId: string, listId: string, afterId: string | null): BoardDetail {
	const siblings = cardsIn(board, listId).filter((c) => c.id !== cardId);
	const position = positionAfter(siblings, afterId);
	if (position === null) return board;
	return {
		...board,
		cards: board.cards.map((c) => (c.id === cardId ? { ...c, listId, position } : c)).sort(byPosition),
	};
}

function moveList(board: BoardDetail, listId: string, afterId: string | null): BoardDetail {
	const siblings = [...board.lists].sort(byPosition).filter((l) => l.id !== listId);
	const position = positionAfter(siblings, afterId);
	if (position === null) return board;
	return { ...board, lists: board.lists.map((l) => (l.id === listId ? { ...l, position } : l)).sort(byPosition) };
}

/** A key just after `afterId` among `siblings` (null: at the top), or null if it cannot be placed. */
function positionAfter(siblings: readonly { id: string; position: string }[], afterId: string | null): string | null {
	const index = afterId === null ? -1 : siblings.findIndex((s) => s.id === afterId);
	if (afterId !== null && index === -1) return null;
	const before = index >= 0 ? (siblings[index]?.position ?? null) : null;
	const after = siblings[index + 1]?.position ?? null;
	try {
		return keyBetween(before, after);
	} catch {
		// Two siblings share a key (ties are broken by id); the server will settle the real order.
		return before ?? after;
	}
}
