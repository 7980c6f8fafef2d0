import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { attachmentKey } from "../../objects/domain/attachment-scope";
import type { Attachment, CardDetail } from "../../shared/api";
import { call } from "../helpers/api";
import { download, putFile, randomBytes, sha256, tenantWithCard } from "../helpers/attachments";

describe("attachments uploaded in one request", () => {
	for (const [label, size] of [
		["an empty file", 0],
		["a one-byte file", 1],
		["a 3 MB file", 3 * 1024 * 1024 + 17],
	] as const) {
		it(`${label} comes back byte for byte, with its checksum recorded`, async () => {
			const { slug, token, card, tenant } = await tenantWithCard();
			const bytes = randomBytes(size);
			const res = await putFile(slug, card.id, bytes, { token, name: "report.bin" });
			expect(res.status).toBe(201);
			const attachment = (await res.json()) as Attachment;
			expect(attachment).toMatchObject({ cardId: card.id, name: "report.bin", size, sha256: await sha256(bytes) });
			const back = await download(slug, attachment.id, token);
			expect(back.status).toBe(200);
			expect(back.headers.get("content-length")).toBe(String(size));
			expect(await sha256(await back.arrayBuffer())).toBe(attachment.sha256);
			const stored = await env.ATTACHMENTS.head(attachmentKey(tenant.id, attachment.id));
			expect(stored?.size).toBe(size);
		});
	}

	it("lists the attachment on its card with the uploader and time", async () => {
		const { slug, token, card } = await tenantWithCard();
		const attachment = (await (
			await putFile(slug, card.id, randomBytes(10), { token, name: "a.txt", type: "text/plain" })
		).json()) as Attachment;
		const detail = (await (await call(`/api/t/${slug}/cards/${card.id}`, { token })).json()) as CardDetail;
		expect(detail.attachmentCount).toBe(1);
		expect(detail.attachments).toEqual([attachment]);
		expect(attachment.contentType).toBe("text/plain");
		expect(attachment.uploadedBy).toMatch(/^u_/);
		expect(Date.parse(attachment.createdAt)).not.toBeNaN();
	});

	it("keeps the file's name out of its storage key", async () => {
		const { slug, token, card, tenant } = await tenantWithCard();
		const name = "../../other-tenant/attachments/x";
		const res = await putFile(slug, card.id, randomBytes(5), { token, name });
		expect(res.status).toBe(422);
		const ok = (await (
			await putFile(slug, card.id, randomBytes(5), { token, name: "résumé (final).pdf" })
		).json()) as Attachment;
		expect(ok.name).toBe("résumé (final).pdf");
		const listed = await env.ATTACHMENTS.list({ prefix: `tenants/${tenant.id}/` });
		expect(listed.objects.map((o) => o.key)).toEqual([attachmentKey(tenant.id, ok.id)]);
		expect(listed.objects.some((o) => o.key.includes(name))).toBe(false);
	});

	it("refuses an upload without a Content-Length", async () => {
		const { slug, token, card } = await tenantWithCard();
		// A stream of unknown length goes out chunked, with no Content-Length.
		const body = new ReadableStream({
			pull(controller) {
				controller.enqueue(randomBytes(100));
				controller.close();
			},
		});
		const res = await call(`/api/t/${slug}/cards/${card.id}/attachments?name=a.bin`, {
			method: "PUT",
			body,
			token,
			// @ts-expect-error workerd wants duplex for streamed request bodies
			duplex: "half",
		});
		expect(res.status).toBe(411);
		expect(await res.json()).toMatchObject({ error: { code: "length_required" } });
	});
});
