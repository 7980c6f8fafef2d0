// A card's ⋮ menu: never clipped by the list's scroll box, usable from the keyboard, and closed by
// Escape or a click elsewhere.
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCard, boardText, everyMenuItemShows, LAPTOP, launch, makeTenant, openBoard, screenshot } from "./browser";

describe("a card's move menu", () => {
	let browser: Browser;
	let page: Page;
	let button: Locator;

	beforeAll(async () => {
		browser = await launch();
		const { slug, boardId, token } = await makeTenant("menus");
		// The only card of its list: the list's scroll box is just one card tall.
		await addCard(token, slug, boardId, "To do", "Lonely card");
		page = await openBoard(browser, slug, boardId, "alice", LAPTOP);
		button = page.getByRole("button", { name: "Move card Lonely card" });
	});

	afterAll(async () => {
		await browser?.close();
	});

	it("shows all of its items even when the card is alone in its list", async () => {
		await button.click();
		await expect.poll(() => page.getByRole("menuitem").count(), { timeout: 5000 }).toBe(4);
		expect(await everyMenuItemShows(page)).toBe(true);
		await screenshot(page, "laptop-card-menu");
	});

	it("closes on a click elsewhere", async () => {
		await page.getByRole("heading", { level: 1 }).click({ position: { x: 2, y: 2 } });
		await page.getByRole("menu").waitFor({ state: "detached", timeout: 5000 });
	});

	it("opens from the keyboard, moves focus with the arrows, and closes on Escape back on its button", async () => {
		await button.focus();
		await page.keyboard.press("Enter");
		// Move up and down are disabled for a lone card, so focus starts on the first list to move to.
		await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("Move to Doing");
		await page.keyboard.press("ArrowDown");
		await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("Move to Done");
		await page.keyboard.press("Escape");
		await page.getByRole("menu").waitFor({ state: "detached", timeout: 5000 });
		expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);
	});

	it("moves the card with Enter on an item", async () => {
		await page.keyboard.press("Enter");
		await page.getByRole("menuitem", { name: "Move to Done" }).focus();
		await page.keyboard.press("Enter");
		await expect.poll(() => boardText(page), { timeout: 10_000 }).toMatchObject({ Done: ["Lonely card"] });
	});
});
