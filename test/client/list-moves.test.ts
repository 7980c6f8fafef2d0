// Where a list lands when it is dropped or stepped left and right.
import { describe, expect, it } from "vitest";
import { isListNoop, listAtIndex, stepList } from "../../client/src/list-moves";
import type { BoardDetail } from "../../shared/api";

const list = (id: string, position: string) => ({ id, boardId: "b_1", title: id, position, version: 1 });
const board: BoardDetail = {
	id: "b_1",
	title: "Board",
	version: 1,
	createdAt: "t",
	updatedAt: "t",
	lists: [list("todo", "a0"), list("doing", "a1"), list("done", "a2")],
	cards: [],
	labels: [],
	members: [],
	seq: 1,
};

describe("list moves", () => {
	it("steps a list left and right among the others", () => {
		expect(stepList(board, "doing", "left")).toEqual({ afterId: null });
		expect(stepList(board, "doing", "right")).toEqual({ afterId: "done" });
		expect(stepList(board, "done", "left")).toEqual({ afterId: "todo" });
	});

	it("has no step past either end", () => {
		expect(stepList(board, "todo", "left")).toBeNull();
		expect(stepList(board, "done", "right")).toBeNull();
	});

	it("places a dropped list after the list left of the drop", () => {
		expect(listAtIndex(board, "done", 0)).toEqual({ afterId: null });
		expect(listAtIndex(board, "todo", 2)).toEqual({ afterId: "done" });
	});

	it("knows when a drop leaves the list where it is", () => {
		expect(isListNoop(board, "doing", { afterId: "todo" })).toBe(true);
		expect(isListNoop(board, "doing", { afterId: null })).toBe(false);
	});
});
