// The board page's frame: who is here (yourself once, others by their initials) and the way back
// to the boards list.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCard, api, LAPTOP, launch, makeTenant, openBoard, screenshot } from "./browser";

describe("the board page's frame", () => {
	let browser: Browser;
	let alice: Page;
	let bob: Page;
	let ids: { alice: string; bob: string };

	beforeAll(async () => {
		browser = await launch();
		const { slug, boardId, token } = await makeTenant("frame");
		await addCard(token, slug, boardId, "To do", "Plan the offsite");
		const { members } = await api<{ members: { id: string; name: string }[] }>(token, `/api/t/${slug}/members`);
		const id = (name: string) => members.find((m) => m.name === name)?.id ?? "";
		ids = { alice: id("alice"), bob: id("bob") };
		alice = await openBoard(browser, slug, boardId, "alice", LAPTOP);
		bob = await openBoard(browser, slug, boardId, "bob", LAPTOP);
	});

	afterAll(async () => {
		await browser?.close();
	});

	it("shows you once in the top bar, as your account menu, and the others beside it", async () => {
		await alice.locator(`[data-testid=presence-avatar][data-user-id='${ids.bob}']`).waitFor({ timeout: 10_000 });
		expect(await alice.locator(`[data-testid=presence-avatar][data-user-id='${ids.alice}']`).count()).toBe(0);
		expect(await alice.locator(".topbar [data-testid=avatar-initials]").allInnerTexts()).toEqual(["B", "A"]);
		await screenshot(alice, "laptop-board");
	});

	it("takes initials from the name of the person viewing a card, not from the words around it", async () => {
		await bob.locator("[data-testid=card][data-card-title='Plan the offsite'] .card-open").click();
		await alice.getByTestId("card-viewers").waitFor({ timeout: 10_000 });
		await alice.locator("[data-testid=card][data-card-title='Plan the offsite'] .card-open").click();
		const viewer = alice.getByTestId("card-dialog").locator(".dialog-header .avatar");
		await viewer.waitFor({ timeout: 10_000 });
		expect(await viewer.getByTestId("avatar-initials").innerText()).toBe("B");
		expect(await viewer.getAttribute("title")).toBe("bob is viewing");
		await screenshot(alice, "laptop-card-dialog");
		await alice.keyboard.press("Escape");
	});

	it("has a Boards link that leads back to the boards list", async () => {
		await alice.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Boards" }).click();
		await alice.getByTestId("board-link").first().waitFor({ timeout: 10_000 });
		expect(new URL(alice.url()).pathname).toMatch(/^\/t\/frame-[a-z0-9]+$/);
	});
});
