// Planning the card operations: update (edit, move and archive as one versioned step), move,
// archive, restore and comments. Card creation happens in operations.ts.
import type { Card } from "../../shared/api";
import { fail, ok, type Result } from "../../shared/errors";
import { keyBetween } from "../../shared/ordering";
import type { Operation } from "../../shared/protocol";
import { type ChangeSet, conflict, noList, positionAfter } from "./change-set";
import { newId } from "./ids";
import { now } from "./migrations";
import type { Actor } from "./operations";
import type { BoardStore, Change } from "./store";

type CardOp = Extract<
	Operation,
	{ type: "card.update" | "card.move" | "card.archive" | "card.restore" | "comment.create" }
>;

export async function planCardChange(store: BoardStore, actor: Actor, boardId: string, op: CardOp): Promise<ChangeSet> {
	if (op.type === "card.restore") return planCardRestore(store, boardId, op.cardId);
	const card = await store.card(op.cardId);
	if (!card || card.boardId !== boardId) return fail("not_found", "No such card on this board.");
	switch (op.type) {
		case "card.update":
			return planCardUpdate(store, card, op);
		case "card.move": {
			const placed = await placeCard(store, card, op.listId, op.afterId);
			if (!placed.ok) return placed;
			const next = { ...placed.value, version: card.version + 1, updatedAt: now() };
			return ok({ boardId, changes: [{ put: "card", row: next }], event: { type: "card.moved", card: next } });
		}
		case "card.archive":
			return ok({
				boardId,
				changes: [{ archive: "card", id: card.id, at: now() }],
				event: { type: "card.archived", cardId: card.id, card },
			});
		case "comment.create": {
			const comment = {
				id: newId("m"),
				cardId: card.id,
				authorId: actor.userId,
				authorName: actor.name,
				body: op.body,
				createdAt: now(),
			};
			const next = { ...card, commentCount: card.commentCount + 1 };
			return ok({
				boardId,
				changes: [{ put: "comment", row: comment }],
				event: { type: "comment.created", comment, card: next },
			});
		}
	}
}

/** Edit, move and archive as one versioned change: every part is checked before anything is written. */
async function planCardUpdate(
	store: BoardStore,
	card: Card,
	op: Extract<Operation, { type: "card.update" }>,
): Promise<ChangeSet> {
	if (op.version !== card.version) return conflict("card", card);
	const edited = { ...card, title: op.title ?? card.title, description: op.description ?? card.description };
	const placed = op.listId === undefined ? ok(edited) : await placeCard(store, edited, op.listId, op.afterId ?? null);
	if (!placed.ok) return placed;
	const next = { ...placed.value, version: card.version + 1, updatedAt: now() };
	const changes: Change[] = [{ put: "card", row: next }];
	const boardId = card.boardId;
	if (op.archived) {
		changes.push({ archive: "card", id: card.id, at: next.updatedAt });
		return ok({ boardId, changes, event: { type: "card.archived", cardId: card.id, card: next } });
	}
	const edits = op.title !== undefined || op.description !== undefined;
	return ok({ boardId, changes, event: { type: edits ? "card.updated" : "card.moved", card: next } });
}

async function planCardRestore(store: BoardStore, boardId: string, cardId: string): Promise<ChangeSet> {
	const archived = await store.archivedCard(cardId);
	if (!archived || archived.boardId !== boardId) return fail("not_found", "No archived card like that on this board.");
	const list = await store.list(archived.listId);
	if (!list)
		return fail("conflict", "This card's list is archived. Restore the list, and its cards come back with it.");
	const position = keyBetween(await store.lastCardPosition(list.id), null);
	const card = { ...archived, position, version: archived.version + 1, updatedAt: now() };
	const changes: Change[] = [
		{ restore: "card", id: card.id },
		{ put: "card", row: card },
	];
	return ok({ boardId, changes, event: { type: "card.restored", card } });
}

/** The card placed after `afterId` in `listId` (null: at the top), or why it cannot be. */
async function placeCard(store: BoardStore, card: Card, listId: string, afterId: string | null): Promise<Result<Card>> {
	const list = await store.list(listId);
	if (!list || list.boardId !== card.boardId) return noList();
	const siblings = (await store.cardsInList(list.id)).filter((c) => c.id !== card.id);
	const position = positionAfter(siblings, afterId);
	return position.ok ? ok({ ...card, listId: list.id, position: position.value }) : position;
}
