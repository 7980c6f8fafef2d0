// Helpers for attachment tests: a tenant with a card, files of random bytes, checksums, and
// uploads through the real Worker routes (single PUT and multipart).
import type { Attachment, Board, BoardDetail, Card, UploadCreated } from "../../shared/api";
import type { Plan, Role } from "../../shared/tenant";
import { addMember, call, createTenant, signIn, uniqueSlug } from "./api";

/** A tenant on `plan` with an owner, one board and one card; `tokenFor` signs in more members. */
export async function tenantWithCard(plan: Plan = "team") {
	const tenant = await createTenant(uniqueSlug("att"), plan);
	const slug = tenant.slug;
	await addMember(slug, `owner@${slug}.test`, "owner");
	const { token } = await signIn(slug, `owner@${slug}.test`);
	const board = (await (
		await call(`/api/t/${slug}/boards`, { method: "POST", json: { title: "Bugs" }, token })
	).json()) as Board;
	const detail = (await (await call(`/api/t/${slug}/boards/${board.id}`, { token })).json()) as BoardDetail;
	const listId = detail.lists[0]?.id;
	const cardRes = await call(`/api/t/${slug}/boards/${board.id}/cards`, {
		method: "POST",
		json: { listId, title: "Crash" },
		token,
	});
	const card = (await cardRes.json()) as Card;
	const tokenFor = async (role: Role) => {
		const email = `${role}-${Math.random().toString(36).slice(2)}@${slug}.test`;
		await addMember(slug, email, role);
		return (await signIn(slug, email)).token;
	};
	return { tenant, slug, token, board: detail, card, tokenFor };
}

/** `size` random bytes (getRandomValues fills at most 64 KiB at a time). */
export function randomBytes(size: number): Uint8Array<ArrayBuffer> {
	const bytes = new Uint8Array(size);
	for (let offset = 0; offset < size; offset += 65536) crypto.getRandomValues(bytes.subarray(offset, offset + 65536));
	return bytes;
}

export async function sha256(bytes: Uint8Array<ArrayBuffer> | ArrayBuffer): Promise<string> {
	const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
	return [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** PUT a whole file onto a card. */
export function putFile(
	slug: string,
	cardId: string,
	bytes: Uint8Array<ArrayBuffer>,
	options: { token: string; name?: string; type?: string },
): Promise<Response> {
	const name = encodeURIComponent(options.name ?? "file.bin");
	const headers = { "content-type": options.type ?? "application/octet-stream" };
	return call(`/api/t/${slug}/cards/${cardId}/attachments?name=${name}`, {
		method: "PUT",
		body: bytes,
		headers,
		token: options.token,
	});
}

export async function createUpload(
	slug: string,
	cardId: string,
	token: string,
	file: { name?: string; size: number; contentType?: string },
): Promise<Response> {
	const json = {
		name: file.name ?? "big.bin",
		size: file.size,
		contentType: file.contentType ?? "application/octet-stream",
	};
	return call(`/api/t/${slug}/cards/${cardId}/uploads`, { method: "POST", json, token });
}

export function putPart(
	slug: string,
	uploadId: string,
	partNumber: number,
	bytes: Uint8Array<ArrayBuffer>,
	token: string,
): Promise<Response> {
	return call(`/api/t/${slug}/uploads/${uploadId}/parts/${partNumber}`, { method: "PUT", body: bytes, token });
}

/** The part of `bytes` that part `partNumber` carries. */
export function partOf(bytes: Uint8Array<ArrayBuffer>, partSize: number, partNumber: number): Uint8Array<ArrayBuffer> {
	return bytes.slice((partNumber - 1) * partSize, partNumber * partSize);
}

/** Uploads `bytes` in parts, in order, and completes the upload. */
export async function uploadInParts(
	slug: string,
	cardId: string,
	bytes: Uint8Array<ArrayBuffer>,
	token: string,
	name = "big.bin",
): Promise<Attachment> {
	const res = await createUpload(slug, cardId, token, { name, size: bytes.byteLength });
	if (res.status !== 201) throw new Error(`createUpload: ${res.status} ${await res.text()}`);
	const upload = (await res.json()) as UploadCreated;
	for (let n = 1; n <= upload.partCount; n++) {
		const part = await putPart(slug, upload.uploadId, n, partOf(bytes, upload.partSize, n), token);
		if (part.status !== 200) throw new Error(`part ${n}: ${part.status} ${await part.text()}`);
	}
	const done = await call(`/api/t/${slug}/uploads/${upload.uploadId}/complete`, { method: "POST", token });
	if (done.status !== 201) throw new Error(`complete: ${done.status} ${await done.text()}`);
	return done.json();
}

export function download(slug: string, attachmentId: string, token: string, headers?: HeadersInit): Promise<Response> {
	return call(`/api/t/${slug}/attachments/${attachmentId}`, { token, headers });
}
