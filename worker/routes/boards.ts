// Boards, lists, cards and comments over HTTP. Every change becomes a board operation, the
// same one the WebSocket sends, so HTTP writers and live collaborators see identical events.

import {
	createBoardSchema,
	createCardSchema,
	createCommentSchema,
	createListSchema,
	updateCardSchema,
} from "../../shared/api";
import type { BoardEvent, Operation } from "../../shared/protocol";
import { created, HttpError, readJson, unwrap } from "../http";
import type { ApiRouter } from "../router";
import { type Caller, callerOf } from "../tenant-stub";

/** The client's operation id for an HTTP write, from the Idempotency-Key header. */
function opIdOf(request: Request, suffix = ""): string | null {
	const key = request.headers.get("idempotency-key");
	if (key === null) return null;
	if (key.length < 8 || key.length > 60) throw new HttpError("bad_request", "Idempotency-Key has 8 to 60 characters.");
	return key + suffix;
}

async function apply({ stub, credential }: Caller, op: Operation, opId: string | null): Promise<BoardEvent> {
	return unwrap(await stub.apply(credential, op, opId)).committed.event;
}

export function boardRoutes(router: ApiRouter): void {
	router.get("/api/t/:slug/boards", async (request, env) => {
		const c = await callerOf(request, env);
		return { boards: unwrap(await c.stub.listBoards(c.credential)) };
	});

	router.post("/api/t/:slug/boards", async (request, env) => {
		const c = await callerOf(request, env);
		const { title } = await readJson(request, createBoardSchema);
		return created(unwrap(await c.stub.createBoard(c.credential, title, opIdOf(request))));
	});

	router.get("/api/t/:slug/boards/:boardId", async (request, env) => {
		const c = await callerOf(request, env);
		return unwrap(await c.stub.getBoard(c.credential, request.params.boardId ?? ""));
	});

	router.get("/api/t/:slug/boards/:boardId/activity", async (request, env) => {
		const c = await callerOf(request, env);
		return { activity: unwrap(await c.stub.activity(c.credential, request.params.boardId ?? "")) };
	});

	router.post("/api/t/:slug/boards/:boardId/lists", async (request, env) => {
		const c = await callerOf(request, env);
		const { title } = await readJson(request, createListSchema);
		const event = await apply(
			c,
			{ type: "list.create", boardId: request.params.boardId ?? "", title },
			opIdOf(request),
		);
		return created("list" in event ? event.list : event);
	});

	router.post("/api/t/:slug/boards/:boardId/cards", async (request, env) => {
		const c = await callerOf(request, env);
		const body = await readJson(request, createCardSchema);
		const event = await apply(
			c,
			{ type: "card.create", boardId: request.params.boardId ?? "", ...body },
			opIdOf(request),
		);
		return created("card" in event ? event.card : event);
	});

	router.get("/api/t/:slug/cards/:cardId", async (request, env) => {
		const c = await callerOf(request, env);
		return unwrap(await c.stub.getCard(c.credential, request.params.cardId ?? ""));
	});

	router.patch("/api/t/:slug/cards/:cardId", async (request, env) => {
		const c = await callerOf(request, env);
		const body = await readJson(request, updateCardSchema);
		const cardId = request.params.cardId ?? "";
		const boardId = unwrap(await c.stub.cardBoard(c.credential, cardId));
		// An archived card is no longer readable, so its last state is taken just before archiving.
		let archived: object | undefined;
		for (const [index, op] of cardOperations(boardId, cardId, body).entries()) {
			if (op.type === "card.archive")
				archived = { ...unwrap(await c.stub.getCard(c.credential, cardId)), archived: true };
			await apply(c, op, opIdOf(request, `:${index}`));
		}
		return archived ?? unwrap(await c.stub.getCard(c.credential, cardId));
	});

	router.post("/api/t/:slug/cards/:cardId/comments", async (request, env) => {
		const c = await callerOf(request, env);
		const { body } = await readJson(request, createCommentSchema);
		const cardId = request.params.cardId ?? "";
		const boardId = unwrap(await c.stub.cardBoard(c.credential, cardId));
		const event = await apply(c, { type: "comment.create", boardId, cardId, body }, opIdOf(request));
		return created("comment" in event ? event.comment : event);
	});
}

/** A PATCH may edit, move and archive at once; each becomes its own operation, edit first. */
function cardOperations(boardId: string, cardId: string, body: ReturnType<typeof updateCardSchema.parse>): Operation[] {
	const ops: Operation[] = [];
	if (body.title !== undefined || body.description !== undefined) {
		ops.push({
			type: "card.update",
			boardId,
			cardId,
			version: body.version,
			title: body.title,
			description: body.description,
		});
	}
	if (body.listId !== undefined)
		ops.push({ type: "card.move", boardId, cardId, listId: body.listId, afterId: body.afterId ?? null });
	if (body.archived) ops.push({ type: "card.archive", boardId, cardId });
	return ops;
}
