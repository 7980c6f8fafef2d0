// Fleet operations in a real browser: the operator exports a tenant from its detail panel,
// restores it into a new workspace whose members then see the same board, starts a schema
// rollout and watches its progress, and reads what they did in the audit log.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
	addCard,
	api,
	baseUrl,
	boardText,
	expectLive,
	fitsWidth,
	launch,
	makeTenant,
	PASSWORD,
	PHONE,
	screenshot,
} from "./browser";

describe("the operator's fleet operations in a real browser", () => {
	let browser: Browser;
	let page: Page;
	let source: { slug: string; boardId: string; token: string };
	const copy = `restored-${Date.now().toString(36)}`;

	beforeAll(async () => {
		browser = await launch();
		source = await makeTenant("exported");
		const board = await api<{ lists: { title: string }[] }>(
			source.token,
			`/api/t/${source.slug}/boards/${source.boardId}`,
		);
		const list = board.lists[0]?.title ?? "";
		await addCard(source.token, source.slug, source.boardId, list, "Ship the export");
		await addCard(source.token, source.slug, source.boardId, list, "Check the restore");
		page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
		await page.goto(`${baseUrl()}/admin`);
		await page.getByTestId("admin-token").fill(inject("adminToken"));
		await page.getByTestId("admin-token-submit").click();
	});

	afterAll(async () => {
		await browser?.close();
	});

	it("exports a tenant from its detail, and restores it into a new workspace", async () => {
		await page.getByTestId("tenant-row").filter({ hasText: source.slug }).getByRole("button").first().click();
		const detail = page.getByTestId("tenant-detail");
		await detail.getByRole("button", { name: "Export", exact: true }).click();
		await detail.getByRole("button", { name: "Download archive" }).waitFor({ timeout: 30_000 });
		expect(await detail.getByTestId("export-status").innerText()).toMatch(/Ready: .*2 cards/);
		await detail.getByLabel("New slug").fill(copy);
		await detail.getByLabel("Workspace name").fill("Restored Co");
		await detail.getByRole("button", { name: "Restore" }).click();
		await detail.getByRole("link", { name: `open ${copy}` }).waitFor({ timeout: 30_000 });
		await page.getByTestId("tenant-row").filter({ hasText: copy }).waitFor({ timeout: 10_000 });
		await screenshot(page, "fleet-export-restored");
	});

	it("the restored workspace shows the same board to the same people", async () => {
		const member = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
		await member.goto(`${baseUrl()}/t/${copy}`);
		await member.getByTestId("signin-email").fill(`alice@${source.slug}.test`);
		await member.getByTestId("signin-password").fill(PASSWORD);
		await member.getByTestId("signin-submit").click();
		await member.getByTestId("board-link").first().waitFor({ timeout: 15_000 });
		await member.goto(`${baseUrl()}/t/${copy}/b/${source.boardId}`);
		await expectLive(member);
		const restored = await boardText(member);
		const original = await (await browser.newContext()).newPage();
		await original.goto(`${baseUrl()}/t/${source.slug}`);
		await original.getByTestId("signin-email").fill(`alice@${source.slug}.test`);
		await original.getByTestId("signin-password").fill(PASSWORD);
		await original.getByTestId("signin-submit").click();
		await original.getByTestId("board-link").first().waitFor({ timeout: 15_000 });
		await original.goto(`${baseUrl()}/t/${source.slug}/b/${source.boardId}`);
		await expectLive(original);
		expect(restored).toEqual(await boardText(original));
		expect(Object.values(restored).flat()).toEqual(expect.arrayContaining(["Ship the export", "Check the restore"]));
		await screenshot(member, "fleet-restored-board");
	});

	it("starts a schema rollout and shows its progress to the end", async () => {
		await page.getByTestId("console-tab-operations").click();
		await page.getByRole("button", { name: "Start a rollout" }).click();
		await page.getByRole("progressbar", { name: "Rollout progress" }).waitFor({ timeout: 10_000 });
		await expect.poll(() => page.getByTestId("rollout-remaining").innerText(), { timeout: 60_000 }).toBe("0");
		expect(Number(await page.getByTestId("rollout-done").innerText())).toBeGreaterThanOrEqual(2);
		expect(await page.getByRole("progressbar", { name: "Rollout progress" }).getAttribute("aria-valuenow")).toBe("100");
	});

	it("lists what the operator did in the audit log, newest first", async () => {
		await page.reload();
		const entries = page.getByTestId("audit-entry");
		await entries.first().waitFor({ timeout: 10_000 });
		expect(await entries.first().innerText()).toMatch(/Started a schema rollout/);
		await entries.filter({ hasText: "Restored from an export" }).filter({ hasText: copy }).waitFor({ timeout: 10_000 });
		await entries
			.filter({ hasText: "Started an export" })
			.filter({ hasText: source.slug })
			.waitFor({ timeout: 10_000 });
		await screenshot(page, "fleet-operations");
	});

	it("fits a phone's screen", async () => {
		const phone = await (await browser.newContext(PHONE)).newPage();
		await phone.goto(`${baseUrl()}/admin/operations`);
		await phone.getByTestId("admin-token").fill(inject("adminToken"));
		await phone.getByTestId("admin-token-submit").click();
		await phone.getByTestId("audit-entry").first().waitFor({ timeout: 10_000 });
		expect(await fitsWidth(phone)).toBe(true);
		await screenshot(phone, "fleet-operations-phone");
	});
});
