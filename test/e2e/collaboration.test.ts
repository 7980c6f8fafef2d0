import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boardText, dragAndDrop, expectLive, launch, makeTenant, openBoard, screenshot } from "./browser";

describe("two people on one board in real browsers", () => {
	let browser: Browser;
	let alice: Page;
	let bob: Page;

	beforeAll(async () => {
		browser = await launch();
		const { slug, boardId } = await makeTenant("collab");
		alice = await openBoard(browser, slug, boardId, "alice");
		bob = await openBoard(browser, slug, boardId, "bob");
	});

	afterAll(async () => {
		await browser?.close();
	});

	it("shows each other on the board", async () => {
		// Each sees the other; yourself you see once, as your account menu (board-page.test.ts).
		await expect.poll(() => alice.getByTestId("presence-avatar").count(), { timeout: 10_000 }).toBe(1);
		await expect.poll(() => bob.getByTestId("presence-avatar").count(), { timeout: 10_000 }).toBe(1);
	});

	it("bob sees the card alice adds, without reloading", async () => {
		const input = alice.locator("[data-testid=list][data-list-title='To do'] [data-testid=add-card-input]");
		await input.fill("Write the release notes");
		await input.press("Enter");
		await bob.locator("[data-testid=card][data-card-title='Write the release notes']").waitFor({ timeout: 10_000 });
		await screenshot(bob, "bob-sees-alices-card");
	});

	it("bob sees the card move when alice drags it to another list", async () => {
		const card = alice.locator("[data-testid=card][data-card-title='Write the release notes']");
		const doing = alice.locator("[data-testid=list][data-list-title='Doing'] ol");
		await dragAndDrop(alice, card, doing);
		await bob
			.locator(
				"[data-testid=list][data-list-title='Doing'] [data-testid=card][data-card-title='Write the release notes']",
			)
			.waitFor({ timeout: 10_000 });
		await expect.poll(() => boardText(bob)).toEqual(await boardText(alice));
		await screenshot(alice, "alice-moved-card");
	});

	it("bob sees the card move when alice moves it with the keyboard", async () => {
		const button = alice.locator("[data-testid=card][data-card-title='Write the release notes'] .card-open");
		await button.focus();
		await button.press("Alt+ArrowRight");
		await bob
			.locator(
				"[data-testid=list][data-list-title='Done'] [data-testid=card][data-card-title='Write the release notes']",
			)
			.waitFor({ timeout: 10_000 });
		await expect.poll(() => boardText(bob)).toEqual(await boardText(alice));
	});

	it("bob edits while offline, comes back, and both end with the same board", async () => {
		await bob.context().setOffline(true);
		await bob
			.getByTestId("connection-state")
			.filter({ hasText: /Offline|Reconnecting/ })
			.waitFor({ timeout: 15_000 });
		const input = bob.locator("[data-testid=list][data-list-title='Done'] [data-testid=add-card-input]");
		await input.fill("Idea from the train");
		await input.press("Enter");
		await bob.getByTestId("connection-state").filter({ hasText: /1/ }).waitFor({ timeout: 5000 });
		await screenshot(bob, "bob-offline-with-queued-change");
		expect((await boardText(alice)).Done ?? []).not.toContain("Idea from the train");

		await bob.context().setOffline(false);
		await expectLive(bob);
		await alice.locator("[data-testid=card][data-card-title='Idea from the train']").waitFor({ timeout: 15_000 });
		await expect.poll(() => boardText(bob), { timeout: 10_000 }).toEqual(await boardText(alice));
		const done = (await boardText(alice)).Done ?? [];
		expect(done.filter((t) => t === "Idea from the train")).toHaveLength(1);
		await screenshot(alice, "both-converged");
	});

	it("keeps the board after a reload", async () => {
		const before = await boardText(bob);
		await bob.reload();
		await expectLive(bob);
		expect(await boardText(bob)).toEqual(before);
	});
});
