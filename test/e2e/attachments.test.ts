import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, LAPTOP, launch, makeTenant, openBoard, screenshot } from "./browser";

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
		// No service worker for alice: the progress test holds one request with page.route, and
		// Playwright does not route requests that pass through a service worker.
		alice = await openBoard(browser, slug, boardId, "alice", { ...LAPTOP, serviceWorkers: "block" });
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

	it("keeps the percentage and the bar in step, then says it is finishing, without Cancel, until the server answers", async () => {
		// Hold the server's answer to "complete", to look at the moment after the last byte.
		let release = () => {};
		const held = new Promise<void>((resolve) => {
			release = resolve;
		});
		await alice.route("**/uploads/*/complete", async (route) => {
			await held;
			await route.continue();
		});
		// At every change of the progress text, how far the number and the bar's width disagree (in points).
		await alice.evaluate(() => {
			document.body.dataset.progressGap = "0";
			new MutationObserver(() => {
				const upload = document.querySelector("[data-testid=upload-progress]");
				const shown = Number(upload?.querySelector("[data-testid=progress-text]")?.textContent?.match(/(\d+)%/)?.[1]);
				const track = upload?.querySelector(".progress-track")?.getBoundingClientRect().width ?? 0;
				const fill = upload?.querySelector(".progress-fill")?.getBoundingClientRect().width ?? 0;
				if (!upload || !track || Number.isNaN(shown)) return;
				const gap = Math.abs(shown - (fill / track) * 100);
				document.body.dataset.progressGap = String(Math.max(gap, Number(document.body.dataset.progressGap)));
			}).observe(document.body, { subtree: true, childList: true, characterData: true });
		});
		await alice
			.getByTestId("attachment-input")
			.setInputFiles({ name: "held.zip", mimeType: "application/zip", buffer: randomBytes(21 * 1024 * 1024) });

		const finishing = alice.locator("[data-testid=upload-progress][data-state=finishing]");
		await finishing.waitFor({ timeout: 60_000 });
		expect(await finishing.innerText()).toContain("Finishing…");
		expect(await finishing.getByRole("button", { name: "Cancel" }).count()).toBe(0);
		expect(await finishing.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("100");
		await screenshot(alice, "upload-finishing");
		// Still finishing a moment later: only the server's answer ends it.
		await alice.waitForTimeout(500);
		expect(await finishing.count()).toBe(1);

		release();
		await alice.getByTestId("attachment-link").filter({ hasText: "held.zip" }).waitFor({ timeout: 30_000 });
		// The link may come first, from the board's live events; the progress goes with the server's answer.
		await alice.getByTestId("upload-progress").waitFor({ state: "detached", timeout: 10_000 });
		expect(Number(await alice.evaluate(() => document.body.dataset.progressGap))).toBeLessThan(1.5);
	});
});
