import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { LATEST_VERSION, MIGRATIONS, migrate, schemaVersion } from "../../objects/tenant/migrations";
import { Sql } from "../../objects/tenant/sql";
import { createTenant, uniqueSlug } from "../helpers/api";

function tables(sql: Sql): string[] {
	return sql
		.all<{ name: string }>(
			"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_%' ESCAPE '\\' AND name NOT LIKE 'sqlite%' ORDER BY name",
		)
		.map((r) => r.name);
}

describe("schema migrations", () => {
	it("a fresh install reaches the latest version with every table", async () => {
		const stub = env.Tenant.getByName(uniqueSlug("fresh"));
		await runInDurableObject(stub, (_instance, state) => {
			const sql = new Sql(state.storage);
			expect(schemaVersion(sql)).toBe(0);
			expect(migrate(state.storage, sql)).toBe(LATEST_VERSION);
			expect(tables(sql)).toEqual(
				expect.arrayContaining(["boards", "cards", "comments", "events", "members", "attachments", "uploads"]),
			);
		});
	});

	it("an object at an older version is upgraded step by step and keeps its rows", async () => {
		const stub = env.Tenant.getByName(uniqueSlug("older"));
		await runInDurableObject(stub, (_instance, state) => {
			const sql = new Sql(state.storage);
			migrate(state.storage, sql, MIGRATIONS.slice(0, 1));
			expect(schemaVersion(sql)).toBe(1);
			expect(tables(sql)).not.toContain("attachments");
			sql.run("INSERT INTO boards (id, title, version, created_at, updated_at) VALUES ('b_1', 'Kept', 1, 'x', 'x')");
			expect(migrate(state.storage, sql)).toBe(LATEST_VERSION);
			expect(tables(sql)).toContain("attachments");
			expect(sql.one<{ title: string }>("SELECT title FROM boards WHERE id = 'b_1'")?.title).toBe("Kept");
		});
	});

	it("running the migrations again changes nothing", async () => {
		const stub = env.Tenant.getByName(uniqueSlug("again"));
		await runInDurableObject(stub, (_instance, state) => {
			const sql = new Sql(state.storage);
			migrate(state.storage, sql);
			const recorded = sql.all("SELECT * FROM schema_migrations");
			expect(migrate(state.storage, sql)).toBe(LATEST_VERSION);
			expect(sql.all("SELECT * FROM schema_migrations")).toEqual(recorded);
		});
	});

	it("a failing step rolls back and leaves the previous version", async () => {
		const stub = env.Tenant.getByName(uniqueSlug("broken"));
		const broken = [
			...MIGRATIONS.slice(0, 1),
			{ version: 2, name: "broken", statements: ["CREATE TABLE half (x)", "NOT SQL"] },
		];
		await runInDurableObject(stub, (_instance, state) => {
			const sql = new Sql(state.storage);
			expect(() => migrate(state.storage, sql, broken)).toThrow(/SQL failed/);
			expect(schemaVersion(sql)).toBe(1);
			expect(tables(sql)).not.toContain("half");
		});
	});

	it("a provisioned tenant reports the latest schema version to the operator", async () => {
		const tenant = await createTenant();
		expect(tenant.schemaVersion).toBe(LATEST_VERSION);
	});
});

describe("schema version 3", () => {
	it("renumbers old, long ordering keys into short ones in the same order, and keeps idempotency keys", async () => {
		const stub = env.Tenant.getByName(uniqueSlug("renumber"));
		await runInDurableObject(stub, (_instance, state) => {
			const sql = new Sql(state.storage);
			migrate(state.storage, sql, MIGRATIONS.slice(0, 2));
			sql.run("INSERT INTO boards (id, title, version, created_at, updated_at) VALUES ('b_1', 'B', 1, 'x', 'x')");
			sql.run("INSERT INTO lists (id, board_id, title, position, version) VALUES ('l_1', 'b_1', 'L', 'i', 1)");
			// Keys as the first schema made them: base-36 fractions that grew with every few appends.
			const old = [
				"0zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzk",
				"i",
				"r",
				"rzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz",
			];
			for (const [i, position] of old.entries())
				sql.run(
					`INSERT INTO cards (id, board_id, list_id, title, description, position, version, created_by, created_at, updated_at)
					VALUES (?, 'b_1', 'l_1', ?, '', ?, 1, 'u', 'x', 'x')`,
					`c_${i}`,
					`Card ${i}`,
					position,
				);
			sql.run(
				"INSERT INTO events (board_id, actor_id, op_id, type, payload, at) VALUES ('b_1', 'u_1', 'op-12345678', 't', '{}', 'x')",
			);
			sql.run("INSERT INTO operations (op_id, actor_id, seq, at) VALUES ('op-12345678', 'u_1', 1, 'x')");

			expect(migrate(state.storage, sql)).toBe(LATEST_VERSION);
			const cards = sql.all<{ title: string; position: string }>("SELECT title, position FROM cards ORDER BY position");
			expect(cards.map((c) => c.title)).toEqual(["Card 0", "Card 1", "Card 2", "Card 3"]);
			expect(Math.max(...cards.map((c) => c.position.length))).toBeLessThanOrEqual(3);
			expect(sql.one("SELECT actor_id, op_id, seq FROM operations")).toEqual({
				actor_id: "u_1",
				op_id: "op-12345678",
				seq: 1,
			});
		});
	});
});

describe("schema version 7", () => {
	it("indexes the cards and comments written before it, and keeps the index in step after", async () => {
		const stub = env.Tenant.getByName(uniqueSlug("search-backfill"));
		await runInDurableObject(stub, (_instance, state) => {
			const sql = new Sql(state.storage);
			migrate(
				state.storage,
				sql,
				MIGRATIONS.filter((m) => m.version < 7),
			);
			sql.run("INSERT INTO boards (id, title, version, created_at, updated_at) VALUES ('b_1', 'B', 1, 'x', 'x')");
			sql.run("INSERT INTO lists (id, board_id, title, position, version) VALUES ('l_1', 'b_1', 'L', 'a0', 1)");
			sql.run(
				`INSERT INTO cards (id, board_id, list_id, title, description, position, version, created_by, created_at, updated_at)
				VALUES ('c_1', 'b_1', 'l_1', 'Old kettle', 'descaled weekly', 'a0', 1, 'u', 'x', 'x')`,
			);
			sql.run(
				"INSERT INTO comments (id, card_id, author_id, body, created_at) VALUES ('m_1', 'c_1', 'u', 'teapot too', 'x')",
			);
			expect(migrate(state.storage, sql)).toBe(LATEST_VERSION);
			const found = (q: string) =>
				sql
					.all<{ ref_id: string }>(
						`SELECT d.ref_id FROM search_index JOIN search_docs d ON d.doc = search_index.rowid
						WHERE search_index MATCH ? ORDER BY d.ref_id`,
						q,
					)
					.map((r) => r.ref_id);
			expect(found("kettle")).toEqual(["c_1"]);
			expect(found("descaled")).toEqual(["c_1"]);
			expect(found("teapot")).toEqual(["m_1"]);
			sql.run("UPDATE cards SET title = 'New samovar' WHERE id = 'c_1'");
			expect(found("kettle")).toEqual([]);
			expect(found("samovar")).toEqual(["c_1"]);
			sql.run("DELETE FROM comments WHERE id = 'm_1'");
			expect(found("teapot")).toEqual([]);
			expect(sql.one<{ n: number }>("SELECT count(*) AS n FROM search_docs")?.n).toBe(1);
		});
	});
});
