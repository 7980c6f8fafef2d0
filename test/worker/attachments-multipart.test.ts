import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { compositeSha256 } from "../../objects/domain/upload-completion";
import type { Attachment, CardDetail, UploadCreated, UploadStatus } from "../../shared/api";
import { UPLOAD_PART_BYTES } from "../../shared/limits";
import { call } from "../helpers/api";
import {
	createUpload,
	download,
	partOf,
	putPart,
	randomBytes,
	sha256,
	tenantWithCard,
	uploadInParts,
} from "../helpers/attachments";

/** Two parts: one full part and a 1 MB tail. R2 wants every part but the last to be >= 5 MiB. */
const SIZE = UPLOAD_PART_BYTES + 1024 * 1024 + 3;

async function started(slug: string, cardId: string, token: string, size = SIZE): Promise<UploadCreated> {
	const res = await createUpload(slug, cardId, token, { name: "dump.tar", size });
	expect(res.status).toBe(201);
	return res.json();
}

const complete = (slug: string, uploadId: string, token: string) =>
	call(`/api/t/${slug}/uploads/${uploadId}/complete`, { method: "POST", token });

describe("large files uploaded in parts", () => {
	it("announces fixed-size parts when an upload is created", async () => {
		const { slug, token, card } = await tenantWithCard();
		const upload = await started(slug, card.id, token);
		expect(upload).toMatchObject({ partSize: UPLOAD_PART_BYTES, partCount: 2 });
		expect(upload.uploadId).toMatch(/^a_/);
	});

	it("a two-part file comes back byte for byte, with the composite checksum of its parts", async () => {
		const { slug, token, card } = await tenantWithCard();
		const bytes = randomBytes(SIZE);
		const attachment = await uploadInParts(slug, card.id, bytes, token);
		const parts = [
			await sha256(partOf(bytes, UPLOAD_PART_BYTES, 1)),
			await sha256(partOf(bytes, UPLOAD_PART_BYTES, 2)),
		];
		expect(attachment).toMatchObject({ size: SIZE, sha256: await compositeSha256(parts) });
		expect(attachment.sha256).toMatch(/^[0-9a-f]{64}-2$/);
		const back = await download(slug, attachment.id, token);
		expect(back.headers.get("content-length")).toBe(String(SIZE));
		expect(await sha256(await back.arrayBuffer())).toBe(await sha256(bytes));
	});

	it("lists the parts that arrived so a client can resume, and completes once the missing one is sent", async () => {
		const { slug, token, card } = await tenantWithCard();
		const bytes = randomBytes(SIZE);
		const upload = await started(slug, card.id, token);
		expect((await putPart(slug, upload.uploadId, 2, partOf(bytes, upload.partSize, 2), token)).status).toBe(200);
		const early = await complete(slug, upload.uploadId, token);
		expect(early.status).toBe(409);
		expect(await early.json()).toMatchObject({ error: { code: "conflict", details: { missingParts: [1] } } });
		const status = (await (await call(`/api/t/${slug}/uploads/${upload.uploadId}`, { token })).json()) as UploadStatus;
		expect(status).toMatchObject({ uploadId: upload.uploadId, name: "dump.tar", size: SIZE, partCount: 2 });
		expect(status.parts.map((p) => [p.partNumber, p.size])).toEqual([[2, 1024 * 1024 + 3]]);
		expect((await putPart(slug, upload.uploadId, 1, partOf(bytes, upload.partSize, 1), token)).status).toBe(200);
		const done = await complete(slug, upload.uploadId, token);
		expect(done.status).toBe(201);
		const attachment = (await done.json()) as Attachment;
		expect(await sha256(await (await download(slug, attachment.id, token)).arrayBuffer())).toBe(await sha256(bytes));
	});

	it("a part sent again replaces the first copy", async () => {
		const { slug, token, card } = await tenantWithCard();
		const bytes = randomBytes(SIZE);
		const upload = await started(slug, card.id, token);
		const tail = partOf(bytes, upload.partSize, 2);
		await putPart(slug, upload.uploadId, 2, randomBytes(tail.byteLength), token);
		await putPart(slug, upload.uploadId, 2, tail, token);
		await putPart(slug, upload.uploadId, 1, partOf(bytes, upload.partSize, 1), token);
		const attachment = (await (await complete(slug, upload.uploadId, token)).json()) as Attachment;
		expect(await sha256(await (await download(slug, attachment.id, token)).arrayBuffer())).toBe(await sha256(bytes));
	});

	it("refuses a part of the wrong size or number before storing it", async () => {
		const { slug, token, card } = await tenantWithCard();
		const upload = await started(slug, card.id, token);
		const short = await putPart(slug, upload.uploadId, 1, randomBytes(1024), token);
		expect(short.status).toBe(422);
		expect(await short.json()).toMatchObject({ error: { code: "validation_failed" } });
		expect((await putPart(slug, upload.uploadId, 3, randomBytes(10), token)).status).toBe(422);
		expect((await putPart(slug, upload.uploadId, 0, randomBytes(10), token)).status).toBe(422);
		const status = (await (await call(`/api/t/${slug}/uploads/${upload.uploadId}`, { token })).json()) as UploadStatus;
		expect(status.parts).toEqual([]);
	});

	it("completing twice answers with the same attachment", async () => {
		const { slug, token, card } = await tenantWithCard();
		const bytes = randomBytes(SIZE);
		const first = await uploadInParts(slug, card.id, bytes, token);
		const again = await complete(slug, first.id, token);
		expect(again.status).toBe(201);
		expect(await again.json()).toEqual(first);
	});

	it("four completes sent at once all answer with the one attachment they made", async () => {
		for (let round = 0; round < 3; round++) {
			const { slug, token, card } = await tenantWithCard();
			const bytes = randomBytes(SIZE);
			const upload = await started(slug, card.id, token);
			for (let n = 1; n <= upload.partCount; n++)
				expect((await putPart(slug, upload.uploadId, n, partOf(bytes, upload.partSize, n), token)).status).toBe(200);
			const answers = await Promise.all(Array.from({ length: 4 }, () => complete(slug, upload.uploadId, token)));
			expect(answers.map((res) => res.status)).toEqual([201, 201, 201, 201]);
			const attachments = (await Promise.all(answers.map((res) => res.json()))) as Attachment[];
			expect(new Set(attachments.map((a) => a.id)).size).toBe(1);
			const detail = (await (await call(`/api/t/${slug}/cards/${card.id}`, { token })).json()) as CardDetail;
			expect(detail.attachments).toHaveLength(1);
		}
	});

	it("an aborted upload is gone, here and in R2", async () => {
		const { slug, token, card, tenant } = await tenantWithCard();
		const upload = await started(slug, card.id, token);
		await putPart(slug, upload.uploadId, 2, randomBytes(SIZE - UPLOAD_PART_BYTES), token);
		const res = await call(`/api/t/${slug}/uploads/${upload.uploadId}`, { method: "DELETE", token });
		expect(res.status).toBe(204);
		expect((await call(`/api/t/${slug}/uploads/${upload.uploadId}`, { token })).status).toBe(404);
		expect((await complete(slug, upload.uploadId, token)).status).toBe(404);
		const listed = await env.ATTACHMENTS.list({ prefix: `tenants/${tenant.id}/` });
		expect(listed.objects).toEqual([]);
		const usage = (await (await call(`/api/admin/tenants/${slug}`, { token: "test-admin-token" })).json()) as {
			usage: { storageBytes: number };
		};
		expect(usage.usage.storageBytes).toBe(0);
	});
});
