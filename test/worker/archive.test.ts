// Archiving a list archives its cards with it; restoring the list brings the same cards back.
// Snapshot, events, PATCH and the cleanup alarm all agree on that.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { attachmentKey } from "../../objects/domain/attachment-scope";
import type { Attachment, BoardDetail, Card } from "../../shared/api";
import { call } from "../helpers/api";
import { putFile, randomBytes, tenantWithCard } from "../helpers/attachments";
import { openSocket } from "../helpers/socket";
import { runCleanupAlarm } from "../helpers/storage";

async function archivedListSetup() {
	const setup = await tenantWithCard();
	const { slug, token, board, card } = setup;
	const file = (await (await putFile(slug, card.id, randomBytes(32), { token })).json()) as Attachment;
	const socket = await openSocket(slug, board.id, token);
	socket.send({ type: "sync", since: null });
	await socket.next("board.snapshot");
	const listId = card.listId;
	socket.send({ type: "op", opId: "op-archive-list", op: { type: "list.archive", boardId: board.id, listId } });
	await socket.next("op.ack");
	const readBoard = async () =>
		(await (await call(`/api/t/${slug}/boards/${board.id}`, { token })).json()) as BoardDetail;
	return { ...setup, file, socket, listId, readBoard };
}

describe("archiving a list", () => {
	it("takes its cards off the board in the snapshot and in the event", async () => {
		const { socket, listId, card, readBoard } = await archivedListSetup();
		const board = await readBoard();
		expect(board.lists.map((l) => l.id)).not.toContain(listId);
		expect(board.cards.map((c) => c.id)).not.toContain(card.id);
		expect(board.cards.every((c) => board.lists.some((l) => l.id === c.listId))).toBe(true);
		const event = await socket.next("event", (m) => m.event.event.type === "list.archived");
		expect(event.event.event).toMatchObject({ listId });
	});

	it("makes its cards unreachable: a PATCH answers 404 and does not bring the card back", async () => {
		const { slug, token, card, readBoard } = await archivedListSetup();
		const res = await call(`/api/t/${slug}/cards/${card.id}`, {
			method: "PATCH",
			json: { version: card.version, title: "Back from the dead" },
			token,
		});
		expect(res.status).toBe(404);
		expect((await call(`/api/t/${slug}/cards/${card.id}`, { token })).status).toBe(404);
		expect((await readBoard()).cards.map((c) => c.id)).not.toContain(card.id);
	});

	it("keeps its cards' files, and restoring the list brings back its cards with them", async () => {
		const { slug, token, socket, board, listId, card, file, tenant, readBoard } = await archivedListSetup();
		// The sweep runs, but the retention keeps the file of a freshly archived card.
		await runCleanupAlarm(slug);
		expect(await env.ATTACHMENTS.head(attachmentKey(tenant.id, file.id))).not.toBeNull();

		socket.send({ type: "op", opId: "op-restore-list", op: { type: "list.restore", boardId: board.id, listId } });
		const restored = await socket.next("event", (m) => m.event.event.type === "list.restored");
		const event = restored.event.event;
		expect(event.type === "list.restored" && event.cards.map((c: Card) => c.id)).toEqual([card.id]);
		const after = await readBoard();
		expect(after.lists.at(-1)?.id).toBe(listId);
		expect(after.cards.find((c) => c.id === card.id)).toMatchObject({ listId, attachmentCount: 1 });
		expect((await call(`/api/t/${slug}/attachments/${file.id}`, { token })).status).toBe(200);
	});

	it("a card archived on its own stays archived when its list comes back", async () => {
		const setup = await tenantWithCard();
		const { slug, token, board, card } = setup;
		const socket = await openSocket(slug, board.id, token);
		socket.send({ type: "sync", since: null });
		await socket.next("board.snapshot");
		const ops = [
			{ type: "card.archive", boardId: board.id, cardId: card.id },
			{ type: "list.archive", boardId: board.id, listId: card.listId },
			{ type: "list.restore", boardId: board.id, listId: card.listId },
		];
		for (const [i, op] of ops.entries()) {
			socket.send({ type: "op", opId: `op-sequence-${i}`, op });
			await socket.next("op.ack", (m) => m.opId === `op-sequence-${i}`);
		}
		const detail = (await (await call(`/api/t/${slug}/boards/${board.id}`, { token })).json()) as BoardDetail;
		expect(detail.lists.map((l) => l.id)).toContain(card.listId);
		expect(detail.cards.map((c) => c.id)).not.toContain(card.id);
		socket.send({
			type: "op",
			opId: "op-restore-card",
			op: { type: "card.restore", boardId: board.id, cardId: card.id },
		});
		await socket.next("op.ack", (m) => m.opId === "op-restore-card");
		const again = (await (await call(`/api/t/${slug}/boards/${board.id}`, { token })).json()) as BoardDetail;
		expect(again.cards.map((c) => c.id)).toContain(card.id);
	});

	it("a card on an archived list cannot be restored by itself", async () => {
		const { socket, board, card } = await archivedListSetup();
		socket.send({
			type: "op",
			opId: "op-restore-orphan",
			op: { type: "card.restore", boardId: board.id, cardId: card.id },
		});
		expect((await socket.next("op.error")).code).toBe("not_found");
	});
});
