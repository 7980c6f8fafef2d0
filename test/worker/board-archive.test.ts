// Archiving a whole board and bringing it back, and a board's archive (its archived lists and
// cards) as the archive view reads it and restores from it.
import { describe, expect, it } from "vitest";
import type { ArchivedBoard, Board, BoardArchive } from "../../shared/api";
import { addMember, call, createTenant, signIn } from "../helpers/api";
import { addCard, applyOp, readBoard, sendOp, sharedBoard } from "../helpers/board-ops";
import { openSocket } from "../helpers/socket";

const archive = (slug: string, boardId: string, token: string, archived: boolean, key?: string) =>
	call(`/api/t/${slug}/boards/${boardId}`, {
		method: "PATCH",
		json: { archived },
		token,
		headers: key ? { "idempotency-key": key } : undefined,
	});

async function boardsOf(slug: string, token: string, archived = false) {
	const res = await call(`/api/t/${slug}/boards${archived ? "?archived=true" : ""}`, { token });
	return ((await res.json()) as { boards: (Board & Partial<ArchivedBoard>)[] }).boards;
}

describe("archiving a board", () => {
	it("takes it off the boards page and out of reach, and restoring brings it back whole", async () => {
		const { slug, token, board, listId } = await sharedBoard();
		const card = await addCard(slug, board.id, listId, "Keep me", token);
		const res = await archive(slug, board.id, token, true);
		expect(res.status).toBe(200);
		expect(await res.json()).toMatchObject({ id: board.id, title: board.title });
		expect(await boardsOf(slug, token)).toEqual([]);
		const archived = await boardsOf(slug, token, true);
		expect(archived).toEqual([expect.objectContaining({ id: board.id, archivedAt: expect.any(String) })]);
		expect((await call(`/api/t/${slug}/boards/${board.id}`, { token })).status).toBe(404);
		expect((await call(`/api/t/${slug}/cards/${card.id}`, { token })).status).toBe(404);
		const edit = await call(`/api/t/${slug}/cards/${card.id}`, {
			method: "PATCH",
			json: { version: 1, title: "X" },
			token,
		});
		expect(edit.status).toBe(404);

		expect((await archive(slug, board.id, token, false)).status).toBe(200);
		expect((await boardsOf(slug, token)).map((b) => b.id)).toEqual([board.id]);
		expect(await boardsOf(slug, token, true)).toEqual([]);
		expect((await readBoard(slug, board.id, token)).cards.map((c) => c.title)).toEqual(["Keep me"]);
	});

	it("tells everyone on the board, whose further changes are refused, and lets no new socket in", async () => {
		const { slug, token, board, alice, watcher, listId } = await sharedBoard();
		await archive(slug, board.id, token, true);
		const event = await watcher.next("event", (m) => m.event.event.type === "board.archived");
		expect(event.event.event).toMatchObject({ board: { id: board.id } });
		const refused = await sendOp(alice, { type: "card.create", boardId: board.id, listId, title: "Too late" });
		expect(refused).toMatchObject({ ok: false, code: "not_found" });
		const late = await openSocket(slug, board.id, token);
		expect((await late.closed).code).toBe(4404);

		await archive(slug, board.id, token, false);
		await watcher.next("event", (m) => m.event.event.type === "board.restored");
		await applyOp(alice, { type: "card.create", boardId: board.id, listId, title: "Back in business" });
	});

	it("is for members who may write: a viewer can do neither", async () => {
		const { slug, board, tokens, token } = await sharedBoard();
		expect((await archive(slug, board.id, tokens.vera, true)).status).toBe(403);
		expect((await archive(slug, board.id, tokens.bob, true)).status).toBe(200);
		expect((await archive(slug, board.id, tokens.vera, false)).status).toBe(403);
		expect(await boardsOf(slug, tokens.vera, true)).toHaveLength(1);
		expect((await archive(slug, board.id, token, false)).status).toBe(200);
	});

	it("happens once for a repeated Idempotency-Key, and an archived board cannot be archived again", async () => {
		const { slug, token, board } = await sharedBoard();
		const first = await archive(slug, board.id, token, true, "archive-once-1");
		const second = await archive(slug, board.id, token, true, "archive-once-1");
		expect(second.status).toBe(200);
		expect(await second.json()).toEqual(await first.json());
		expect((await archive(slug, board.id, token, true)).status).toBe(404);
		expect((await archive(slug, board.id, token, false, "archive-once-1")).status).toBe(422);
	});

	it("frees a place on the plan, and restoring one needs a free place again", async () => {
		const tenant = await createTenant(undefined, "free");
		await addMember(tenant.slug, `owner@${tenant.slug}.test`, "owner");
		const { token } = await signIn(tenant.slug, `owner@${tenant.slug}.test`);
		const make = (title: string) => call(`/api/t/${tenant.slug}/boards`, { method: "POST", json: { title }, token });
		const first = (await (await make("Board 0")).json()) as Board;
		for (let i = 1; i < 10; i++) expect((await make(`Board ${i}`)).status).toBe(201);
		expect((await make("One too many")).status).toBe(403);
		await archive(tenant.slug, first.id, token, true);
		expect((await make("In its place")).status).toBe(201);
		const restore = await archive(tenant.slug, first.id, token, false);
		expect(restore.status).toBe(403);
		expect(await restore.json()).toMatchObject({ error: { code: "plan_limit" } });
	});
});

describe("a board's archive", () => {
	it("lists archived lists with their cards and cards archived by themselves, and they come back from it", async () => {
		const { slug, token, board, alice, watcher } = await sharedBoard();
		const [todo, doing] = board.lists;
		const shelved = [
			await addCard(slug, board.id, doing?.id ?? "", "A", token),
			await addCard(slug, board.id, doing?.id ?? "", "B", token),
		];
		const loose = await addCard(slug, board.id, todo?.id ?? "", "Loose", token);
		await applyOp(alice, { type: "card.archive", boardId: board.id, cardId: loose.id });
		await applyOp(alice, { type: "list.archive", boardId: board.id, listId: doing?.id });
		const read = async () =>
			(await (await call(`/api/t/${slug}/boards/${board.id}/archive`, { token })).json()) as BoardArchive;
		const before = await read();
		expect(before.lists).toEqual([
			expect.objectContaining({ id: doing?.id, cardCount: 2, archivedAt: expect.any(String) }),
		]);
		expect(before.cards).toEqual([
			expect.objectContaining({ id: loose.id, listId: todo?.id, archivedAt: expect.any(String) }),
		]);

		const restored = await applyOp(alice, { type: "list.restore", boardId: board.id, listId: doing?.id });
		const event = (await watcher.next("event", (m) => m.event.seq === restored)).event.event;
		expect(event.type === "list.restored" && event.cards.map((c) => c.id)).toEqual(shelved.map((c) => c.id));
		await applyOp(alice, { type: "card.restore", boardId: board.id, cardId: loose.id });
		expect(await read()).toEqual({ lists: [], cards: [] });
		expect((await readBoard(slug, board.id, token)).cards.map((c) => c.title).sort()).toEqual(["A", "B", "Loose"]);
	});

	it("is read by viewers too, and is not found for a board that is not there", async () => {
		const { slug, board, tokens, token } = await sharedBoard();
		expect((await call(`/api/t/${slug}/boards/${board.id}/archive`, { token: tokens.vera })).status).toBe(200);
		expect((await call(`/api/t/${slug}/boards/b_missing/archive`, { token })).status).toBe(404);
	});
});
