import { describe, expect, it } from "vitest";
import type { Activity, BoardDetail, Card, CardDetail, Comment, List } from "../../shared/api";
import { call, tenantWithBoard } from "../helpers/api";

async function json<T>(res: Response | Promise<Response>): Promise<T> {
	return (await res).json() as Promise<T>;
}

describe("boards, lists, cards and comments over HTTP", () => {
	it("a new board comes with To do, Doing and Done, and is listed", async () => {
		const { slug, token, board } = await tenantWithBoard();
		expect(board.lists.map((l) => l.title)).toEqual(["To do", "Doing", "Done"]);
		const { boards } = await json<{ boards: { id: string }[] }>(call(`/api/t/${slug}/boards`, { token }));
		expect(boards.map((b) => b.id)).toEqual([board.id]);
	});

	it("adds lists and cards, which come back in order", async () => {
		const { slug, token, board } = await tenantWithBoard();
		const list = await json<List>(
			call(`/api/t/${slug}/boards/${board.id}/lists`, { method: "POST", json: { title: "Later" }, token }),
		);
		expect(list.title).toBe("Later");
		for (const title of ["First", "Second", "Third"]) {
			const res = await call(`/api/t/${slug}/boards/${board.id}/cards`, {
				method: "POST",
				json: { listId: list.id, title },
				token,
			});
			expect(res.status).toBe(201);
		}
		const detail = await json<BoardDetail>(call(`/api/t/${slug}/boards/${board.id}`, { token }));
		expect(detail.lists.at(-1)?.id).toBe(list.id);
		expect(detail.cards.filter((c) => c.listId === list.id).map((c) => c.title)).toEqual(["First", "Second", "Third"]);
	});

	it("edits a card with its version and refuses a stale version with 409", async () => {
		const { slug, token, board } = await tenantWithBoard();
		const listId = board.lists[0]?.id;
		const card = await json<Card>(
			call(`/api/t/${slug}/boards/${board.id}/cards`, { method: "POST", json: { listId, title: "Draft" }, token }),
		);
		const edited = await json<Card>(
			call(`/api/t/${slug}/cards/${card.id}`, {
				method: "PATCH",
				json: { version: card.version, title: "Final" },
				token,
			}),
		);
		expect(edited).toMatchObject({ title: "Final", version: card.version + 1 });
		const stale = await call(`/api/t/${slug}/cards/${card.id}`, {
			method: "PATCH",
			json: { version: card.version, title: "Overwrite" },
			token,
		});
		expect(stale.status).toBe(409);
		expect(await stale.json()).toMatchObject({ error: { code: "version_conflict" } });
		expect((await json<Card>(call(`/api/t/${slug}/cards/${card.id}`, { token }))).title).toBe("Final");
	});

	it("moves a card to another list after a given card", async () => {
		const { slug, token, board } = await tenantWithBoard();
		const [todo, doing] = board.lists;
		const add = (listId: string | undefined, title: string) =>
			json<Card>(call(`/api/t/${slug}/boards/${board.id}/cards`, { method: "POST", json: { listId, title }, token }));
		const a = await add(doing?.id, "A");
		await add(doing?.id, "C");
		const b = await add(todo?.id, "B");
		const res = await call(`/api/t/${slug}/cards/${b.id}`, {
			method: "PATCH",
			json: { version: b.version, listId: doing?.id, afterId: a.id },
			token,
		});
		expect(res.status).toBe(200);
		const moved = await json<Card>(res);
		expect(moved.version).toBeGreaterThan(b.version);

		const detail = await json<BoardDetail>(call(`/api/t/${slug}/boards/${board.id}`, { token }));
		const titlesIn = (listId: string | undefined) =>
			detail.cards.filter((x) => x.listId === listId).map((x) => x.title);
		expect(titlesIn(todo?.id)).toEqual([]);
		expect(titlesIn(doing?.id)).toEqual(["A", "B", "C"]);
		expect(detail.cards.find((x) => x.id === b.id)?.version).toBe(moved.version);
	});

	it("archives a card so it leaves the board", async () => {
		const { slug, token, board } = await tenantWithBoard();
		const card = await json<Card>(
			call(`/api/t/${slug}/boards/${board.id}/cards`, {
				method: "POST",
				json: { listId: board.lists[0]?.id, title: "Old" },
				token,
			}),
		);
		const res = await call(`/api/t/${slug}/cards/${card.id}`, {
			method: "PATCH",
			json: { version: card.version, archived: true },
			token,
		});
		expect(res.status).toBe(200);
		expect(await res.json()).toMatchObject({ id: card.id, title: "Old", archived: true });
		const detail = await json<BoardDetail>(call(`/api/t/${slug}/boards/${board.id}`, { token }));
		expect(detail.cards).toHaveLength(0);
		expect((await call(`/api/t/${slug}/cards/${card.id}`, { token })).status).toBe(404);
	});

	it("comments on a card, shows the thread, and records the activity", async () => {
		const { slug, token, board } = await tenantWithBoard();
		const card = await json<Card>(
			call(`/api/t/${slug}/boards/${board.id}/cards`, {
				method: "POST",
				json: { listId: board.lists[0]?.id, title: "Talk" },
				token,
			}),
		);
		const comment = await json<Comment>(
			call(`/api/t/${slug}/cards/${card.id}/comments`, { method: "POST", json: { body: "Looks good" }, token }),
		);
		expect(comment).toMatchObject({ body: "Looks good", cardId: card.id });
		const detail = await json<CardDetail>(call(`/api/t/${slug}/cards/${card.id}`, { token }));
		expect(detail.comments.map((c) => c.body)).toEqual(["Looks good"]);
		expect(detail.commentCount).toBe(1);
		const { activity } = await json<{ activity: Activity[] }>(
			call(`/api/t/${slug}/boards/${board.id}/activity`, { token }),
		);
		expect(activity[0]?.summary).toMatch(/commented on “Talk”/);
	});

	it("applies a write sent twice with the same Idempotency-Key once", async () => {
		const { slug, token, board } = await tenantWithBoard();
		const send = () =>
			json<Card>(
				call(`/api/t/${slug}/boards/${board.id}/cards`, {
					method: "POST",
					json: { listId: board.lists[0]?.id, title: "Once" },
					token,
					headers: { "idempotency-key": "retry-0001-abcdef" },
				}),
			);
		const first = await send();
		const second = await send();
		expect(second.id).toBe(first.id);
		const detail = await json<BoardDetail>(call(`/api/t/${slug}/boards/${board.id}`, { token }));
		expect(detail.cards).toHaveLength(1);
	});

	it("answers 404 for a card in a list of another board", async () => {
		const { slug, token, board } = await tenantWithBoard();
		const other = await json<{ id: string }>(
			call(`/api/t/${slug}/boards`, { method: "POST", json: { title: "Other" }, token }),
		);
		const res = await call(`/api/t/${slug}/boards/${other.id}/cards`, {
			method: "POST",
			json: { listId: board.lists[0]?.id, title: "Lost" },
			token,
		});
		expect(res.status).toBe(404);
	});
});
