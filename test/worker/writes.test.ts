// Writes commit whole or not at all, and idempotency keys replay only what they were first used for.
import { describe, expect, it } from "vitest";
import type { Board, BoardDetail, Card } from "../../shared/api";
import { addMember, call, signIn, tenantWithBoard } from "../helpers/api";
import { openSocket } from "../helpers/socket";

async function json<T>(res: Response | Promise<Response>): Promise<T> {
	return (await res).json() as Promise<T>;
}

async function withCard() {
	const setup = await tenantWithBoard();
	const { slug, token, board } = setup;
	const card = await json<Card>(
		call(`/api/t/${slug}/boards/${board.id}/cards`, {
			method: "POST",
			json: { listId: board.lists[0]?.id, title: "Draft" },
			token,
		}),
	);
	const readCard = () => json<Card>(call(`/api/t/${slug}/cards/${card.id}`, { token }));
	return { ...setup, card, readCard };
}

describe("a PATCH commits all of its changes or none", () => {
	it("an edit with a move to a missing list is refused and the title stays as it was", async () => {
		const { slug, token, card, readCard } = await withCard();
		const res = await call(`/api/t/${slug}/cards/${card.id}`, {
			method: "PATCH",
			json: { version: card.version, title: "Renamed", listId: "l_missing" },
			token,
		});
		expect(res.status).toBe(404);
		expect(await readCard()).toMatchObject({ title: "Draft", version: card.version });
	});

	it("an edit, a move and an archive together make one change with one event", async () => {
		const { slug, token, board, card } = await withCard();
		const done = board.lists[2]?.id;
		const res = await call(`/api/t/${slug}/cards/${card.id}`, {
			method: "PATCH",
			json: { version: card.version, title: "Shipped", listId: done, archived: true },
			token,
		});
		expect(res.status).toBe(200);
		expect(await res.json()).toMatchObject({ title: "Shipped", listId: done, archived: true });
		const { activity } = await json<{ activity: { type: string }[] }>(
			call(`/api/t/${slug}/boards/${board.id}/activity`, { token }),
		);
		expect(activity.map((a) => a.type)).toEqual(["card.archived", "card.created", "board.updated"]);
	});

	it("an edit with a stale version changes nothing, not even the move that came with it", async () => {
		const { slug, token, board, card, readCard } = await withCard();
		await call(`/api/t/${slug}/cards/${card.id}`, {
			method: "PATCH",
			json: { version: card.version, title: "A" },
			token,
		});
		const stale = await call(`/api/t/${slug}/cards/${card.id}`, {
			method: "PATCH",
			json: { version: card.version, title: "B", listId: board.lists[1]?.id },
			token,
		});
		expect(stale.status).toBe(409);
		expect(await readCard()).toMatchObject({ title: "A", listId: board.lists[0]?.id });
	});
});

describe("idempotency keys", () => {
	it("a retried PATCH with the same key answers the same and applies once", async () => {
		const { slug, token, card, readCard } = await withCard();
		const patch = () =>
			call(`/api/t/${slug}/cards/${card.id}`, {
				method: "PATCH",
				json: { version: card.version, title: "Once" },
				headers: { "idempotency-key": "patch-key-0001" },
				token,
			});
		const first = await json<Card>(patch());
		const second = await json<Card>(patch());
		expect(second).toEqual(first);
		expect(await readCard()).toMatchObject({ title: "Once", version: card.version + 1 });
	});

	it("reusing a key for a different kind of write is a 422 and changes nothing", async () => {
		const { slug, token, board, card } = await withCard();
		const headers = { "idempotency-key": "reused-key-0001" };
		const listId = board.lists[0]?.id;
		expect(
			(
				await call(`/api/t/${slug}/boards/${board.id}/cards`, {
					method: "POST",
					json: { listId, title: "X" },
					headers,
					token,
				})
			).status,
		).toBe(201);
		const cases = [
			call(`/api/t/${slug}/cards/${card.id}/comments`, { method: "POST", json: { body: "Hi" }, headers, token }),
			call(`/api/t/${slug}/boards/${board.id}/cards`, { method: "POST", json: { listId, title: "Y" }, headers, token }),
			call(`/api/t/${slug}/boards`, { method: "POST", json: { title: "Z" }, headers, token }),
		];
		for (const res of await Promise.all(cases)) {
			expect(res.status).toBe(422);
			expect(await res.json()).toMatchObject({ error: { code: "idempotency_key_reused" } });
		}
		const detail = await json<BoardDetail>(call(`/api/t/${slug}/boards/${board.id}`, { token }));
		expect(detail.cards.map((c) => c.title).sort()).toEqual(["Draft", "X"]);
		expect(detail.cards.find((c) => c.id === card.id)?.commentCount).toBe(0);
		const { boards } = await json<{ boards: Board[] }>(call(`/api/t/${slug}/boards`, { token }));
		expect(boards).toHaveLength(1);
	});

	it("a viewer reusing someone else's key gets 403, not their outcome", async () => {
		const { slug, token, board } = await withCard();
		const headers = { "idempotency-key": "shared-key-0001" };
		const json = { listId: board.lists[0]?.id, title: "Owner's" };
		expect(
			(await call(`/api/t/${slug}/boards/${board.id}/cards`, { method: "POST", json, headers, token })).status,
		).toBe(201);
		await addMember(slug, `viewer@${slug}.test`, "viewer");
		const viewer = await signIn(slug, `viewer@${slug}.test`);
		const res = await call(`/api/t/${slug}/boards/${board.id}/cards`, {
			method: "POST",
			json,
			headers,
			token: viewer.token,
		});
		expect(res.status).toBe(403);
	});

	it("two members using the same key each get their own write", async () => {
		const { slug, token, board } = await withCard();
		await addMember(slug, `bob@${slug}.test`, "member");
		const bob = await signIn(slug, `bob@${slug}.test`);
		const headers = { "idempotency-key": "common-key-0001" };
		const post = (as: string, title: string) =>
			json<Card>(
				call(`/api/t/${slug}/boards/${board.id}/cards`, {
					method: "POST",
					json: { listId: board.lists[0]?.id, title },
					headers,
					token: as,
				}),
			);
		const [a, b] = [await post(token, "Alice's"), await post(bob.token, "Bob's")];
		expect(a.title).toBe("Alice's");
		expect(b.title).toBe("Bob's");
		expect(a.id).not.toBe(b.id);
	});

	it("a WebSocket operation id cannot pre-empt an HTTP PATCH that reuses it", async () => {
		const { slug, token, board, card, readCard } = await withCard();
		const socket = await openSocket(slug, board.id, token);
		socket.send({ type: "sync", since: null });
		await socket.next("board.snapshot");
		const opId = "ws-op-id-00000001";
		socket.send({ type: "op", opId, op: { type: "comment.create", boardId: board.id, cardId: card.id, body: "Hi" } });
		await socket.next("op.ack");
		const res = await call(`/api/t/${slug}/cards/${card.id}`, {
			method: "PATCH",
			json: { version: card.version, title: "Edited" },
			headers: { "idempotency-key": opId },
			token,
		});
		expect(res.status).toBe(422);
		expect(await readCard()).toMatchObject({ title: "Draft" });
	});

	it("a malformed key is a clear 400", async () => {
		const { slug, token, board } = await withCard();
		const res = await call(`/api/t/${slug}/boards/${board.id}/cards`, {
			method: "POST",
			json: { listId: board.lists[0]?.id, title: "X" },
			headers: { "idempotency-key": "short" },
			token,
		});
		expect(res.status).toBe(400);
		expect(await res.json()).toMatchObject({ error: { code: "bad_request" } });
	});
});
