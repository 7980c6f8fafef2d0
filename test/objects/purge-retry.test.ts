// The purge job, driven message by message through the Worker's real queue() handler: a purge
// that fails is handed back to the queue for a retry, the retry finishes it, and the same message
// delivered again (or after the slug was taken by a new tenant) changes nothing.
import { createExecutionContext, createMessageBatch, env, getQueueResult } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { Tenant } from "../../shared/api";
import type { Result } from "../../shared/errors";
import { controlPlane } from "../../worker/control-plane";
import worker from "../../worker/index";
import { admin, createTenant } from "../helpers/api";
import { putFile, randomBytes, tenantWithCard } from "../helpers/attachments";
import { rowsLeft, tenantSql } from "../helpers/storage";

let sequence = 0;

/** Delivers one purge message, as attempt `attempts`; what the handler did with it. */
async function deliver(job: { slug: string; tenantId: string }, attempts: number) {
	const id = `purge-${++sequence}`;
	const batch = createMessageBatch("boardroom-fleet", [
		{ id, timestamp: new Date(), attempts, body: { kind: "purge", ...job } },
	]);
	const ctx = createExecutionContext();
	await worker.queue(batch, env, ctx);
	const result = await getQueueResult(batch, ctx);
	return { acked: result.explicitAcks.includes(id), retried: result.retryMessages.some((m) => m.msgId === id) };
}

/** Marks a tenant deleted the way DELETE does, without sending a purge job of its own. */
async function markDeleted(slug: string): Promise<string> {
	const marked = (await env.Tenant.getByName(slug).markDeleting()) as Result<Tenant>;
	if (!marked.ok) throw new Error(`markDeleting ${slug}: ${marked.code}`);
	await controlPlane(env).record(marked.value);
	return marked.value.id;
}

const UPLOADS = `CREATE TABLE uploads (id TEXT PRIMARY KEY, card_id TEXT NOT NULL, name TEXT NOT NULL, size INTEGER NOT NULL,
	content_type TEXT NOT NULL, r2_upload_id TEXT, part_size INTEGER NOT NULL, created_by TEXT NOT NULL,
	created_at TEXT NOT NULL, expires_at INTEGER NOT NULL)`;

describe("purging a deleted tenant on the fleet queue", () => {
	it("a purge that fails is retried, and the retry removes everything", async () => {
		const { slug, tenant, card, token } = await tenantWithCard();
		await putFile(slug, card.id, randomBytes(100), { token });
		const tenantId = await markDeleted(slug);
		// Damage the tenant so that its purge fails half-way (its unfinished uploads cannot be read).
		await tenantSql(slug, "DROP TABLE uploads");

		expect(await deliver({ slug, tenantId }, 1)).toEqual({ acked: false, retried: true });
		expect(await (await admin(`/api/admin/tenants/${slug}`)).json()).toMatchObject({ status: "deleting" });

		await tenantSql(slug, UPLOADS);
		expect(await deliver({ slug, tenantId }, 2)).toEqual({ acked: true, retried: false });
		expect((await admin(`/api/admin/tenants/${slug}`)).status).toBe(404);
		expect((await env.ATTACHMENTS.list({ prefix: `tenants/${tenant.id}/` })).objects).toEqual([]);
		expect(await rowsLeft(slug, tenant.id)).toBe(0);
	});

	it("the same message delivered twice, or after the slug was taken again, changes nothing", async () => {
		const first = await createTenant();
		const tenantId = await markDeleted(first.slug);
		expect((await deliver({ slug: first.slug, tenantId }, 1)).acked).toBe(true);
		expect((await deliver({ slug: first.slug, tenantId }, 1)).acked).toBe(true);
		const again = await createTenant(first.slug);
		expect((await deliver({ slug: first.slug, tenantId }, 1)).acked).toBe(true);
		expect(await (await admin(`/api/admin/tenants/${first.slug}`)).json()).toMatchObject({
			id: again.id,
			status: "active",
		});
	});
});
