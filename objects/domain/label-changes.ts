// Planning the label and assignee operations: a board's labels (create, rename or recolour,
// delete), and which labels and members a card carries. Adding or removing a label or an
// assignee takes no version from the client, like a move: it applies to the card as it is now,
// and on a shared database a concurrent edit of the card only means planning again.
import type { Card, Label } from "../../shared/api";
import { fail, ok, type Result } from "../../shared/errors";
import type { Operation } from "../../shared/protocol";
import { type ChangeSet, conflict, unchanged } from "./change-set";
import { now } from "./clock";
import { newId } from "./ids";
import type { BoardStore, Change } from "./store";

type LabelOp = Extract<
	Operation,
	{
		type:
			| "label.create"
			| "label.update"
			| "label.delete"
			| "card.label"
			| "card.unlabel"
			| "card.assign"
			| "card.unassign";
	}
>;

export async function planLabelChange(store: BoardStore, boardId: string, op: LabelOp): Promise<ChangeSet> {
	switch (op.type) {
		case "label.create": {
			const label: Label = { id: newId("lb"), boardId, name: op.name, color: op.color, version: 1, createdAt: now() };
			const expects = [{ live: "board", id: boardId } as const];
			return ok({ boardId, changes: [{ put: "label", row: label }], expects, event: { type: "label.created", label } });
		}
		case "label.update": {
			const label = await labelOf(store, boardId, op.labelId);
			if (!label.ok) return label;
			if (op.version !== label.value.version) return conflict("label", label.value);
			const next = { ...label.value, name: op.name ?? label.value.name, color: op.color ?? label.value.color };
			const row = { ...next, version: label.value.version + 1 };
			const expects = [{ version: "label", id: row.id, is: label.value.version } as const];
			return ok({ boardId, changes: [{ put: "label", row }], expects, event: { type: "label.updated", label: row } });
		}
		case "label.delete": {
			const label = await labelOf(store, boardId, op.labelId);
			if (!label.ok) return label;
			const expects = [{ exists: "label", id: op.labelId } as const];
			const changes: Change[] = [{ remove: "label", id: op.labelId }];
			return ok({ boardId, changes, expects, event: { type: "label.deleted", labelId: op.labelId } });
		}
		case "card.label":
		case "card.unlabel":
			return planCardLabel(store, boardId, op);
		case "card.assign":
		case "card.unassign":
			return planCardAssignee(store, boardId, op);
	}
}

async function planCardLabel(
	store: BoardStore,
	boardId: string,
	op: Extract<LabelOp, { type: "card.label" | "card.unlabel" }>,
): Promise<ChangeSet> {
	const card = await cardOf(store, boardId, op.cardId);
	if (!card.ok) return card;
	const label = await labelOf(store, boardId, op.labelId);
	if (!label.ok) return label;
	const adding = op.type === "card.label";
	if (card.value.labelIds.includes(label.value.id) === adding)
		return fail("conflict", adding ? "The card already has this label." : "The card does not have this label.");
	const labelIds = adding
		? [...card.value.labelIds, label.value.id].sort()
		: card.value.labelIds.filter((id) => id !== label.value.id);
	const next = bumped(card.value, { labelIds });
	const link = { cardId: card.value.id, id: label.value.id };
	return ok({
		boardId,
		changes: [{ put: "card", row: next }, adding ? { link: "label", ...link } : { unlink: "label", ...link }],
		// Adding relies on the label still being there; removing only on the card being unchanged.
		expects: [...unchanged(card.value), ...(adding ? [{ exists: "label", id: label.value.id } as const] : [])],
		event: { type: adding ? "card.labeled" : "card.unlabeled", card: next, label: label.value },
	});
}

async function planCardAssignee(
	store: BoardStore,
	boardId: string,
	op: Extract<LabelOp, { type: "card.assign" | "card.unassign" }>,
): Promise<ChangeSet> {
	const card = await cardOf(store, boardId, op.cardId);
	if (!card.ok) return card;
	const member = (await store.members()).find((m) => m.id === op.userId);
	if (!member) return fail("not_found", "No such member in this workspace.");
	const adding = op.type === "card.assign";
	if (card.value.assigneeIds.includes(member.id) === adding)
		return fail("conflict", adding ? "The card is already assigned to them." : "The card is not assigned to them.");
	const assigneeIds = adding
		? [...card.value.assigneeIds, member.id].sort()
		: card.value.assigneeIds.filter((id) => id !== member.id);
	const next = bumped(card.value, { assigneeIds });
	const link = { cardId: card.value.id, id: member.id };
	return ok({
		boardId,
		changes: [{ put: "card", row: next }, adding ? { link: "assignee", ...link } : { unlink: "assignee", ...link }],
		expects: [...unchanged(card.value), ...(adding ? [{ exists: "member", id: member.id } as const] : [])],
		event: {
			type: adding ? "card.assigned" : "card.unassigned",
			card: next,
			assignee: { id: member.id, name: member.name },
		},
	});
}

/**
 * The card with a change and a new version. Its labels and assignees are rows of their own, but
 * the card's version still moves: the event carries the whole card, and a shared database must
 * not let two such events, each planned from the same read, both claim to be the card's state.
 */
function bumped(card: Card, change: Partial<Card>): Card {
	return { ...card, ...change, version: card.version + 1, updatedAt: now() };
}

async function cardOf(store: BoardStore, boardId: string, cardId: string): Promise<Result<Card>> {
	const card = await store.card(cardId);
	return card && card.boardId === boardId ? ok(card) : fail("not_found", "No such card on this board.");
}

async function labelOf(store: BoardStore, boardId: string, labelId: string): Promise<Result<Label>> {
	const label = await store.label(labelId);
	return label && label.boardId === boardId ? ok(label) : fail("not_found", "No such label on this board.");
}
