// Planning the card operations: update (edit, due date, move and archive as one versioned step),
// move, archive, restore and comments. Card creation happens in operations.ts; labels and
// assignees in label-changes.ts.
import type { Card } from "../../shared/api";
import { fail, ok, type Result } from "../../shared/errors";
import type { Operation } from "../../shared/protocol";
import { canManage } from "../../shared/tenant";
import { type ChangeSet, conflict, gapFor, noList, positionAfter, positionAtEnd, unchanged } from "./change-set";
import { now } from "./clock";
import { newId } from "./ids";
import type { Actor } from "./operations";
import type { BoardStore, Change, Expectation } from "./store";

type CardOp = Extract<
	Operation,
	{ type: "card.update" | "card.move" | "card.archive" | "card.restore" | "comment.create" | "comment.delete" }
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
			const next = { ...placed.value.card, version: card.version + 1, updatedAt: now() };
			const expects = [...unchanged(card), ...placed.value.expects];
			return ok({ boardId, changes: [{ put: "card", row: next }], expects, event: { type: "card.moved", card: next } });
		}
		case "card.archive":
			return ok({
				boardId,
				changes: [{ archive: "card", id: card.id, at: now() }],
				expects: unchanged(card),
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
				// The event carries the new count, so a comment written meanwhile means planning again.
				expects: [
					{ live: "card", id: card.id },
					{ count: "comments", cardId: card.id, is: card.commentCount },
				],
				event: { type: "comment.created", comment, card: next },
			});
		}
		case "comment.delete": {
			const comment = await store.comment(op.commentId);
			if (!comment || comment.cardId !== card.id) return fail("not_found", "No such comment on this card.");
			if (comment.authorId !== actor.userId && !canManage(actor.role))
				return fail("forbidden", "Only its author, an owner or an admin can delete a comment.");
			const next = { ...card, commentCount: card.commentCount - 1 };
			return ok({
				boardId,
				changes: [{ remove: "comment", id: comment.id }],
				expects: [
					{ live: "card", id: card.id },
					{ exists: "comment", id: comment.id },
					{ count: "comments", cardId: card.id, is: card.commentCount },
				],
				event: { type: "comment.deleted", commentId: comment.id, card: next },
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
	const edited = {
		...card,
		title: op.title ?? card.title,
		description: op.description ?? card.description,
		dueDate: op.dueDate === undefined ? card.dueDate : op.dueDate,
	};
	const placed =
		op.listId === undefined
			? ok({ card: edited, expects: [] })
			: await placeCard(store, edited, op.listId, op.afterId ?? null);
	if (!placed.ok) return placed;
	const next = { ...placed.value.card, version: card.version + 1, updatedAt: now() };
	const changes: Change[] = [{ put: "card", row: next }];
	const expects = [...unchanged(card), ...placed.value.expects];
	const boardId = card.boardId;
	if (op.archived) {
		changes.push({ archive: "card", id: card.id, at: next.updatedAt });
		return ok({ boardId, changes, expects, event: { type: "card.archived", cardId: card.id, card: next } });
	}
	const edits = op.title !== undefined || op.description !== undefined || op.dueDate !== undefined;
	return ok({ boardId, changes, expects, event: { type: edits ? "card.updated" : "card.moved", card: next } });
}

async function planCardRestore(store: BoardStore, boardId: string, cardId: string): Promise<ChangeSet> {
	const archived = await store.archivedCard(cardId);
	if (!archived || archived.boardId !== boardId) return fail("not_found", "No archived card like that on this board.");
	const list = await store.list(archived.listId);
	if (!list)
		return fail("conflict", "This card's list is archived. Restore the list, and its cards come back with it.");
	const placement = positionAtEnd(await store.lastCardPosition(list.id));
	const card = { ...archived, position: placement.position, version: archived.version + 1, updatedAt: now() };
	const changes: Change[] = [
		{ restore: "card", id: card.id },
		{ put: "card", row: card },
	];
	const expects: Expectation[] = [
		{ archived: "card", id: card.id },
		{ version: "card", id: card.id, is: archived.version },
		{ live: "list", id: list.id },
		gapFor("cards", list.id, placement, card.id),
	];
	return ok({ boardId, changes, expects, event: { type: "card.restored", card } });
}

/**
 * The card placed after `afterId` in `listId` (null: at the top), and what that relies on: the
 * list is live and no other card took the same gap meanwhile. Or why it cannot be placed.
 */
async function placeCard(
	store: BoardStore,
	card: Card,
	listId: string,
	afterId: string | null,
): Promise<Result<{ card: Card; expects: Expectation[] }>> {
	const list = await store.list(listId);
	if (!list || list.boardId !== card.boardId) return noList();
	const siblings = (await store.cardsInList(list.id)).filter((c) => c.id !== card.id);
	const placed = positionAfter(siblings, afterId);
	if (!placed.ok) return placed;
	const expects: Expectation[] = [{ live: "list", id: list.id }, gapFor("cards", list.id, placed.value, card.id)];
	return ok({ card: { ...card, listId: list.id, position: placed.value.position }, expects });
}
