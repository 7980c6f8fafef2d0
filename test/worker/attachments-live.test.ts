import { describe, expect, it } from "vitest";
import type { Attachment } from "../../shared/api";
import { UPLOAD_PART_BYTES } from "../../shared/limits";
import { call } from "../helpers/api";
import { putFile, randomBytes, tenantWithCard, uploadInParts } from "../helpers/attachments";
import { openSocket } from "../helpers/socket";

async function watching() {
	const setup = await tenantWithCard();
	const socket = await openSocket(setup.slug, setup.board.id, setup.token);
	socket.send({ type: "sync", since: null });
	const snapshot = await socket.next("board.snapshot");
	return { ...setup, socket, seq: snapshot.board.seq };
}

describe("collaborators see attachments live", () => {
	it("an uploaded file appears on everyone's board as a numbered event", async () => {
		const { slug, token, card, socket, seq } = await watching();
		const attachment = (await (
			await putFile(slug, card.id, randomBytes(20), { token, name: "log.txt" })
		).json()) as Attachment;
		const { event } = await socket.next("event", (m) => m.event.event.type === "attachment.added");
		expect(event.seq).toBeGreaterThan(seq);
		expect(event.event).toEqual({
			type: "attachment.added",
			attachment,
			card: expect.objectContaining({ id: card.id, attachmentCount: 1 }),
		});
		socket.close();
	});

	it("a file completed from parts appears too", async () => {
		const { slug, token, card, socket } = await watching();
		const attachment = await uploadInParts(slug, card.id, randomBytes(UPLOAD_PART_BYTES + 10), token);
		const { event } = await socket.next("event", (m) => m.event.event.type === "attachment.added", 10_000);
		expect(event.event).toMatchObject({ attachment: { id: attachment.id } });
		socket.close();
	});

	it("a deleted file disappears from everyone's board", async () => {
		const { slug, token, card, socket } = await watching();
		const attachment = (await (await putFile(slug, card.id, randomBytes(20), { token })).json()) as Attachment;
		await call(`/api/t/${slug}/attachments/${attachment.id}`, { method: "DELETE", token });
		const { event } = await socket.next("event", (m) => m.event.event.type === "attachment.removed");
		expect(event.event).toMatchObject({ attachmentId: attachment.id, card: { id: card.id, attachmentCount: 0 } });
		socket.close();
	});

	it("a reconnecting client catches up on attachment events it missed", async () => {
		const { slug, token, card, board, socket, seq } = await watching();
		socket.close();
		await putFile(slug, card.id, randomBytes(5), { token });
		const again = await openSocket(slug, board.id, token);
		again.send({ type: "sync", since: seq });
		const replay = await again.next("events.replay");
		expect(replay.events.map((e) => e.event.type)).toEqual(["attachment.added"]);
		again.close();
	});
});
