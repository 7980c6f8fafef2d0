import { describe, expect, it } from "vitest";
import { MAX_SINGLE_UPLOAD_BYTES } from "../../shared/limits";
import { PLANS } from "../../shared/plans";
import { call } from "../helpers/api";
import { createUpload, putFile, randomBytes, tenantWithCard } from "../helpers/attachments";

const MB = 1024 * 1024;

/** A PUT that declares `size` bytes but never sends them: the Worker must refuse it first. */
async function declarePut(slug: string, cardId: string, token: string, size: number): Promise<Response> {
	// The writable side is simply left open: the Worker must answer without reading a byte.
	const { readable } = new FixedLengthStream(size);
	return call(`/api/t/${slug}/cards/${cardId}/attachments?name=huge.bin`, { method: "PUT", body: readable, token });
}

describe("per-plan attachment limits", () => {
	it("refuses a single file over the plan's largest file with 413 and says the limit", async () => {
		const { slug, token, card } = await tenantWithCard("free");
		const res = await declarePut(slug, card.id, token, PLANS.free.maxFileBytes + 1);
		expect(res.status).toBe(413);
		const body = (await res.json()) as { error: { code: string; message: string } };
		expect(body.error.code).toBe("payload_too_large");
		expect(body.error.message).toContain("25 MB");
	});

	it("refuses a single request over the Worker's body limit and points to multipart", async () => {
		const { slug, token, card } = await tenantWithCard("team");
		const res = await declarePut(slug, card.id, token, MAX_SINGLE_UPLOAD_BYTES + 1);
		expect(res.status).toBe(413);
		expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/in parts/);
	});

	it("refuses a multipart upload over the plan's largest file before any part is sent", async () => {
		const { slug, token, card } = await tenantWithCard("free");
		const res = await createUpload(slug, card.id, token, { size: 26 * MB });
		expect(res.status).toBe(413);
	});

	it("reserves each upload's declared size, so uploads in flight cannot overrun the storage limit", async () => {
		const { slug, token, card } = await tenantWithCard("free");
		// 1 GB of storage on the free plan: forty 25 MB reservations leave 24 MB.
		const ids: string[] = [];
		for (let i = 0; i < 40; i++) {
			const res = await createUpload(slug, card.id, token, { size: 25 * MB });
			expect(res.status).toBe(201);
			ids.push(((await res.json()) as { uploadId: string }).uploadId);
		}
		const over = await createUpload(slug, card.id, token, { size: 25 * MB });
		expect(over.status).toBe(413);
		expect(((await over.json()) as { error: { message: string } }).error.message).toContain("24 MB");
		expect((await putFile(slug, card.id, randomBytes(1024), { token })).status).toBe(201);
		await call(`/api/t/${slug}/uploads/${ids[0]}`, { method: "DELETE", token });
		expect((await createUpload(slug, card.id, token, { size: 25 * MB })).status).toBe(201);
	});

	it("rejects an upload description that is not a file", async () => {
		const { slug, token, card } = await tenantWithCard();
		for (const json of [
			{ name: "", size: 10 },
			{ name: "a.bin", size: -1 },
			{ name: "a.bin", size: 1.5 },
			{ name: "a/b.bin", size: 10 },
			{ name: "a.bin", size: 10, contentType: "not a type" },
		]) {
			const res = await call(`/api/t/${slug}/cards/${card.id}/uploads`, { method: "POST", json, token });
			expect(res.status, JSON.stringify(json)).toBe(422);
		}
	});

	it("refuses a body whose content type is not a MIME type", async () => {
		const { slug, token, card } = await tenantWithCard();
		const res = await putFile(slug, card.id, randomBytes(3), { token, type: "definitely not" });
		expect(res.status).toBe(415);
	});
});
