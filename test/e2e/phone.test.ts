// On a 390×844 phone: no page scrolls sideways (the lists scroll inside their own box), the
// activity panel opens on screen, and a card's menu (the only way to move a card by touch) works.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
	addCard,
	baseUrl,
	boardText,
	everyMenuItemShows,
	fitsWidth,
	launch,
	makeTenant,
	openBoard,
	PHONE,
	screenshot,
} from "./browser";

describe("on a phone", () => {
	let browser: Browser;
	let page: Page;

	beforeAll(async () => {
		browser = await launch();
		const { slug, boardId, token } = await makeTenant("phone");
		await addCard(token, slug, boardId, "To do", "Call the venue");
		await addCard(token, slug, boardId, "To do", "Book the train");
		page = await openBoard(browser, slug, boardId, "alice", PHONE);
	});

	afterAll(async () => {
		await browser?.close();
	});

	it("keeps the board page within the screen's width", async () => {
		expect(await fitsWidth(page)).toBe(true);
		await screenshot(page, "phone-board");
	});

	it("opens the activity panel inside the screen", async () => {
		await page.getByRole("button", { name: "Activity" }).click();
		const panel = page.getByRole("complementary", { name: "Activity" });
		await panel.getByTestId("activity-summary").first().waitFor({ timeout: 10_000 });
		const box = await panel.boundingBox();
		const { width, height } = page.viewportSize() ?? { width: 0, height: 0 };
		expect(box).not.toBeNull();
		expect(box?.x).toBeGreaterThanOrEqual(0);
		expect(box?.y).toBeGreaterThanOrEqual(0);
		expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(width);
		expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(height);
		expect(await fitsWidth(page)).toBe(true);
		await screenshot(page, "phone-activity");
		await page.getByRole("button", { name: "Close activity" }).click();
	});

	it("moves a card to another list with its menu", async () => {
		await page.getByRole("button", { name: "Move card Book the train" }).tap();
		const item = page.getByRole("menuitem", { name: "Move to Doing" });
		await item.waitFor({ timeout: 5000 });
		expect(await everyMenuItemShows(page)).toBe(true);
		await screenshot(page, "phone-card-menu");
		await item.tap();
		await expect.poll(() => boardText(page), { timeout: 10_000 }).toMatchObject({ Doing: ["Book the train"] });
		expect(await fitsWidth(page)).toBe(true);
	});

	it("fits the boards list and a card's dialog", async () => {
		await page.locator("[data-testid=card][data-card-title='Call the venue'] .card-open").tap();
		await page.getByTestId("card-dialog").waitFor({ timeout: 10_000 });
		expect(await fitsWidth(page)).toBe(true);
		await screenshot(page, "phone-card-dialog");
		await page.getByRole("button", { name: "Close", exact: true }).tap();
		await page.getByRole("link", { name: "Boards", exact: true }).tap();
		await page.getByTestId("board-link").first().waitFor({ timeout: 10_000 });
		expect(await fitsWidth(page)).toBe(true);
		await screenshot(page, "phone-boards");
	});

	it("fits the operator console, with a tenant open", async () => {
		const admin = await (await browser.newContext(PHONE)).newPage();
		await admin.goto(`${baseUrl()}/admin`);
		expect(await fitsWidth(admin)).toBe(true);
		await admin.getByTestId("admin-token").fill(inject("adminToken"));
		await admin.getByTestId("admin-token-submit").click();
		await admin.getByTestId("tenant-row").first().waitFor({ timeout: 15_000 });
		expect(await fitsWidth(admin)).toBe(true);
		await admin.getByTestId("tenant-row").first().getByRole("button").tap();
		await admin.getByTestId("tenant-detail").getByTestId("usage-bar").first().waitFor({ timeout: 10_000 });
		expect(await fitsWidth(admin)).toBe(true);
		await screenshot(admin, "phone-admin");
	});
});
