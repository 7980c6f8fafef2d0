// Exports and imports, in both designs: a tenant's archive holds every row and a manifest of its
// files, and importing it into a new slug gives a tenant that reads the same.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { Activity, Attachment, Board, BoardDetail, Card, CardDetail, Tenant } from "../../shared/api";
import { addMember, admin, call, createTenant, signIn, tenantWithBoard, uniqueSlug } from "../helpers/api";
import { download, putFile, randomBytes, sha256 } from "../helpers/attachments";
import { applyOp, syncedSocket } from "../helpers/board-ops";
import { exportStatus, exportTenant } from "../helpers/fleet";
import { tenantSql } from "../helpers/storage";

type Json = Record<string, unknown>;

async function json<T>(path: string, token: string): Promise<T> {
	const res = await call(path, { token });
	if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
	return res.json();
}

/**
 * A tenant with two boards, lists, cards (one archived, one with a label, an assignee and a due
 * date), comments, a member and two attachments.
 */
async function busyTenant() {
	const { slug, token, board } = await tenantWithBoard();
	const member = await addMember(slug, `member@${slug}.test`, "member");
	const listId = board.lists[0]?.id ?? "";
	const card = async (title: string) =>
		(await (
			await call(`/api/t/${slug}/boards/${board.id}/cards`, { method: "POST", json: { listId, title }, token })
		).json()) as Card;
	const kept = await card("Write the plan");
	const archived = await card("Old idea");
	await call(`/api/t/${slug}/cards/${archived.id}`, {
		method: "PATCH",
		json: { version: archived.version, archived: true },
		token,
	});
	await call(`/api/t/${slug}/cards/${kept.id}/comments`, {
		method: "POST",
		json: { body: "First draft is up" },
		token,
	});
	await call(`/api/t/${slug}/boards`, { method: "POST", json: { title: "Second board" }, token });
	const socket = await syncedSocket(slug, board.id, token);
	const labelSeq = await applyOp(socket, { type: "label.create", boardId: board.id, name: "Urgent", color: "red" });
	const labelEvent = (await socket.next("event", (m) => m.event.seq === labelSeq)).event.event;
	const labelId = labelEvent.type === "label.created" ? labelEvent.label.id : "";
	await applyOp(socket, { type: "card.label", boardId: board.id, cardId: kept.id, labelId });
	await applyOp(socket, { type: "card.assign", boardId: board.id, cardId: kept.id, userId: member.id });
	socket.close();
	const current = await json<CardDetail>(`/api/t/${slug}/cards/${kept.id}`, token);
	await call(`/api/t/${slug}/cards/${kept.id}`, {
		method: "PATCH",
		json: { version: current.version, dueDate: "2026-12-24" },
		token,
	});
	const files = [randomBytes(70_000), randomBytes(12)];
	for (const [i, bytes] of files.entries())
		expect((await putFile(slug, kept.id, bytes, { token, name: `file-${i}.bin` })).status).toBe(201);
	return { slug, token, boardId: board.id, cardId: kept.id, files };
}

/** What a tenant looks like to its owner: boards, every board's detail, the card, its files' bytes, activity. */
async function snapshot(slug: string, token: string, boardId: string, cardId: string) {
	const boards = await json<{ boards: Board[] }>(`/api/t/${slug}/boards`, token);
	const details = await Promise.all(
		boards.boards.map((b) => json<BoardDetail>(`/api/t/${slug}/boards/${b.id}`, token)),
	);
	const card = await json<CardDetail>(`/api/t/${slug}/cards/${cardId}`, token);
	const files = await Promise.all(
		card.attachments.map(async (a: Attachment) => sha256(await (await download(slug, a.id, token)).arrayBuffer())),
	);
	const activity = await json<{ activity: Activity[] }>(`/api/t/${slug}/boards/${boardId}/activity`, token);
	const archived = await tenantSql(slug, "SELECT id, title FROM cards WHERE @tenant AND archived = 1 ORDER BY id");
	const found = await json<{ results: unknown[] }>(`/api/t/${slug}/search?q=draft`, token);
	return { boards, details, card, files, activity, archived, found };
}

describe("exporting and importing a tenant", () => {
	it("restores an export into a new slug that reads the same, files byte for byte", async () => {
		const source = await busyTenant();
		const exported = await exportTenant(source.slug);
		expect(exported.counts).toMatchObject({ boards: 2, cards: 2, comments: 1, members: 2, attachments: 2, files: 2 });
		expect(exported.bytes).toBeGreaterThan(0);

		const slug = uniqueSlug("copy");
		const res = await admin("/api/admin/tenants", {
			method: "POST",
			json: { slug, name: "Restored", plan: "team", importFrom: exported.id },
		});
		expect(res.status).toBe(201);
		const copy = (await res.json()) as Tenant;
		expect(copy).toMatchObject({ slug, name: "Restored", status: "active", usage: { boards: 2, members: 2 } });
		expect(copy.id).not.toBe(exported.tenantId);

		// Members come along with their passwords; sessions do not.
		expect((await call(`/api/t/${slug}/boards`, { token: source.token })).status).toBe(404);
		const { token } = await signIn(slug, `owner@${source.slug}.test`);
		const before = await snapshot(source.slug, source.token, source.boardId, source.cardId);
		const after = await snapshot(slug, token, source.boardId, source.cardId);
		expect(after).toEqual(before);
		expect(after.card).toMatchObject({
			labelIds: [expect.any(String)],
			assigneeIds: [expect.any(String)],
			dueDate: "2026-12-24",
		});
		expect(after.found.results).toHaveLength(1);
		expect(after.files).toEqual(await Promise.all(source.files.map((bytes) => sha256(bytes))));
		// The copy's files are its own: under its prefix, not the source's.
		const stored = await env.ATTACHMENTS.list({ prefix: `tenants/${copy.id}/` });
		expect(stored.objects).toHaveLength(2);
	});

	it("gives the archive itself once ready: gzip JSON lines with a header, rows, a file manifest and counts", async () => {
		const source = await busyTenant();
		const exported = await exportTenant(source.slug);
		const res = await admin(exported.download);
		expect(res.status).toBe(200);
		expect(res.headers.get("content-type")).toBe("application/gzip");
		expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename=".+\.jsonl\.gz"$/);
		const text = await new Response(res.body?.pipeThrough(new DecompressionStream("gzip"))).text();
		const lines = text
			.trim()
			.split("\n")
			.map((line) => JSON.parse(line) as Json);
		expect(lines[0]).toMatchObject({ format: "boardroom-export", version: 1, exportId: exported.id });
		expect(lines[0]?.source).toMatchObject({ slug: source.slug, tenantId: exported.tenantId });
		const files = lines.filter((l) => "file" in l).map((l) => l.file as Json);
		expect(files).toHaveLength(2);
		for (const file of files) {
			expect(file).toMatchObject({
				size: expect.any(Number),
				contentType: expect.any(String),
				sha256: expect.any(String),
			});
			expect(await env.ATTACHMENTS.head(String(file.key))).not.toBeNull();
		}
		expect(lines.at(-1)).toMatchObject({ end: true, counts: exported.counts ?? {} });
		expect(lines.some((l) => l.table === "sessions" || l.table === "api_keys")).toBe(false);
	});

	it("lets the tenant's owner download it, and nobody else", async () => {
		const source = await busyTenant();
		const exported = await exportTenant(source.slug);
		const own = await call(`/api/t/${source.slug}/exports/${exported.id}`, {
			token: source.token,
			headers: { accept: "application/json" },
		});
		expect(own.status).toBe(200);
		expect(await own.json()).toMatchObject({ id: exported.id, status: "ready" });
		expect((await call(`/api/t/${source.slug}/exports/${exported.id}`, { token: source.token })).status).toBe(200);
		const member = await signIn(source.slug, `member@${source.slug}.test`);
		expect((await call(`/api/t/${source.slug}/exports/${exported.id}`, { token: member.token })).status).toBe(403);
		// Another tenant's owner, asking through their own tenant, finds nothing there.
		const other = await tenantWithBoard();
		expect((await call(`/api/t/${other.slug}/exports/${exported.id}`, { token: other.token })).status).toBe(404);
		expect((await admin(`/api/admin/tenants/${other.slug}/exports/${exported.id}`)).status).toBe(404);
	});

	it("answers 202 with the status while an export is queued, and JSON when asked for it", async () => {
		const { slug } = await tenantWithBoard();
		const res = await admin(`/api/admin/tenants/${slug}/exports`, { method: "POST" });
		expect(res.status).toBe(202);
		const { id } = (await res.json()) as { id: string };
		const first = await admin(`/api/admin/tenants/${slug}/exports/${id}`);
		expect([200, 202]).toContain(first.status);
		expect((await exportStatus(slug, id)).slug).toBe(slug);
	});

	it("exports and restores a tenant of 3,000 cards", async () => {
		const { slug, token, board } = await tenantWithBoard();
		const listId = board.lists[0]?.id ?? "";
		await tenantSql(
			slug,
			`INSERT INTO cards (@tenantColumn id, board_id, list_id, title, description, position, version, archived,
				created_by, created_at, updated_at)
			WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
			SELECT @tenantValue 'c_bulk_' || i, ?, ?, 'Card ' || i, 'Some words about card ' || i,
				printf('b%05d', i), 1, 0, 'u_bulk', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z' FROM n`,
			board.id,
			listId,
		);
		const exported = await exportTenant(slug, 60_000);
		expect(exported.counts?.cards).toBe(3000);
		const copy = uniqueSlug("big-copy");
		const res = await admin("/api/admin/tenants", {
			method: "POST",
			json: { slug: copy, name: "Big copy", importFrom: exported.id },
		});
		expect(res.status).toBe(201);
		const cards = async (s: string) =>
			(await json<BoardDetail>(`/api/t/${s}/boards/${board.id}`, await tokenOf(s))).cards;
		const tokenOf = async (s: string) => (s === slug ? token : (await signIn(s, `owner@${slug}.test`)).token);
		expect(await cards(copy)).toEqual(await cards(slug));
	}, 90_000);

	it("refuses an import from an unknown export, or one not ready, and creates nothing", async () => {
		const slug = uniqueSlug("noimport");
		const unknown = await admin("/api/admin/tenants", {
			method: "POST",
			json: { slug, name: "Nope", importFrom: "x_doesnotexist" },
		});
		expect(unknown.status).toBe(404);
		const { slug: busy } = await tenantWithBoard();
		const started = (await (await admin(`/api/admin/tenants/${busy}/exports`, { method: "POST" })).json()) as {
			id: string;
		};
		const early = await admin("/api/admin/tenants", {
			method: "POST",
			json: { slug, name: "Nope", importFrom: started.id },
		});
		// The export may have finished already on a fast machine; if not, the answer is 409.
		if (early.status !== 201) {
			expect(early.status).toBe(409);
			expect(await early.json()).toMatchObject({ error: { code: "export_not_ready" } });
			expect((await admin(`/api/admin/tenants/${slug}`)).status).toBe(404);
		}
		const bad = await admin("/api/admin/tenants", { method: "POST", json: { slug, name: "Nope", importFrom: "../x" } });
		expect(bad.status).toBe(422);
	});

	it("answers 404 for an export of an unknown tenant, and refuses exporting a tenant being deleted", async () => {
		expect((await admin(`/api/admin/tenants/${uniqueSlug("ghost")}/exports`, { method: "POST" })).status).toBe(404);
		const tenant = await createTenant();
		await admin(`/api/admin/tenants/${tenant.slug}`, { method: "DELETE" });
		expect([404, 409]).toContain((await admin(`/api/admin/tenants/${tenant.slug}/exports`, { method: "POST" })).status);
	});
});
