import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { attachmentKey } from "../../objects/domain/attachment-scope";
import { ARCHIVE_RETENTION_MS } from "../../objects/domain/attachments";
import type { Attachment, CardDetail, UploadCreated } from "../../shared/api";
import { admin, call } from "../helpers/api";
import { createUpload, download, putFile, putPart, randomBytes, tenantWithCard } from "../helpers/attachments";
import { cleanupAlarmAt, runCleanupAlarm, tenantSql } from "../helpers/storage";

/** Polls `check` until it holds, failing after `timeoutMs`. */
async function eventually(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

const inR2 = async (key: string) => (await env.ATTACHMENTS.head(key)) !== null;

async function storedOnCard() {
	const setup = await tenantWithCard();
	const res = await putFile(setup.slug, setup.card.id, randomBytes(64), { token: setup.token });
	const attachment = (await res.json()) as Attachment;
	return { ...setup, attachment, key: attachmentKey(setup.tenant.id, attachment.id) };
}

describe("attachments are deleted with what holds them", () => {
	it("deleting an attachment deletes its object and its metadata", async () => {
		const { slug, token, card, attachment, key } = await storedOnCard();
		expect(await inR2(key)).toBe(true);
		const res = await call(`/api/t/${slug}/attachments/${attachment.id}`, { method: "DELETE", token });
		expect(res.status).toBe(204);
		expect(await inR2(key)).toBe(false);
		expect((await download(slug, attachment.id, token)).status).toBe(404);
		const detail = (await (await call(`/api/t/${slug}/cards/${card.id}`, { token })).json()) as CardDetail;
		expect(detail.attachments).toEqual([]);
		expect(detail.attachmentCount).toBe(0);
	});

	it("archiving a card keeps its files for the retention period, then the alarm deletes them", async () => {
		const { slug, token, card, attachment, key } = await storedOnCard();
		const upload = (await (await createUpload(slug, card.id, token, { size: 10 })).json()) as UploadCreated;
		await call(`/api/t/${slug}/cards/${card.id}`, {
			method: "PATCH",
			json: { version: card.version, archived: true },
			token,
		});
		expect((await call(`/api/t/${slug}/cards/${card.id}`, { token })).status).toBe(404);
		expect((await download(slug, attachment.id, token)).status).toBe(404);
		// Within the retention the file stays (the card can be restored); the unfinished upload goes,
		// and the alarm comes back when the retention ends.
		expect(await runCleanupAlarm(slug)).toBe(true);
		expect(await inR2(key)).toBe(true);
		expect((await call(`/api/t/${slug}/uploads/${upload.uploadId}`, { token })).status).toBe(404);
		expect(await cleanupAlarmAt(slug)).toBeGreaterThan(Date.now() + ARCHIVE_RETENTION_MS - 3_600_000);
		// A month and a day later, the alarm deletes the file and its row.
		const longAgo = new Date(Date.now() - ARCHIVE_RETENTION_MS - 86_400_000).toISOString();
		await tenantSql(slug, "UPDATE cards SET archived_at = ? WHERE @tenant", longAgo);
		expect(await runCleanupAlarm(slug)).toBe(true);
		expect(await inR2(key)).toBe(false);
		expect(await tenantSql(slug, "SELECT count(*) AS n FROM attachments WHERE @tenant")).toEqual([{ n: 0 }]);
	});

	it("the cleanup alarm aborts uploads left unfinished past their expiry and frees their quota", async () => {
		const { slug, token, card } = await tenantWithCard();
		const upload = (await (await createUpload(slug, card.id, token, { size: 10 })).json()) as UploadCreated;
		expect((await putPart(slug, upload.uploadId, 1, randomBytes(10), token)).status).toBe(200);
		// Let a day pass for this upload.
		await tenantSql(slug, "UPDATE uploads SET expires_at = 0 WHERE @tenant");
		const [row] = await tenantSql<{ r2_upload_id: string }>(slug, "SELECT r2_upload_id FROM uploads WHERE @tenant");
		const r2UploadId = row?.r2_upload_id ?? "";
		expect(await runCleanupAlarm(slug)).toBe(true);
		expect((await call(`/api/t/${slug}/uploads/${upload.uploadId}`, { token })).status).toBe(404);
		const tenant = (await (await admin(`/api/admin/tenants/${slug}`)).json()) as {
			id: string;
			usage: { storageBytes: number };
		};
		expect(tenant.usage.storageBytes).toBe(0);
		const r2Upload = env.ATTACHMENTS.resumeMultipartUpload(attachmentKey(tenant.id, upload.uploadId), r2UploadId);
		await expect(r2Upload.complete([])).rejects.toThrow();
	});

	it("the alarm leaves uploads that have not expired alone and comes back for them", async () => {
		const { slug, token, card } = await tenantWithCard();
		const upload = (await (await createUpload(slug, card.id, token, { size: 10 })).json()) as UploadCreated;
		expect(await runCleanupAlarm(slug)).toBe(true);
		expect((await call(`/api/t/${slug}/uploads/${upload.uploadId}`, { token })).status).toBe(200);
		expect(await cleanupAlarmAt(slug)).toBeGreaterThan(Date.now() + 23 * 3600 * 1000);
	});

	it("deleting the tenant removes every object under its prefix", async () => {
		const { slug, tenant, card, token } = await storedOnCard();
		await putFile(slug, card.id, randomBytes(10), { token });
		await createUpload(slug, card.id, token, { size: 10 });
		expect((await env.ATTACHMENTS.list({ prefix: `tenants/${tenant.id}/` })).objects).toHaveLength(2);
		const res = await admin(`/api/admin/tenants/${slug}`, { method: "DELETE" });
		expect([202, 204]).toContain(res.status);
		await eventually(
			async () => (await env.ATTACHMENTS.list({ prefix: `tenants/${tenant.id}/` })).objects.length === 0,
		);
	});
});
