// Labels, assignees and due dates set in a card's dialog and seen live by the other person;
// deleting a comment; archiving and restoring lists, cards and the board itself; and search.
// Alice and Bob each in their own browser, on a laptop-sized screen, then Alice on a phone.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
	addCard,
	baseUrl,
	boardText,
	fitsWidth,
	LAPTOP,
	launch,
	listOrder,
	makeTenant,
	openBoard,
	PHONE,
	screenshot,
} from "./browser";

const cardOn = (page: Page, title: string) => page.locator(`[data-testid=card][data-card-title='${title}']`);

async function openCard(page: Page, title: string): Promise<void> {
	await cardOn(page, title).locator(".card-open").click();
	await page.getByTestId("card-dialog").waitFor({ timeout: 10_000 });
}

async function closeCard(page: Page): Promise<void> {
	await page.getByRole("button", { name: "Close", exact: true }).click();
	await page.getByTestId("card-dialog").waitFor({ state: "detached", timeout: 5000 });
}

/** Answers the next window.confirm with OK. */
function confirmNext(page: Page): void {
	page.once("dialog", (dialog) => void dialog.accept());
}

describe("labels, assignees, due dates, archive and search in real browsers", () => {
	let browser: Browser;
	let alice: Page;
	let bob: Page;
	let tenant: { slug: string; boardId: string; token: string };

	beforeAll(async () => {
		browser = await launch();
		tenant = await makeTenant("features");
		const { slug, boardId, token } = tenant;
		await addCard(token, slug, boardId, "To do", "Plan the launch");
		await addCard(token, slug, boardId, "To do", "Loose end");
		await addCard(token, slug, boardId, "Doing", "Draft the press release");
		alice = await openBoard(browser, slug, boardId, "alice", LAPTOP);
		bob = await openBoard(browser, slug, boardId, "bob", LAPTOP);
	});

	afterAll(async () => {
		await browser?.close();
	});

	it("alice labels a card, assigns bob and sets a due date in its dialog; bob sees all of it live", async () => {
		await openCard(alice, "Plan the launch");
		await alice.getByRole("button", { name: "Edit labels…" }).click();
		await alice.getByTestId("new-label-name").fill("Urgent");
		await alice.getByLabel("New label colour").selectOption("red");
		await alice.getByRole("button", { name: "Add", exact: true }).click();
		const urgent = alice.getByTestId("label-picker").getByRole("checkbox", { name: "Urgent" });
		await expect.poll(() => urgent.isEnabled(), { timeout: 10_000 }).toBe(true);
		await urgent.check();
		await alice.getByTestId("assignee-picker").getByRole("checkbox", { name: "bob" }).check();
		await alice.getByTestId("due-date-input").fill("2030-03-31");
		await alice.getByTestId("due-date-input").press("Enter");
		await screenshot(alice, "card-dialog-details");
		await closeCard(alice);

		const card = cardOn(bob, "Plan the launch");
		await card.getByTestId("label-chip").filter({ hasText: "Urgent" }).waitFor({ timeout: 10_000 });
		await card.getByTestId("card-due").filter({ hasText: "31" }).waitFor({ timeout: 10_000 });
		await card.getByTestId("card-assignees").waitFor({ timeout: 10_000 });
		await screenshot(bob, "bob-sees-labels-assignee-due");
		await openCard(bob, "Plan the launch");
		expect(await bob.getByTestId("label-picker").getByRole("checkbox", { name: "Urgent" }).isChecked()).toBe(true);
		expect(await bob.getByTestId("assignee-picker").getByRole("checkbox", { name: "bob" }).isChecked()).toBe(true);
		expect(await bob.getByTestId("due-date-input").inputValue()).toBe("2030-03-31");
		await closeCard(bob);
	});

	it("bob deletes his comment, and alice, looking at the card, sees it go", async () => {
		await openCard(alice, "Plan the launch");
		await openCard(bob, "Plan the launch");
		await bob.getByTestId("comment-input").fill("Tyop in the plan");
		await bob.getByTestId("comment-submit").click();
		const aliceComment = alice.getByTestId("comment").filter({ hasText: "Tyop in the plan" });
		await aliceComment.waitFor({ timeout: 10_000 });
		confirmNext(bob);
		await bob.getByTestId("comment").filter({ hasText: "Tyop in the plan" }).getByTestId("comment-delete").click();
		await aliceComment.waitFor({ state: "detached", timeout: 10_000 });
		await closeCard(alice);
		await closeCard(bob);
		await expect.poll(() => cardOn(alice, "Plan the launch").textContent()).not.toMatch(/comments/);
	});

	it("alice archives a card and a list, and brings both back from the archive; bob sees them return", async () => {
		await openCard(alice, "Loose end");
		confirmNext(alice);
		await alice.getByRole("button", { name: "Archive card" }).click();
		await cardOn(bob, "Loose end").waitFor({ state: "detached", timeout: 10_000 });
		await alice.keyboard.press("Escape");
		await alice.getByRole("button", { name: "List actions for Doing" }).click();
		confirmNext(alice);
		await alice.getByRole("menuitem", { name: "Archive list…" }).click();
		await expect.poll(() => listOrder(bob), { timeout: 10_000 }).toEqual(["To do", "Done"]);

		await alice.getByTestId("archive-toggle").click();
		const panel = alice.getByTestId("archive-panel");
		await panel.getByTestId("archived-list").filter({ hasText: "Doing" }).waitFor({ timeout: 10_000 });
		await panel.getByTestId("archived-card").filter({ hasText: "Loose end" }).waitFor({ timeout: 10_000 });
		await screenshot(alice, "archive-panel");
		await panel.getByRole("button", { name: "Restore the list Doing" }).click();
		await expect.poll(() => boardText(bob), { timeout: 10_000 }).toMatchObject({ Doing: ["Draft the press release"] });
		await panel.getByRole("button", { name: "Restore the card Loose end" }).click();
		await cardOn(bob, "Loose end").waitFor({ timeout: 10_000 });
		await panel.getByText("Nothing archived on this board.").waitFor({ timeout: 10_000 });
		await alice.getByRole("button", { name: "Close the archive" }).click();
	});

	it("alice archives the board: bob is told, and when she restores it from the boards page he is back on it", async () => {
		await alice.getByRole("button", { name: "Board actions" }).click();
		confirmNext(alice);
		await alice.getByRole("menuitem", { name: "Archive board…" }).click();
		await alice.getByRole("heading", { name: "Boards", level: 1 }).waitFor({ timeout: 10_000 });
		expect(await alice.getByTestId("board-link").count()).toBe(0);
		await bob.getByTestId("board-archived").waitFor({ timeout: 10_000 });
		await screenshot(bob, "bob-board-archived");

		await alice.getByTestId("archived-boards-toggle").click();
		await alice.getByTestId("archived-board").filter({ hasText: "Sprint 42" }).waitFor({ timeout: 10_000 });
		await screenshot(alice, "archived-boards");
		await alice.getByRole("button", { name: "Restore the board Sprint 42" }).click();
		await alice.getByTestId("board-link").filter({ hasText: "Sprint 42" }).waitFor({ timeout: 10_000 });
		await bob.getByTestId("board-archived").waitFor({ state: "detached", timeout: 10_000 });
		await cardOn(bob, "Plan the launch").waitFor({ timeout: 10_000 });
	});

	it("alice searches, sees the match marked, and the result opens the card", async () => {
		await alice.getByTestId("search-input").fill("launch");
		await alice.getByTestId("search-input").press("Enter");
		const result = alice.getByTestId("search-result").first();
		await result.waitFor({ timeout: 10_000 });
		expect(await result.locator("mark").first().textContent()).toMatch(/launch/i);
		await screenshot(alice, "search-results");
		await result.getByRole("link", { name: "Plan the launch" }).click();
		await alice.getByTestId("card-dialog").waitFor({ timeout: 10_000 });
		expect(await alice.getByTestId("card-title-input").inputValue()).toBe("Plan the launch");
		await closeCard(alice);
		expect(new URL(alice.url()).search).toBe("");
	});

	it("says plainly when a search cannot be used", async () => {
		await alice.goto(`${baseUrl()}/t/${tenant.slug}/search?q=${encodeURIComponent('"unclosed')}`);
		await alice.getByRole("alert").filter({ hasText: "quote is not closed" }).waitFor({ timeout: 10_000 });
	});

	it("fits a phone: the board with its archive, a card's details, and search results", async () => {
		const phone = await openBoard(browser, tenant.slug, tenant.boardId, "alice", PHONE);
		expect(await fitsWidth(phone)).toBe(true);
		await phone.getByTestId("archive-toggle").tap();
		await phone.getByTestId("archive-panel").getByText("Nothing archived on this board.").waitFor({ timeout: 10_000 });
		expect(await fitsWidth(phone)).toBe(true);
		await screenshot(phone, "phone-archive-panel");
		await phone.getByRole("button", { name: "Close the archive" }).tap();
		await cardOn(phone, "Plan the launch").locator(".card-open").tap();
		await phone.getByTestId("label-picker").waitFor({ timeout: 10_000 });
		expect(await fitsWidth(phone)).toBe(true);
		await screenshot(phone, "phone-card-details");
		await phone.getByRole("button", { name: "Close", exact: true }).tap();
		await phone.goto(`${baseUrl()}/t/${tenant.slug}/search?q=launch`);
		await phone.getByTestId("search-result").first().waitFor({ timeout: 10_000 });
		expect(await fitsWidth(phone)).toBe(true);
		await screenshot(phone, "phone-search");
	});
});
