// Reordering lists: by the list's menu, by Alt+arrows on it, and by dragging its header; the
// other person on the board sees the new order.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dragAndDrop, LAPTOP, launch, listOrder, makeTenant, openBoard, screenshot } from "./browser";

describe("reordering lists", () => {
	let browser: Browser;
	let alice: Page;
	let bob: Page;
	let tenant: { slug: string; boardId: string };

	beforeAll(async () => {
		browser = await launch();
		tenant = await makeTenant("lists");
		const { slug, boardId } = tenant;
		alice = await openBoard(browser, slug, boardId, "alice", LAPTOP);
		bob = await openBoard(browser, slug, boardId, "bob", LAPTOP);
	});

	afterAll(async () => {
		await browser?.close();
	});

	it("moves a list left with its menu, and bob sees the new order", async () => {
		expect(await listOrder(alice)).toEqual(["To do", "Doing", "Done"]);
		await alice.getByRole("button", { name: "List actions for Done" }).click();
		await screenshot(alice, "list-menu");
		await alice.getByRole("menuitem", { name: "Move left" }).click();
		await expect.poll(() => listOrder(alice), { timeout: 5000 }).toEqual(["To do", "Done", "Doing"]);
		await expect.poll(() => listOrder(bob), { timeout: 10_000 }).toEqual(["To do", "Done", "Doing"]);
	});

	it("moves a list with Alt+Left on its menu button, keeping focus there", async () => {
		const button = alice.getByRole("button", { name: "List actions for Done" });
		await button.focus();
		await alice.keyboard.press("Alt+ArrowLeft");
		await expect.poll(() => listOrder(alice), { timeout: 5000 }).toEqual(["Done", "To do", "Doing"]);
		await expect.poll(() => button.evaluate((el) => el === document.activeElement), { timeout: 5000 }).toBe(true);
		await expect.poll(() => listOrder(bob), { timeout: 10_000 }).toEqual(["Done", "To do", "Doing"]);
	});

	it("moves a list by dragging its header onto another list", async () => {
		const header = alice.locator("[data-testid=list][data-list-title='Done'] .column-header");
		// Dropped on the left half of "Doing": between "To do" and "Doing".
		await dragAndDrop(alice, header, alice.locator("[data-testid=list][data-list-title='Doing']"));
		await expect.poll(() => listOrder(alice), { timeout: 5000 }).toEqual(["To do", "Done", "Doing"]);
		await expect.poll(() => listOrder(bob), { timeout: 10_000 }).toEqual(["To do", "Done", "Doing"]);
	});

	it("keeps the order after a reload", async () => {
		await bob.reload();
		await bob.getByTestId("list").first().waitFor({ timeout: 10_000 });
		expect(await listOrder(bob)).toEqual(["To do", "Done", "Doing"]);
	});

	it("offers a viewer no way to move lists", async () => {
		const vera = await openBoard(browser, tenant.slug, tenant.boardId, "vera", LAPTOP);
		expect(await vera.getByRole("button", { name: /List actions/ }).count()).toBe(0);
		expect(await vera.locator(".column-header[draggable=true]").count()).toBe(0);
	});
});
