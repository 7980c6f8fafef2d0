// Deleting a comment: its author may, and so may owners and admins; nobody else. Everyone on the
// board sees it go, with the card's new count, over HTTP and over the socket alike.
import { describe, expect, it } from "vitest";
import type { CardDetail, Comment } from "../../shared/api";
import { call } from "../helpers/api";
import { addCard, memberToken, sendOp, sharedBoard, syncedSocket } from "../helpers/board-ops";

async function commentAs(slug: string, cardId: string, token: string, body: string): Promise<Comment> {
	const res = await call(`/api/t/${slug}/cards/${cardId}/comments`, { method: "POST", json: { body }, token });
	if (res.status !== 201) throw new Error(`comment: ${res.status} ${await res.text()}`);
	return (await res.json()) as Comment;
}

const remove = (slug: string, cardId: string, commentId: string, token: string, key?: string) =>
	call(`/api/t/${slug}/cards/${cardId}/comments/${commentId}`, {
		method: "DELETE",
		token,
		headers: key ? { "idempotency-key": key } : undefined,
	});

describe("deleting a comment", () => {
	it("is its author's to do; everyone on the board sees it go and the card's count drop", async () => {
		const { slug, token, board, watcher, tokens, listId } = await sharedBoard();
		const card = await addCard(slug, board.id, listId, "Discuss", token);
		const comment = await commentAs(slug, card.id, tokens.bob, "Second thoughts");
		expect((await remove(slug, card.id, comment.id, tokens.bob)).status).toBe(204);
		const event = await watcher.next("event", (m) => m.event.event.type === "comment.deleted");
		expect(event.event.event).toMatchObject({ commentId: comment.id, card: { id: card.id, commentCount: 0 } });
		const detail = (await (await call(`/api/t/${slug}/cards/${card.id}`, { token })).json()) as CardDetail;
		expect(detail.comments).toEqual([]);
		expect(detail.commentCount).toBe(0);
	});

	it("is allowed to owners and admins for anyone's comment, refused to other members and viewers", async () => {
		const { slug, token, board, tokens, listId } = await sharedBoard();
		const card = await addCard(slug, board.id, listId, "Moderated", token);
		const carol = await memberToken(slug, "carol", "member");
		const ada = await memberToken(slug, "ada", "admin");
		const first = await commentAs(slug, card.id, tokens.bob, "One");
		const second = await commentAs(slug, card.id, tokens.bob, "Two");
		for (const who of [carol.token, tokens.vera]) {
			const res = await remove(slug, card.id, first.id, who);
			expect(res.status).toBe(403);
			expect(await res.json()).toMatchObject({ error: { code: "forbidden" } });
		}
		expect((await remove(slug, card.id, first.id, ada.token)).status).toBe(204);
		expect((await remove(slug, card.id, second.id, token)).status).toBe(204);
	});

	it("answers 404 once the comment is gone, and a retry with the same Idempotency-Key 204 again", async () => {
		const { slug, token, board, listId } = await sharedBoard();
		const card = await addCard(slug, board.id, listId, "Retried", token);
		const comment = await commentAs(slug, card.id, token, "Oops");
		expect((await remove(slug, card.id, comment.id, token, "delete-comment-1")).status).toBe(204);
		expect((await remove(slug, card.id, comment.id, token, "delete-comment-1")).status).toBe(204);
		expect((await remove(slug, card.id, comment.id, token)).status).toBe(404);
	});

	it("works over the socket too, and only for a comment of that card", async () => {
		const { slug, token, board, alice, listId } = await sharedBoard();
		const [one, two] = [
			await addCard(slug, board.id, listId, "One", token),
			await addCard(slug, board.id, listId, "Two", token),
		];
		const comment = await commentAs(slug, one.id, token, "On card one");
		const elsewhere = await sendOp(alice, {
			type: "comment.delete",
			boardId: board.id,
			cardId: two.id,
			commentId: comment.id,
		});
		expect(elsewhere).toMatchObject({ ok: false, code: "not_found" });
		const viewer = await syncedSocket(slug, board.id, (await memberToken(slug, "val", "viewer")).token);
		const refused = await sendOp(viewer, {
			type: "comment.delete",
			boardId: board.id,
			cardId: one.id,
			commentId: comment.id,
		});
		expect(refused).toMatchObject({ ok: false, code: "forbidden" });
		const done = await sendOp(alice, {
			type: "comment.delete",
			boardId: board.id,
			cardId: one.id,
			commentId: comment.id,
		});
		expect(done).toMatchObject({ ok: true });
	});
});
