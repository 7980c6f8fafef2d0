// Offline-proof boards: a reload without a network opens the app from the service worker's cache
// and the board from its last confirmed state, with the changes still queued on top.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, boardText, expectLive, LAPTOP, launch, makeTenant, openBoard, screenshot } from "./browser";

describe("a board reloaded offline", () => {
	let browser: Browser;
	let alice: Page;
	let tenant: { slug: string; boardId: string; token: string };

	beforeAll(async () => {
		browser = await launch();
		tenant = await makeTenant("offline");
		alice = await openBoard(browser, tenant.slug, tenant.boardId, "alice", LAPTOP);
		// The service worker has the app shell once it is active (it caches it while installing).
		await alice.evaluate(async () => {
			await navigator.serviceWorker.ready;
		});
	});

	afterAll(async () => {
		await browser?.close();
	});

	it("shows the board and the change queued before the reload", async () => {
		const input = alice.locator("[data-testid=list][data-list-title='To do'] [data-testid=add-card-input]");
		await input.fill("Before the reload");
		await input.press("Enter");
		await expectLive(alice);
		await alice.context().setOffline(true);
		await alice.getByTestId("connection-state").filter({ hasText: "Offline" }).waitFor({ timeout: 15_000 });
		await input.fill("Written on the plane");
		await input.press("Enter");
		await alice.getByTestId("connection-state").filter({ hasText: "1 change queued" }).waitFor({ timeout: 5000 });

		await alice.reload();
		await alice.locator("[data-testid=card][data-card-title='Written on the plane']").waitFor({ timeout: 15_000 });
		expect((await boardText(alice))["To do"]).toEqual(["Before the reload", "Written on the plane"]);
		await alice.getByTestId("connection-state").filter({ hasText: "Offline — 1 change queued" }).waitFor();
		await screenshot(alice, "offline-after-reload");
	});

	it("sends the queued change once when the network is back", async () => {
		await alice.context().setOffline(false);
		await expectLive(alice);
		const board = await api<{ cards: { title: string }[] }>(
			tenant.token,
			`/api/t/${tenant.slug}/boards/${tenant.boardId}`,
		);
		expect(board.cards.filter((c) => c.title === "Written on the plane")).toHaveLength(1);
	});
});
