// The client's board state machine, fed the events a server could send: duplicates are skipped,
// a gap stops the board and asks for a re-sync, and the replay fills it in order.
import { describe, expect, it } from "vitest";
import { type LiveBoardState, type SocketAction, socketReducer } from "../../client/src/socket-state";
import type { BoardDetail, Card } from "../../shared/api";
import type { CommittedEvent } from "../../shared/protocol";

const board: BoardDetail = {
	id: "b_1",
	title: "Board",
	version: 1,
	createdAt: "t",
	updatedAt: "t",
	lists: [{ id: "l_1", boardId: "b_1", title: "To do", position: "a0", version: 1 }],
	cards: [],
	labels: [],
	members: [],
	seq: 10,
};

function created(seq: number, prevSeq: number, title: string): CommittedEvent {
	const card: Card = {
		id: `c_${title}`,
		boardId: "b_1",
		listId: "l_1",
		title,
		description: "",
		position: `a${seq}`,
		version: 1,
		createdBy: "u",
		createdAt: "t",
		updatedAt: "t",
		commentCount: 0,
		attachmentCount: 0,
		labelIds: [],
		assigneeIds: [],
		dueDate: null,
	};
	return { seq, prevSeq, boardId: "b_1", actorId: "u", opId: null, event: { type: "card.created", card } };
}

const start: LiveBoardState = {
	confirmed: board,
	resync: "none",
	pending: [],
	presence: [],
	connectionId: null,
	created: {},
};
const titles = (state: LiveBoardState) => state.confirmed?.cards.map((c) => c.title);

describe("the client's board state", () => {
	it("applies the next event, even when other boards' events took the sequence numbers between", () => {
		const state = socketReducer(start, { type: "events", events: [created(14, 10, "A")], replay: false });
		expect(titles(state)).toEqual(["A"]);
		expect(state.confirmed?.seq).toBe(14);
	});

	it("skips an event it already holds", () => {
		const once = socketReducer(start, { type: "events", events: [created(14, 10, "A")], replay: false });
		const twice = socketReducer(once, { type: "events", events: [created(14, 10, "A")], replay: true });
		expect(titles(twice)).toEqual(["A"]);
	});

	it("stops at a gap, asks for a re-sync, and the replay brings everything in order", () => {
		const early = socketReducer(start, { type: "events", events: [created(20, 15, "Late")], replay: false });
		expect(early.resync).toBe("needed");
		expect(titles(early)).toEqual([]);
		const asked = socketReducer(early, { type: "resyncing" });
		const more = socketReducer(asked, { type: "events", events: [created(25, 20, "Later")], replay: false });
		expect(more.resync).toBe("requested");
		const replayed = socketReducer(more, {
			type: "events",
			events: [created(15, 10, "Missed"), created(20, 15, "Late"), created(25, 20, "Later")],
			replay: true,
		});
		expect(titles(replayed)).toEqual(["Missed", "Late", "Later"]);
		expect(replayed.resync).toBe("none");
	});

	it("keeps presence current from changes: joins at the end, updates in place, leaves removed", () => {
		const who = (id: string, cardId: string | null = null) => ({
			connectionId: id,
			userId: `u_${id}`,
			name: id,
			cardId,
		});
		const listed = socketReducer(start, { type: "presence", entries: [who("a"), who("b")] });
		const changed: SocketAction = { type: "presence.changed", entries: [who("b", "c_1"), who("c")], gone: ["a"] };
		const once = socketReducer(listed, changed);
		expect(once.presence).toEqual([who("b", "c_1"), who("c")]);
		expect(socketReducer(once, changed).presence).toEqual(once.presence);
	});
});
