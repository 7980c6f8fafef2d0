// The classic leak of a shared database: two tenants whose rows have the same ids. Every read and
// every write of one tenant's store must see that tenant's rows and nothing of the other's.
import { describe, expect, it } from "vitest";
import { applyOperation } from "../../objects/domain/operations";
import { CommitConflict } from "../../objects/domain/store";
import { D1BoardStore } from "../../worker/d1/board-store";
import type { D1Handle } from "../../worker/d1/tenant-scope";
import { createTenant, rowsOf, storeFor, testEnv } from "./helpers";

/**
 * The same ids in both tenants, with different contents: a board with a live and an archived
 * list, a live and an archived card, comments, an attachment, an event and an operation id.
 * `name` is in every title; `comments` and `version` differ so counts and guards can tell.
 */
async function seed(tenantId: string, name: string, comments: number, version: number): Promise<void> {
	const run = (sql: string, ...params: (string | number)[]) => testEnv.DB.prepare(sql).bind(tenantId, ...params);
	const event = JSON.stringify({ type: "board.updated", board: { id: "b_same", title: `${name}'s board` } });
	await testEnv.DB.batch([
		run(
			"INSERT INTO members (tenant_id, id, email, name, role, password_hash, created_at) VALUES (?, 'u_same', ?, ?, 'owner', 'x', 't')",
			`${name}@same.test`,
			name,
		),
		run(
			"INSERT INTO boards (tenant_id, id, title, version, created_at, updated_at) VALUES (?, 'b_same', ?, 1, 't', 't')",
			`${name}'s board`,
		),
		run(
			"INSERT INTO lists (tenant_id, id, board_id, title, position, version) VALUES (?, 'l_same', 'b_same', ?, 'a0', 1)",
			`${name}'s list`,
		),
		run(
			"INSERT INTO lists (tenant_id, id, board_id, title, position, version, archived) VALUES (?, 'l_old', 'b_same', ?, 'a1', 1, 1)",
			`${name}'s old list`,
		),
		run(
			`INSERT INTO cards (tenant_id, id, board_id, list_id, title, description, position, version, created_by, created_at, updated_at)
			VALUES (?, 'c_same', 'b_same', 'l_same', ?, '', 'a0', ?, 'u_same', 't', 't')`,
			`${name}'s card`,
			version,
		),
		run(
			`INSERT INTO cards (tenant_id, id, board_id, list_id, title, description, position, version, created_by, created_at, updated_at, archived)
			VALUES (?, 'c_old', 'b_same', 'l_same', ?, '', 'a1', 1, 'u_same', 't', 't', 1)`,
			`${name}'s old card`,
		),
		run(
			`INSERT INTO cards (tenant_id, id, board_id, list_id, title, description, position, version, created_by, created_at, updated_at)
			VALUES (?, 'c_shelved', 'b_same', 'l_old', ?, '', 'a0', 1, 'u_same', 't', 't')`,
			`${name}'s shelved card`,
		),
		...Array.from({ length: comments }, (_, i) =>
			run(
				"INSERT INTO comments (tenant_id, id, card_id, author_id, body, created_at) VALUES (?, ?, 'c_same', 'u_same', ?, 't')",
				`m_${i}`,
				`${name} says ${i}`,
			),
		),
		run(
			"INSERT INTO labels (tenant_id, id, board_id, name, color, version, created_at) VALUES (?, 'lb_same', 'b_same', ?, 'red', 1, 't')",
			`${name}'s label`,
		),
		run("INSERT INTO card_labels (tenant_id, card_id, label_id) VALUES (?, 'c_same', 'lb_same')"),
		run("INSERT INTO card_assignees (tenant_id, card_id, user_id) VALUES (?, 'c_same', 'u_same')"),
		run(
			`INSERT INTO attachments (tenant_id, id, card_id, name, size, content_type, sha256, uploaded_by, created_at)
			VALUES (?, 'a_same', 'c_same', ?, 1, 'text/plain', 'x', 'u_same', 't')`,
			`${name}.txt`,
		),
		run(
			"INSERT INTO events (tenant_id, seq, prev_seq, board_id, actor_id, op_id, type, payload, at) VALUES (?, 1, 0, 'b_same', 'u_same', 'op_same', 'board.updated', ?, 't')",
			event,
		),
		run(
			"INSERT INTO operations (tenant_id, actor_id, op_id, fingerprint, seq, at) VALUES (?, 'u_same', 'op_same', ?, 1, 't')",
			name,
		),
	]);
}

/** Everything a store answers about the shared ids. */
async function everything(store: D1BoardStore) {
	return {
		boards: await store.boards(),
		board: await store.board("b_same"),
		detail: await store.boardDetail("b_same"),
		list: await store.list("l_same"),
		archivedList: await store.archivedList("l_old"),
		lists: await store.lists("b_same"),
		card: await store.card("c_same"),
		archivedCard: await store.archivedCard("c_old"),
		cardDetail: await store.cardDetail("c_same"),
		cardsOfArchivedList: await store.cardsOfArchivedList("l_old"),
		cardsInList: await store.cardsInList("l_same"),
		lastCardPosition: await store.lastCardPosition("l_same"),
		members: await store.members(),
		operation: await store.operation("u_same", "op_same"),
		event: await store.event(1),
		eventsSince: await store.eventsSince(0, "b_same"),
		activity: await store.activity("b_same", 10),
		archivedBoard: await store.archivedBoard("b_same"),
		archivedBoards: await store.archivedBoards(),
		boardArchive: await store.boardArchive("b_same"),
		comment: await store.comment("m_0"),
		label: await store.label("lb_same"),
	};
}

/** A handle that remembers every statement the store prepares. */
function recording(statements: string[]): D1Handle {
	return {
		prepare: (sql: string) => {
			statements.push(sql);
			return testEnv.DB.prepare(sql);
		},
		batch: <T>(list: D1PreparedStatement[]) => testEnv.DB.batch<T>(list),
		getBookmark: () => null,
	};
}

describe("tenants sharing the database never see each other's rows", () => {
	it("every read answers with the tenant's own rows when another tenant uses the same ids", async () => {
		const [ann, bob] = [await createTenant("Ann"), await createTenant("Bob")];
		await seed(ann.tenantId, "Ann", 1, 3);
		await seed(bob.tenantId, "Bob", 2, 1);
		const seen = await everything(storeFor(ann.tenantId));
		expect(JSON.stringify(seen)).not.toMatch(/Bob/);
		expect(seen.boards.map((b) => b.title)).toEqual(["Ann's board"]);
		expect(seen.detail?.cards).toEqual([
			expect.objectContaining({
				...{ title: "Ann's card", commentCount: 1, attachmentCount: 1 },
				...{ labelIds: ["lb_same"], assigneeIds: ["u_same"] },
			}),
		]);
		expect(seen.detail?.labels.map((l) => l.name)).toEqual(["Ann's label"]);
		expect(seen.boardArchive.lists.map((l) => [l.title, l.cardCount])).toEqual([["Ann's old list", 1]]);
		expect(seen.comment?.body).toBe("Ann says 0");
		expect(seen.detail?.members.map((m) => m.name).sort()).toEqual(["Ann", "Ann Owner"]);
		expect(seen.cardDetail?.comments.map((c) => c.body)).toEqual(["Ann says 0"]);
		expect(seen.cardDetail?.attachments.map((a) => a.name)).toEqual(["Ann.txt"]);
		expect(seen.archivedList?.title).toBe("Ann's old list");
		expect(seen.archivedCard?.title).toBe("Ann's old card");
		expect(seen.cardsOfArchivedList.map((c) => c.title)).toEqual(["Ann's shelved card"]);
		expect(seen.operation).toEqual({ seq: 1, fingerprint: "Ann" });
		expect(seen.activity.map((a) => a.summary)).toEqual(["Ann renamed the board to “Ann's board”"]);
		expect((await everything(storeFor(bob.tenantId))).cardDetail?.comments).toHaveLength(2);
	});

	it("a write of one tenant changes its own row and is guarded by its own rows only", async () => {
		const [ann, bob] = [await createTenant("Ann"), await createTenant("Bob")];
		await seed(ann.tenantId, "Ann", 1, 3);
		await seed(bob.tenantId, "Bob", 2, 1);
		const store = storeFor(ann.tenantId);
		// Bob's c_same has version 1; Ann's has 3, so a commit relying on version 1 must be refused.
		const stale = store.commit({
			changes: [{ archive: "card", id: "c_same", at: "now" }],
			expects: [{ version: "card", id: "c_same", is: 1 }],
			...{ boardId: "b_same", actorId: "u_same", opId: null, fingerprint: null },
			event: { type: "list.archived", listId: "l_same" },
		});
		await expect(stale).rejects.toBeInstanceOf(CommitConflict);
		const op = { type: "card.update", boardId: "b_same", cardId: "c_same", version: 3, title: "Ann's edit" } as const;
		const applied = await applyOperation(store, { userId: "u_same", name: "Ann", role: "owner" }, op, "op_same_2");
		expect(applied).toMatchObject({ ok: true, value: { committed: { seq: 2, prevSeq: 1 } } });
		const bobs = await rowsOf("cards", bob.tenantId);
		expect(bobs.find((c) => c.id === "c_same")).toMatchObject({ title: "Bob's card", version: 1, archived: 0 });
		expect(await rowsOf("events", bob.tenantId)).toHaveLength(1);
		expect(await rowsOf("operations", bob.tenantId)).toHaveLength(1);
	});

	it("every statement the store prepares is filtered by the tenant", async () => {
		const { tenantId } = await createTenant();
		await seed(tenantId, "Ann", 1, 1);
		const statements: string[] = [];
		const store = new D1BoardStore(recording(statements), tenantId);
		await everything(store);
		const ann = { userId: "u_same", name: "Ann", role: "owner" } as const;
		const at = { boardId: "b_same", cardId: "c_same" } as const;
		const ops = [
			{ type: "comment.create", ...at, body: "Hi" },
			{ type: "comment.delete", ...at, commentId: "m_0" },
			{ type: "label.create", boardId: "b_same", name: "New", color: "teal" },
			{ type: "label.update", boardId: "b_same", labelId: "lb_same", version: 1, name: "Renamed" },
			{ type: "card.unlabel", ...at, labelId: "lb_same" },
			{ type: "card.label", ...at, labelId: "lb_same" },
			{ type: "card.unassign", ...at, userId: "u_same" },
			{ type: "card.assign", ...at, userId: "u_same" },
			{ type: "label.delete", boardId: "b_same", labelId: "lb_same" },
		] as const;
		for (const [i, op] of ops.entries()) {
			const applied = await applyOperation(store, ann, op, `op_new_${i}`);
			expect(applied.ok, op.type).toBe(true);
		}
		// A read or an update filters by `tenant_id = ?1`; an insert writes ?1 into tenant_id.
		const scoped = (sql: string) =>
			/\btenant_id = \?1\b/.test(sql) || /^INSERT INTO \w+ \(tenant_id,[^)]*\)\s*VALUES \(\?1,/.test(sql);
		const unscoped = statements.filter((sql) => sql !== "DELETE FROM guards" && !scoped(sql));
		expect(statements.length).toBeGreaterThan(20);
		expect(unscoped).toEqual([]);
	});
});
