// Reaching the directory: which shard holds a slug, and listing across shards with a cursor.
import type { Tenant } from "../../shared/api";

/** Enough shards that no single object is hot; changing it needs a re-shard of existing rows. */
export const DIRECTORY_SHARDS = 8;

/** The shard for a slug: FNV-1a over its characters, so it is stable everywhere. */
export function shardOf(slug: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < slug.length; i++) {
		hash ^= slug.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash % DIRECTORY_SHARDS;
}

export function directoryFor(env: Env, slug: string) {
	return env.Directory.getByName(`directory-${shardOf(slug)}`);
}

export async function touchDirectory(env: Env, slug: string, at: string): Promise<void> {
	await directoryFor(env, slug).touch(slug, at);
}

/**
 * One page of tenants. Shards are walked in order, each in slug order; the cursor says which
 * shard and which slug come next, so pages never repeat or skip a tenant.
 */
export async function listTenants(
	env: Env,
	limit: number,
	start: Cursor,
): Promise<{ tenants: Tenant[]; cursor: string | null }> {
	let { shard, after } = start;
	const tenants: Tenant[] = [];
	while (shard < DIRECTORY_SHARDS && tenants.length < limit) {
		const page = await env.Directory.getByName(`directory-${shard}`).list(after, limit - tenants.length);
		tenants.push(...page);
		if (tenants.length < limit) {
			shard += 1;
			after = "";
		} else {
			after = page.at(-1)?.slug ?? after;
		}
	}
	return { tenants, cursor: shard < DIRECTORY_SHARDS ? encodeCursor(shard, after) : null };
}

function encodeCursor(shard: number, after: string): string {
	return btoa(JSON.stringify([shard, after])).replace(/=+$/, "");
}

export interface Cursor {
	shard: number;
	after: string;
}

/** Decodes a cursor from a previous page (none: the first page); undefined when it is not one. */
export function decodeCursor(cursor: string | null): Cursor | undefined {
	if (!cursor) return { shard: 0, after: "" };
	try {
		const [shard, after] = JSON.parse(atob(cursor)) as [unknown, unknown];
		if (typeof shard === "number" && Number.isInteger(shard) && shard >= 0 && typeof after === "string")
			return { shard, after };
	} catch {}
	return undefined;
}
