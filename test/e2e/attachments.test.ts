import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, launch, makeTenant, openBoard, screenshot } from "./browser";

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

describe("attachments in a real browser", () => {
	let browser: Browser;
	let alice: Page;
	let bob: Page;

	beforeAll(async () => {
		browser = await launch();
		const { slug, boardId, token } = await makeTenant("files");
		const detail = (await (
			await fetch(`${baseUrl()}/api/t/${slug}/boards/${boardId}`, { headers: { authorization: `Bearer ${token}` } })
		).json()) as {
			lists: { id: string }[];
		};
		await fetch(`${baseUrl()}/api/t/${slug}/boards/${boardId}/cards`, {
			method: "POST",
			headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
			body: JSON.stringify({ listId: detail.lists[0]?.id, title: "Bug report" }),
		});
		alice = await openBoard(browser, slug, boardId, "alice");
		bob = await openBoard(browser, slug, boardId, "bob");
		await alice.locator("[data-testid=card][data-card-title='Bug report'] .card-open").click();
		await alice.getByTestId("card-dialog").waitFor({ timeout: 10_000 });
	});

	afterAll(async () => {
		await browser?.close();
	});

	async function uploadAndDownload(name: string, bytes: Buffer, mimeType: string) {
		await alice.getByTestId("attachment-input").setInputFiles({ name, mimeType, buffer: bytes });
		const link = alice.getByTestId("attachment-link").filter({ hasText: name });
		await link.waitFor({ timeout: 60_000 });
		const [download] = await Promise.all([alice.waitForEvent("download", { timeout: 30_000 }), link.click()]);
		const path = await download.path();
		return { suggested: download.suggestedFilename(), bytes: readFileSync(path) };
	}

	it("uploads a file with the client and downloads the same bytes", async () => {
		const bytes = randomBytes(300 * 1024);
		const { suggested, bytes: back } = await uploadAndDownload("trace.bin", bytes, "application/octet-stream");
		expect(suggested).toBe("trace.bin");
		expect(sha256(back)).toBe(sha256(bytes));
	});

	it("bob sees the attachment count on the card without reloading", async () => {
		await bob
			.locator("[data-testid=card][data-card-title='Bug report']")
			.filter({ hasText: "1" })
			.waitFor({ timeout: 10_000 });
	});

	it("sends a large file in parts with a progress bar and gets it back intact", async () => {
		const bytes = randomBytes(23 * 1024 * 1024);
		await alice
			.getByTestId("attachment-input")
			.setInputFiles({ name: "export.zip", mimeType: "application/zip", buffer: bytes });
		await alice.getByTestId("upload-progress").waitFor({ timeout: 10_000 });
		await screenshot(alice, "multipart-upload-progress");
		const link = alice.getByTestId("attachment-link").filter({ hasText: "export.zip" });
		await link.waitFor({ timeout: 90_000 });
		const [download] = await Promise.all([alice.waitForEvent("download", { timeout: 60_000 }), link.click()]);
		expect(sha256(readFileSync(await download.path()))).toBe(sha256(bytes));
		await screenshot(alice, "attachments-listed");
	});
});
