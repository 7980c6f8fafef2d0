import { describe, expect, it } from "vitest";
import type { Attachment, UploadCreated } from "../../shared/api";
import { call } from "../helpers/api";
import { createUpload, download, putFile, putPart, randomBytes, tenantWithCard } from "../helpers/attachments";

/** Two tenants, each with a stored attachment and an upload in progress. */
async function twoTenants() {
	const sides = await Promise.all([tenantWithCard(), tenantWithCard()]);
	return Promise.all(
		sides.map(async (side) => {
			const attachment = (await (await putFile(side.slug, side.card.id, randomBytes(8), side)).json()) as Attachment;
			const upload = (await (
				await createUpload(side.slug, side.card.id, side.token, { size: 10 })
			).json()) as UploadCreated;
			return { ...side, attachment, uploadId: upload.uploadId };
		}),
	);
}

describe("attachments across tenants and roles", () => {
	it("answers 404 for every attachment route when the ids belong to another tenant", async () => {
		const [a, b] = await twoTenants();
		if (!a || !b) throw new Error("setup");
		// b's own credential and slug, a's ids: nothing of a is reachable from b.
		const attempts: [string, RequestInit & { json?: unknown }][] = [
			[`/attachments/${a.attachment.id}`, {}],
			[`/attachments/${a.attachment.id}`, { method: "DELETE" }],
			[`/cards/${a.card.id}/attachments?name=x.bin`, { method: "PUT", body: randomBytes(3) }],
			[`/cards/${a.card.id}/uploads`, { method: "POST", json: { name: "x", size: 10 } }],
			[`/uploads/${a.uploadId}`, {}],
			[`/uploads/${a.uploadId}/parts/1`, { method: "PUT", body: randomBytes(10) }],
			[`/uploads/${a.uploadId}/complete`, { method: "POST" }],
			[`/uploads/${a.uploadId}`, { method: "DELETE" }],
		];
		for (const [path, init] of attempts) {
			const res = await call(`/api/t/${b.slug}${path}`, { ...init, token: b.token });
			expect(res.status, `${init.method ?? "GET"} ${path}`).toBe(404);
			expect(await res.json()).toMatchObject({ error: { code: "not_found" } });
		}
		// And a's slug with b's credential is refused before any object is asked.
		const crossed = await download(a.slug, a.attachment.id, b.token);
		expect(crossed.status).toBe(404);
		// a's things are untouched.
		expect((await download(a.slug, a.attachment.id, a.token)).status).toBe(200);
		expect((await call(`/api/t/${a.slug}/uploads/${a.uploadId}`, { token: a.token })).status).toBe(200);
	});

	it("lets viewers download but never upload or delete", async () => {
		const { slug, token, card, tokenFor } = await tenantWithCard();
		const attachment = (await (await putFile(slug, card.id, randomBytes(8), { token })).json()) as Attachment;
		const viewer = await tokenFor("viewer");
		expect((await download(slug, attachment.id, viewer)).status).toBe(200);
		expect((await putFile(slug, card.id, randomBytes(8), { token: viewer })).status).toBe(403);
		expect((await createUpload(slug, card.id, viewer, { size: 10 })).status).toBe(403);
		const del = await call(`/api/t/${slug}/attachments/${attachment.id}`, { method: "DELETE", token: viewer });
		expect(del.status).toBe(403);
	});

	it("lets members delete attachments", async () => {
		const { slug, token, card, tokenFor } = await tenantWithCard();
		const attachment = (await (await putFile(slug, card.id, randomBytes(8), { token })).json()) as Attachment;
		const member = await tokenFor("member");
		const del = await call(`/api/t/${slug}/attachments/${attachment.id}`, { method: "DELETE", token: member });
		expect(del.status).toBe(204);
		expect((await download(slug, attachment.id, token)).status).toBe(404);
	});

	it("keeps an upload to the member who started it", async () => {
		const { slug, token, card, tokenFor } = await tenantWithCard();
		const upload = (await (await createUpload(slug, card.id, token, { size: 10 })).json()) as UploadCreated;
		const other = await tokenFor("member");
		expect((await call(`/api/t/${slug}/uploads/${upload.uploadId}`, { token: other })).status).toBe(404);
		expect((await putPart(slug, upload.uploadId, 1, randomBytes(10), other)).status).toBe(404);
		expect((await putPart(slug, upload.uploadId, 1, randomBytes(10), token)).status).toBe(200);
	});

	it("asks for a credential before anything else", async () => {
		const { slug, token, card } = await tenantWithCard();
		const attachment = (await (await putFile(slug, card.id, randomBytes(8), { token })).json()) as Attachment;
		expect((await call(`/api/t/${slug}/attachments/${attachment.id}`)).status).toBe(401);
		const put = await call(`/api/t/${slug}/cards/${card.id}/attachments?name=a`, {
			method: "PUT",
			body: randomBytes(2),
		});
		expect(put.status).toBe(401);
	});
});
