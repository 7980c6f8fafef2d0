// How a replica follows labels, assignees and due dates: the client's prediction of each pending
// operation, and the events as committed (a label deleted comes off every card, even a card
// whose later event still names it).
import { describe, expect, it } from "vitest";
import { predictOperation, tempId } from "../../client/src/board-state";
import type { BoardDetail, Card, Label } from "../../shared/api";
import { applyEvent } from "../../shared/events";
import type { BoardEvent } from "../../shared/protocol";

const label = (id: string, createdAt: string): Label => ({
	...{ id, boardId: "b_1", name: id, color: "red" as const },
	...{ version: 1, createdAt },
});
const card = (id: string, labelIds: string[] = []): Card => ({
	...{ id, boardId: "b_1", listId: "l_1", title: id, description: "", position: `a${id}`, version: 1 },
	...{ createdBy: "u", createdAt: "t", updatedAt: "t", commentCount: 1, attachmentCount: 0 },
	...{ labelIds, assigneeIds: [], dueDate: null },
});
const board: BoardDetail = {
	...{ id: "b_1", title: "Board", version: 1, createdAt: "t", updatedAt: "t", seq: 5, members: [] },
	lists: [{ id: "l_1", boardId: "b_1", title: "To do", position: "a0", version: 1 }],
	labels: [label("lb_a", "2030-01-01"), label("lb_b", "2030-01-02")],
	cards: [card("1", ["lb_a"]), card("2", ["lb_a", "lb_b"])],
};
const at = (seq: number, event: BoardEvent) => ({
	seq,
	prevSeq: seq - 1,
	boardId: "b_1",
	actorId: "u",
	opId: null,
	event,
});

describe("predicting label, assignee and due date operations", () => {
	it("shows a new label at once, under the id it will lose when the server names it", () => {
		const next = predictOperation(board, {
			opId: "op-1",
			op: { type: "label.create", boardId: "b_1", name: "Soon", color: "green" },
		});
		expect(next.labels.at(-1)).toMatchObject({ id: tempId("op-1"), name: "Soon", color: "green" });
	});

	it("moves the card's version as the server will, so an edit sent meanwhile names the right one", () => {
		const ops = [
			{ type: "card.label", boardId: "b_1", cardId: "1", labelId: "lb_b" },
			{ type: "card.assign", boardId: "b_1", cardId: "1", userId: "u_bob" },
			{ type: "card.unlabel", boardId: "b_1", cardId: "1", labelId: "lb_a" },
		] as const;
		const next = ops.reduce((b, op, i) => predictOperation(b, { opId: `op-${i}`, op }), board);
		expect(next.cards[0]).toMatchObject({ labelIds: ["lb_b"], assigneeIds: ["u_bob"], version: 4 });
	});

	it("takes a deleted label off every card, and sets and clears due dates", () => {
		const deleted = predictOperation(board, {
			opId: "op-1",
			op: { type: "label.delete", boardId: "b_1", labelId: "lb_a" },
		});
		expect(deleted.labels.map((l) => l.id)).toEqual(["lb_b"]);
		expect(deleted.cards.map((c) => c.labelIds)).toEqual([[], ["lb_b"]]);
		const due = predictOperation(board, {
			opId: "op-2",
			op: { type: "card.update", boardId: "b_1", cardId: "2", version: 1, dueDate: "2030-05-01" },
		});
		expect(due.cards[1]?.dueDate).toBe("2030-05-01");
		expect(
			predictOperation(board, {
				opId: "op-3",
				op: { type: "comment.delete", boardId: "b_1", cardId: "1", commentId: "m" },
			}).cards[0]?.commentCount,
		).toBe(0);
	});
});

describe("applying committed label events", () => {
	it("keeps labels in the order they were made, whatever order their updates come in", () => {
		const renamed = applyEvent(
			board,
			at(6, { type: "label.updated", label: { ...label("lb_a", "2030-01-01"), name: "A2" } }),
		);
		expect(renamed.labels.map((l) => [l.id, l.name])).toEqual([
			["lb_a", "A2"],
			["lb_b", "lb_b"],
		]);
	});

	it("drops a deleted label from every card, and from a card an older plan still sends with it", () => {
		const deleted = applyEvent(board, at(6, { type: "label.deleted", labelId: "lb_a" }));
		expect(deleted.cards.map((c) => c.labelIds)).toEqual([[], ["lb_b"]]);
		const stale = applyEvent(
			deleted,
			at(7, { type: "card.updated", card: { ...card("1", ["lb_a", "lb_b"]), title: "Edited" } }),
		);
		expect(stale.cards.find((c) => c.id === "1")).toMatchObject({ title: "Edited", labelIds: ["lb_b"] });
	});
});
