import { describe, expect, it } from "vitest";
import type { Attachment } from "../../shared/api";
import { download, putFile, randomBytes, sha256, tenantWithCard } from "../helpers/attachments";

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const text = (s: string) => new Uint8Array(new TextEncoder().encode(s));

async function stored(bytes: Uint8Array<ArrayBuffer>, name: string, type: string) {
	const setup = await tenantWithCard();
	const res = await putFile(setup.slug, setup.card.id, bytes, { token: setup.token, name, type });
	expect(res.status).toBe(201);
	return { ...setup, attachment: (await res.json()) as Attachment };
}

function expectSafe(res: Response): void {
	expect(res.headers.get("x-content-type-options")).toBe("nosniff");
	expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
	expect(res.headers.get("content-security-policy")).toContain("sandbox");
}

describe("downloading attachments safely", () => {
	it("serves HTML only as a download, never rendered", async () => {
		const { slug, token, attachment } = await stored(text("<script>alert(1)</script>"), "page.html", "text/html");
		const res = await download(slug, attachment.id, token);
		expect(res.status).toBe(200);
		expect(res.headers.get("content-disposition")).toMatch(/^attachment;/);
		expectSafe(res);
	});

	it("serves SVG, which can carry script, as a download", async () => {
		const svg = text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
		const { slug, token, attachment } = await stored(svg, "logo.svg", "image/svg+xml");
		const res = await download(slug, attachment.id, token);
		expect(res.headers.get("content-disposition")).toMatch(/^attachment;/);
		expectSafe(res);
	});

	it("shows a real PNG inline", async () => {
		const { slug, token, attachment } = await stored(PNG, "shot.png", "image/png");
		expect(attachment.contentType).toBe("image/png");
		const res = await download(slug, attachment.id, token);
		expect(res.headers.get("content-type")).toBe("image/png");
		expect(res.headers.get("content-disposition")).toMatch(/^inline;/);
		expectSafe(res);
	});

	it("records a file labelled PNG that is not one as plain bytes, and only offers it as a download", async () => {
		const { slug, token, attachment } = await stored(text("<html><script>alert(1)</script>"), "cat.png", "image/png");
		expect(attachment.contentType).toBe("application/octet-stream");
		const res = await download(slug, attachment.id, token);
		expect(res.headers.get("content-type")).toBe("application/octet-stream");
		expect(res.headers.get("content-disposition")).toMatch(/^attachment;/);
		expectSafe(res);
	});

	it("names the file in Content-Disposition without letting the name break the header", async () => {
		const { slug, token, attachment } = await stored(text("x"), 'Ünïcode "quoted" (1).txt', "text/plain");
		const header = (await download(slug, attachment.id, token)).headers.get("content-disposition") ?? "";
		expect(header).toContain('filename="_n_code _quoted_ (1).txt"');
		expect(header).toContain("filename*=UTF-8''%C3%9Cn%C3%AFcode%20%22quoted%22%20%281%29.txt");
	});

	it("answers a byte range with 206 and the right Content-Range", async () => {
		const bytes = randomBytes(1000);
		const { slug, token, attachment } = await stored(bytes, "a.bin", "application/octet-stream");
		const res = await download(slug, attachment.id, token, { range: "bytes=100-199" });
		expect(res.status).toBe(206);
		expect(res.headers.get("content-range")).toBe("bytes 100-199/1000");
		expect(res.headers.get("content-length")).toBe("100");
		expect(await sha256(await res.arrayBuffer())).toBe(await sha256(bytes.slice(100, 200)));
		const tail = await download(slug, attachment.id, token, { range: "bytes=-10" });
		expect(tail.headers.get("content-range")).toBe("bytes 990-999/1000");
		expect(new Uint8Array(await tail.arrayBuffer())).toEqual(bytes.slice(990));
		const open = await download(slug, attachment.id, token, { range: "bytes=995-" });
		expect(open.headers.get("content-length")).toBe("5");
		await open.arrayBuffer();
	});

	it("answers a range past the end with 416", async () => {
		const { slug, token, attachment } = await stored(randomBytes(10), "a.bin", "application/octet-stream");
		const res = await download(slug, attachment.id, token, { range: "bytes=10-20" });
		expect(res.status).toBe(416);
		expect(res.headers.get("content-range")).toBe("bytes */10");
	});

	it("answers a conditional GET with 304 when the ETag still matches", async () => {
		const { slug, token, attachment } = await stored(randomBytes(50), "a.bin", "application/octet-stream");
		const first = await download(slug, attachment.id, token);
		const etag = first.headers.get("etag") ?? "";
		await first.arrayBuffer();
		expect(etag).toBe(`"${attachment.sha256}"`);
		const again = await download(slug, attachment.id, token, { "if-none-match": etag });
		expect(again.status).toBe(304);
		expect(again.headers.get("etag")).toBe(etag);
		const stale = await download(slug, attachment.id, token, { "if-none-match": '"something-else"' });
		expect(stale.status).toBe(200);
		await stale.arrayBuffer();
	});

	it("sends the whole file when If-Range names another version", async () => {
		const { slug, token, attachment } = await stored(randomBytes(50), "a.bin", "application/octet-stream");
		const res = await download(slug, attachment.id, token, { range: "bytes=0-9", "if-range": '"old"' });
		expect(res.status).toBe(200);
		expect(res.headers.get("content-length")).toBe("50");
		await res.arrayBuffer();
	});
});
