// Boards, lists, cards and comments over HTTP, their archive, and search. Every change becomes a
// board operation, the same one the WebSocket sends, so HTTP writers and live collaborators see
// identical events.

import {
	createBoardSchema,
	createCardSchema,
	createCommentSchema,
	createListSchema,
	updateBoardSchema,
	updateCardSchema,
} from "../../shared/api";
import { type BoardEvent, type Operation, opIdSchema } from "../../shared/protocol";
import { type ApiRouter, created, HttpError, readJson, unwrap } from "../http";
import { type Caller, callerOf } from "../tenant-stub";

/**
 * The client's operation id for an HTTP write, from the Idempotency-Key header. Keys belong to
 * the caller and are bound to the request they first came with (see operations.ts).
 */
function opIdOf(request: Request): string | null {
	const key = request.headers.get("idempotency-key");
	if (key === null) return null;
	const parsed = opIdSchema.safeParse(key);
	if (!parsed.success) throw new HttpError("bad_request", "An Idempotency-Key has 8 to 64 visible ASCII characters.");
	return parsed.data;
}

async function apply({ stub, credential }: Caller, op: Operation, opId: string | null): Promise<BoardEvent> {
	return unwrap(await stub.apply(credential, op, opId)).committed.event;
}

export function boardRoutes(router: ApiRouter): void {
	/** The boards on the boards page, or with ?archived=true the archived ones. */
	router.get("/api/t/:slug/boards", async (request, env, ctx) => {
		const c = await callerOf(request, env, ctx);
		const archived = new URL(request.url).searchParams.get("archived") === "true";
		return { boards: unwrap(await (archived ? c.stub.archivedBoards(c.credential) : c.stub.listBoards(c.credential))) };
	});

	router.post("/api/t/:slug/boards", async (request, env, ctx) => {
		const c = await callerOf(request, env, ctx);
		const { title } = await readJson(request, createBoardSchema);
		return created(unwrap(await c.stub.createBoard(c.credential, title, opIdOf(request))));
	});

	/** The board page's payload: the board, its lists and cards, labels and members, and its seq. */
	router.get("/api/t/:slug/boards/:boardId", async (request, env, ctx) => {
		const c = await callerOf(request, env, ctx);
		const json = unwrap(await c.stub.getBoardJson(c.credential, request.params.boardId ?? ""));
		return new Response(json, { headers: { "content-type": "application/json; charset=utf-8" } });
	});

	/** Archives a board ({"archived":true}) or brings it back ({"archived":false}). */
	router.patch("/api/t/:slug/boards/:boardId", async (request, env, ctx) => {
		const c = await callerOf(request, env, ctx);
		const { archived } = await readJson(request, updateBoardSchema);
		const boardId = request.params.boardId ?? "";
		return unwrap(await c.stub.setBoardArchived(c.credential, boardId, archived, opIdOf(request)));
	});

	/** What can be restored on a board: its archived lists (with their cards) and archived cards. */
	router.get("/api/t/:slug/boards/:boardId/archive", async (request, env, ctx) => {
		const c = await callerOf(request, env, ctx);
		return unwrap(await c.stub.boardArchive(c.credential, request.params.boardId ?? ""));
	});

	/** Cards and comments that match `q`, best first; archived ones are not found. */
	router.get("/api/t/:slug/search", async (request, env, ctx) => {
		const c = await callerOf(request, env, ctx);
		const q = new URL(request.url).searchParams.get("q") ?? "";
		return { results: unwrap(await c.stub.search(c.credential, q)) };
	});

	router.get("/api/t/:slug/boards/:boardId/activity", async (request, env, ctx) => {
		const c = await callerOf(request, env, ctx);
		return { activity: unwrap(await c.stub.activity(c.credential, request.params.boardId ?? "")) };
	});

	router.post("/api/t/:slug/boards/:boardId/lists", async (request, env, ctx) => {
		const c = await callerOf(request, env, ctx);
		const { title } = await readJson(request, createListSchema);
		const event = await apply(
			c,
			{ type: "list.create", boardId: request.params.boardId ?? "", title },
			opIdOf(request),
		);
		return created("list" in event ? event.list : event);
	});

	router.post("/api/t/:slug/boards/:boardId/cards", async (request, env, ctx) => {
		const c = await callerOf(request, env, ctx);
		const body = await readJson(request, createCardSchema);
		const event = await apply(
			c,
			{ type: "card.create", boardId: request.params.boardId ?? "", ...body },
			opIdOf(request),
		);
		return created("card" in event ? event.card : event);
	});

	router.get("/api/t/:slug/cards/:cardId", async (request, env, ctx) => {
		const c = await callerOf(request, env, ctx);
		return unwrap(await c.stub.getCard(c.credential, request.params.cardId ?? ""));
	});

	/** Edits, moves and archives a card in one versioned operation: all of it commits, or none. */
	router.patch("/api/t/:slug/cards/:cardId", async (request, env, ctx) => {
		const c = await callerOf(request, env, ctx);
		const body = await readJson(request, updateCardSchema);
		const cardId = request.params.cardId ?? "";
		const boardId = unwrap(await c.stub.cardBoard(c.credential, cardId));
		const event = await apply(c, { type: "card.update", boardId, cardId, ...body }, opIdOf(request));
		if (event.type === "card.archived") return { ...event.card, archived: true };
		return "card" in event ? event.card : event;
	});

	router.post("/api/t/:slug/cards/:cardId/comments", async (request, env, ctx) => {
		const c = await callerOf(request, env, ctx);
		const { body } = await readJson(request, createCommentSchema);
		const cardId = request.params.cardId ?? "";
		const boardId = unwrap(await c.stub.cardBoard(c.credential, cardId));
		const event = await apply(c, { type: "comment.create", boardId, cardId, body }, opIdOf(request));
		return created("comment" in event ? event.comment : event);
	});

	/** Its author may delete a comment, and so may owners and admins (403 for anyone else). */
	router.delete("/api/t/:slug/cards/:cardId/comments/:commentId", async (request, env, ctx) => {
		const c = await callerOf(request, env, ctx);
		const cardId = request.params.cardId ?? "";
		const commentId = request.params.commentId ?? "";
		const boardId = unwrap(await c.stub.cardBoard(c.credential, cardId));
		await apply(c, { type: "comment.delete", boardId, cardId, commentId }, opIdOf(request));
		return new Response(null, { status: 204 });
	});
}
