// Helpers for the D1 store's tests: the d1 environment's bindings, tenants with an owner, and a
// store per simulated Worker. Every test makes its own tenants, so tests never share rows.
import type { D1Migration } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { newId } from "../../objects/domain/ids";
import type { Actor } from "../../objects/domain/operations";
import { createBoard } from "../../objects/domain/operations";
import type { Board } from "../../shared/api";
import { D1BoardStore, type D1CommitHooks } from "../../worker/d1/board-store";

/** The bindings of the workers-d1 project: the d1 environment's, and the migrations vitest.config.ts read. */
export const testEnv = env as Cloudflare.D1Env & { TEST_MIGRATIONS: D1Migration[] };

/** A new tenant with one owner, written straight into the shared tables. */
export async function createTenant(name = "Acme"): Promise<{ tenantId: string; owner: Actor }> {
	const tenantId = newId("t");
	const owner: Actor = { userId: newId("u"), name: `${name} Owner`, role: "owner" };
	const at = new Date().toISOString();
	await testEnv.DB.batch([
		testEnv.DB.prepare(
			"INSERT INTO tenants (id, slug, name, plan, status, created_at) VALUES (?, ?, ?, 'team', 'active', ?)",
		).bind(tenantId, tenantId.replace("_", "-"), name, at),
		testEnv.DB.prepare(
			"INSERT INTO members (tenant_id, id, email, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, 'owner', 'x', ?)",
		).bind(tenantId, owner.userId, `owner@${tenantId}.test`, owner.name, at),
	]);
	return { tenantId, owner };
}

/** The store one Worker would build for one request of this tenant. */
export function storeFor(tenantId: string, hooks?: D1CommitHooks): D1BoardStore {
	return new D1BoardStore(testEnv.DB, tenantId, hooks);
}

/** A tenant with a board (lists "To do", "Doing", "Done"): the usual starting point. */
export async function tenantWithBoard(name = "Acme") {
	const { tenantId, owner } = await createTenant(name);
	const store = storeFor(tenantId);
	const created = await createBoard(store, owner, "Roadmap", null, 10);
	if (!created.ok) throw new Error(`createBoard: ${created.code}`);
	const board: Board = created.value;
	const lists = await store.lists(board.id);
	return { tenantId, owner, store, board, lists };
}

/** Rows of a table that belong to a tenant. */
export async function rowsOf(table: string, tenantId: string): Promise<Record<string, unknown>[]> {
	const { results } = await testEnv.DB.prepare(`SELECT * FROM ${table} WHERE tenant_id = ?`).bind(tenantId).all();
	return results;
}
