// The exact ledger: what was done is counted once, and Analytics Engine (locally, its recorder)
// holds the same points.
import { describe, expect, it } from "vitest";
import type { Card } from "../../shared/api";
import type { Meter } from "../../shared/meters";
import { addMember, call, signIn, tenantWithBoard } from "../helpers/api";
import { putFile, randomBytes } from "../helpers/attachments";
import { eventually, recordedTotals, usageOf } from "../helpers/billing";
import { openSocket } from "../helpers/socket";
import { tenantSql, variant } from "../helpers/storage";

describe("the usage ledger", () => {
	it("counts each committed change once, however often it is re-sent, and never a failed one", async () => {
		const { slug, token, board } = await tenantWithBoard();
		const listId = board.lists[0]?.id;
		const post = (headers?: Record<string, string>) =>
			call(`/api/t/${slug}/boards/${board.id}/cards`, {
				method: "POST",
				json: { listId, title: "Card" },
				headers,
				token,
			});
		const once = { "idempotency-key": "ledger-key-0001" };
		const card = (await (await post(once)).json()) as Card;
		expect((await post(once)).status).toBe(201);
		expect((await post()).status).toBe(201);
		const patch = (version: number) =>
			call(`/api/t/${slug}/cards/${card.id}`, { method: "PATCH", json: { version, title: "Edited" }, token });
		expect((await patch(card.version)).status).toBe(200);
		expect((await patch(card.version)).status).toBe(409);
		const socket = await openSocket(slug, board.id, token);
		socket.send({ type: "sync", since: null });
		await socket.next("board.snapshot");
		const op = {
			type: "op",
			opId: "ws-ledger-0001",
			op: { type: "card.create", boardId: board.id, listId, title: "Live" },
		};
		socket.send(op);
		await socket.next("op.ack");
		socket.send(op);
		await socket.next("op.ack");
		socket.send({
			type: "op",
			opId: "ws-ledger-0002",
			op: { type: "card.create", boardId: board.id, listId: "l_gone", title: "X" },
		});
		await socket.next("op.error");

		const usage = await usageOf(slug, token);
		// The board, two cards over HTTP, one edit, one card over the socket.
		expect(usage.totals.operations).toBe(5);
		// POST board, three POST cards, two PATCHes: the refused and the replayed are still requests.
		expect(usage.totals["requests.write"]).toBe(6);
		expect(usage.totals["requests.ws_connect"]).toBe(1);
		expect(usage.totals["ws.messages_in"]).toBe(4);
	});

	it("counts concurrent writers exactly", async () => {
		const { slug, token, board } = await tenantWithBoard();
		const listId = board.lists[0]?.id;
		const writes = Array.from({ length: 20 }, (_, i) =>
			call(`/api/t/${slug}/boards/${board.id}/cards`, { method: "POST", json: { listId, title: `Card ${i}` }, token }),
		);
		expect((await Promise.all(writes)).map((r) => r.status)).toEqual(Array(20).fill(201));
		expect((await usageOf(slug, token)).totals.operations).toBe(21);
	});

	it("counts active members once each, however busy they were, and not API keys", async () => {
		const { slug, token, board } = await tenantWithBoard();
		await addMember(slug, `bob@${slug}.test`, "member");
		const bob = await signIn(slug, `bob@${slug}.test`);
		for (let i = 0; i < 3; i++) await call(`/api/t/${slug}/boards/${board.id}`, { token: bob.token });
		const key = (await (
			await call(`/api/t/${slug}/api-keys`, { method: "POST", json: { name: "CI", role: "member" }, token })
		).json()) as { key: string };
		await call(`/api/t/${slug}/boards`, { token: key.key });
		expect((await usageOf(slug, token)).totals["members.active"]).toBe(2);
	});

	it("integrates bytes stored into byte-seconds while they stay stored", async () => {
		const { slug, token, board } = await tenantWithBoard();
		const card = (await (
			await call(`/api/t/${slug}/boards/${board.id}/cards`, {
				method: "POST",
				json: { listId: board.lists[0]?.id, title: "F" },
				token,
			})
		).json()) as Card;
		expect((await putFile(slug, card.id, randomBytes(1000), { token })).status).toBe(201);
		await usageOf(slug, token);
		// An hour passes with the file (and the tenant's database) stored.
		await tenantSql(slug, "UPDATE gauges SET since = since - 3600000 WHERE @tenant");
		const usage = await usageOf(slug, token);
		expect(usage.totals["bytes.uploaded"]).toBe(1000);
		expect(usage.totals["storage.byte_seconds"]).toBeGreaterThanOrEqual(3_600_000);
		expect(usage.totals["storage.byte_seconds"]).toBeLessThan(3_700_000);
		// In its own database, the tenant's tens of kilobytes are stored for that hour too.
		if (variant === "do") expect(usage.totals["cost.sql_byte_seconds"]).toBeGreaterThan(10_000 * 3600);
	});

	it("the local Analytics Engine recorder holds exactly what the ledger counted", async () => {
		const { slug, token, board, tenant } = await tenantWithBoard();
		const listId = board.lists[0]?.id;
		for (let i = 0; i < 5; i++)
			await call(`/api/t/${slug}/boards/${board.id}/cards`, {
				method: "POST",
				json: { listId, title: `C${i}` },
				token,
			});
		await call(`/api/t/${slug}/boards/${board.id}`, { token });
		const ledger = (await usageOf(slug, token)).totals;
		const compared = (Object.keys(ledger) as Meter[]).filter((m) => m !== "members.active");
		expect(compared).toEqual(
			expect.arrayContaining(["operations", "requests.read", "requests.write", "cost.rows_read"]),
		);
		await eventually(async () => {
			const recorded = await recordedTotals(tenant.id);
			return compared.every((meter) => recorded[meter] === ledger[meter]);
		});
		const recorded = await recordedTotals(tenant.id);
		for (const meter of compared) expect([meter, recorded[meter]]).toEqual([meter, ledger[meter]]);
	});
});
