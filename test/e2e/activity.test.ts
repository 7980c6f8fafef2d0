// The activity feed: one line per change, naming who made it once; and one save of the card
// dialog is one change, however many of its fields were edited.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCard, LAPTOP, launch, makeTenant, openBoard, screenshot } from "./browser";

describe("the activity feed", () => {
	let browser: Browser;
	let alice: Page;
	const sent: { type: string; op?: { type: string; title?: string; description?: string } }[] = [];

	beforeAll(async () => {
		browser = await launch();
		const { slug, boardId, token } = await makeTenant("activity");
		await addCard(token, slug, boardId, "To do", "Draft the agenda");
		alice = await openBoard(browser, slug, boardId, "alice", LAPTOP);
		alice.on("websocket", (socket) =>
			socket.on("framesent", ({ payload }) => {
				if (typeof payload === "string") sent.push(JSON.parse(payload));
			}),
		);
		// Reconnect so the listener sees the socket from its start.
		await alice.reload();
		await alice.getByTestId("connection-state").filter({ hasText: "Live" }).waitFor({ timeout: 15_000 });
	});

	afterAll(async () => {
		await browser?.close();
	});

	const updates = () => sent.filter((m) => m.type === "op" && m.op?.type === "card.update");

	it("sends one operation when a card's title and description are edited and the dialog closed", async () => {
		await alice.locator("[data-testid=card][data-card-title='Draft the agenda'] .card-open").click();
		await alice.getByTestId("card-dialog").waitFor({ timeout: 10_000 });
		await alice.getByTestId("card-title-input").fill("Final agenda");
		await alice.getByTestId("card-description-input").fill("Ten minutes each.");
		await alice.keyboard.press("Escape");
		await alice.getByTestId("card-dialog").waitFor({ state: "detached", timeout: 5000 });
		await expect.poll(() => updates().length, { timeout: 5000 }).toBe(1);
		expect(updates()[0]?.op).toMatchObject({ title: "Final agenda", description: "Ten minutes each." });
	});

	it("sends one operation for an edit of the title alone, confirmed with Enter", async () => {
		await alice.locator("[data-testid=card][data-card-title='Final agenda'] .card-open").click();
		await alice.getByTestId("card-title-input").fill("Final agenda v2");
		await alice.getByTestId("card-title-input").press("Enter");
		await alice.getByRole("button", { name: "Close", exact: true }).click();
		await expect.poll(() => updates().length, { timeout: 5000 }).toBe(2);
		expect(updates()[1]?.op).toEqual(expect.not.objectContaining({ description: expect.anything() }));
	});

	it("shows each change once, naming the person once", async () => {
		await alice.getByRole("button", { name: "Activity" }).click();
		const items = alice.getByTestId("activity-summary");
		await expect
			.poll(() => items.allInnerTexts(), { timeout: 10_000 })
			.toEqual([
				expect.stringMatching(/^alice edited “Final agenda v2”/),
				expect.stringMatching(/^alice edited “Final agenda”/),
				expect.stringMatching(/^alice added “Draft the agenda”/),
				expect.stringMatching(/^alice renamed the board/),
			]);
		for (const text of await items.allInnerTexts()) expect(text).not.toMatch(/^(\S+) \1\b/i);
		await screenshot(alice, "laptop-activity");
	});
});
