// axe-core on every page, on a laptop and on a phone: no violation that axe rates serious or
// critical (contrast, names, roles, structure) may ship.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AxeResults } from "axe-core";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { addCard, api, baseUrl, expectLive, LAPTOP, launch, makeTenant, PASSWORD, PHONE, screenshot } from "./browser";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** The serious and critical violations on the page as it is now, one line each with where they are. */
async function seriousViolations(page: Page, shot: string): Promise<string[]> {
	// Each page checked is also kept as a picture, to look at on both screens.
	await screenshot(page, shot);
	await page.addScriptTag({ content: AXE_SOURCE });
	return page.evaluate(async () => {
		const { axe } = window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } };
		const results = await axe.run(document, { resultTypes: ["violations"] });
		return results.violations
			.filter((v) => v.impact === "serious" || v.impact === "critical")
			.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
	});
}

describe.each([
	["laptop", LAPTOP],
	["phone", PHONE],
] as [string, BrowserContextOptions][])("accessibility on a %s", (name, screen) => {
	let browser: Browser;
	let page: Page;
	let tenant: { slug: string; boardId: string; token: string };

	beforeAll(async () => {
		browser = await launch();
		const made = await makeTenant("a11y");
		await addCard(made.token, made.slug, made.boardId, "To do", "Check the contrast");
		const shelved = await addCard(made.token, made.slug, made.boardId, "Doing", "Shelved idea");
		await fetch(`${baseUrl()}/api/t/${made.slug}/cards/${shelved.id}`, {
			method: "PATCH",
			headers: { authorization: `Bearer ${made.token}`, "content-type": "application/json" },
			body: JSON.stringify({ version: 1, archived: true }),
		});
		tenant = made;
		page = await (await browser.newContext(screen)).newPage();
	});

	afterAll(async () => {
		await browser?.close();
	});

	it("the landing page", async () => {
		await page.goto(`${baseUrl()}/`);
		await page.getByRole("heading", { level: 1 }).waitFor({ timeout: 10_000 });
		expect(await seriousViolations(page, `a11y-${name}-landing`)).toEqual([]);
	});

	it("the API reference", async () => {
		await page.goto(`${baseUrl()}/docs`);
		await page.getByRole("heading", { level: 1, name: "Boardroom API" }).waitFor({ timeout: 15_000 });
		expect(await seriousViolations(page, `a11y-${name}-docs`)).toEqual([]);
	});

	it("the sign-in page, with an error showing", async () => {
		await page.goto(`${baseUrl()}/t/${tenant.slug}`);
		await page.getByTestId("signin-email").fill(`alice@${tenant.slug}.test`);
		await page.getByTestId("signin-password").fill("not-the-password");
		await page.getByTestId("signin-submit").click();
		await page.getByRole("alert").waitFor({ timeout: 10_000 });
		expect(await seriousViolations(page, `a11y-${name}-signin`)).toEqual([]);
	});

	it("the boards list", async () => {
		await page.getByTestId("signin-password").fill(PASSWORD);
		await page.getByTestId("signin-submit").click();
		await page.getByTestId("board-link").first().waitFor({ timeout: 15_000 });
		expect(await seriousViolations(page, `a11y-${name}-boards`)).toEqual([]);
	});

	it("the board page, then with a card's dialog open", async () => {
		await page.goto(`${baseUrl()}/t/${tenant.slug}/b/${tenant.boardId}`);
		await expectLive(page);
		expect(await seriousViolations(page, `a11y-${name}-board`)).toEqual([]);
		await page.locator("[data-testid=card] .card-open").first().click();
		await page.getByTestId("comment-input").waitFor({ timeout: 10_000 });
		expect(await seriousViolations(page, `a11y-${name}-card-dialog`)).toEqual([]);
	});

	it("the board page with its activity panel and a card's menu open", async () => {
		await page.keyboard.press("Escape");
		await page.getByTestId("card-dialog").waitFor({ state: "detached", timeout: 5000 });
		await page.getByRole("button", { name: "Activity" }).click();
		await page.getByTestId("activity-summary").first().waitFor({ timeout: 10_000 });
		expect(await seriousViolations(page, `a11y-${name}-activity`)).toEqual([]);
		await page.getByRole("button", { name: "Close activity" }).click();
		await page.getByRole("button", { name: "Move card Check the contrast" }).click();
		await page.getByRole("menu").waitFor({ timeout: 5000 });
		expect(await seriousViolations(page, `a11y-${name}-card-menu`)).toEqual([]);
	});

	it("the archive panel, a card's labels being edited, search results and archived boards", async () => {
		await page.keyboard.press("Escape");
		await page.getByTestId("archive-toggle").click();
		await page.getByTestId("archived-card").first().waitFor({ timeout: 10_000 });
		expect(await seriousViolations(page, `a11y-${name}-archive`)).toEqual([]);
		await page.getByRole("button", { name: "Close the archive" }).click();
		await page.locator("[data-testid=card] .card-open").first().click();
		await page.getByRole("button", { name: "Edit labels…" }).click();
		await page.getByTestId("label-manager").waitFor({ timeout: 10_000 });
		expect(await seriousViolations(page, `a11y-${name}-labels`)).toEqual([]);
		await page.keyboard.press("Escape");
		await page.getByTestId("card-dialog").waitFor({ state: "detached", timeout: 5000 });
		await page.getByTestId("search-input").fill("contrast");
		await page.getByTestId("search-input").press("Enter");
		await page.getByTestId("search-result").first().waitFor({ timeout: 10_000 });
		expect(await seriousViolations(page, `a11y-${name}-search`)).toEqual([]);
		await page.getByRole("link", { name: "← Boards" }).click();
		await page.getByTestId("archived-boards-toggle").click();
		await page.getByText("No archived boards.").waitFor({ timeout: 10_000 });
		expect(await seriousViolations(page, `a11y-${name}-archived-boards`)).toEqual([]);
	});

	it("the workspace settings: members with a new invite link, API keys with a new key, the workspace", async () => {
		await page.keyboard.press("Escape");
		await page.goto(`${baseUrl()}/t/${tenant.slug}/settings`);
		await page.getByTestId("invite-email").fill(`carol@${tenant.slug}.test`);
		await page.getByTestId("invite-submit").click();
		await page.getByTestId("invite-link").waitFor({ timeout: 10_000 });
		await page.getByTestId("pending-invite").first().waitFor({ timeout: 10_000 });
		// A removal being confirmed, too: its question and buttons must be as clear as the rest.
		await page.getByTestId("member-row").filter({ hasText: "bob@" }).getByTestId("remove-member").click();
		expect(await seriousViolations(page, `a11y-${name}-settings-members`)).toEqual([]);
		await page.getByTestId("settings-tab-api-keys").click();
		await page.getByTestId("api-key-name").fill("Nightly export");
		await page.getByTestId("api-key-create").click();
		await page.getByTestId("api-key-value").waitFor({ timeout: 10_000 });
		expect(await seriousViolations(page, `a11y-${name}-settings-api-key`)).toEqual([]);
		await page.getByTestId("api-key-done").click();
		await page.getByTestId("api-key-row").first().waitFor({ timeout: 10_000 });
		expect(await seriousViolations(page, `a11y-${name}-settings-api-keys`)).toEqual([]);
		await page.getByTestId("settings-tab-workspace").click();
		await page.getByTestId("workspace-name").waitFor({ timeout: 10_000 });
		expect(await seriousViolations(page, `a11y-${name}-settings-workspace`)).toEqual([]);
	});

	it("the account page, with an error showing", async () => {
		await page.goto(`${baseUrl()}/t/${tenant.slug}/account`);
		await page.getByTestId("password-current").fill("not-the-password");
		await page.getByTestId("password-next").fill("a-new-password");
		await page.getByTestId("password-again").fill("a-different-one");
		await page.getByTestId("password-save").click();
		await page.getByRole("alert").waitFor({ timeout: 10_000 });
		expect(await seriousViolations(page, `a11y-${name}-account`)).toEqual([]);
	});

	it("an invite's page, then the page of one already used", async () => {
		const invited = await api<{ url: string }>(tenant.token, `/api/t/${tenant.slug}/invites`, {
			email: `dave@${tenant.slug}.test`,
			role: "viewer",
		});
		const invitee = await (await browser.newContext(screen)).newPage();
		await invitee.goto(invited.url);
		await invitee.getByTestId("invite-name").waitFor({ timeout: 10_000 });
		expect(await seriousViolations(invitee, `a11y-${name}-invite`)).toEqual([]);
		await invitee.getByTestId("invite-name").fill("Dave");
		await invitee.getByTestId("invite-password").fill(PASSWORD);
		await invitee.getByTestId("invite-accept").click();
		await invitee.getByTestId("board-link").first().waitFor({ timeout: 15_000 });
		await invitee.goto(invited.url);
		await invitee.getByRole("heading", { name: "This invite has been used" }).waitFor({ timeout: 10_000 });
		expect(await seriousViolations(invitee, `a11y-${name}-invite-used`)).toEqual([]);
		await invitee.context().close();
	});

	it("the operator console: its token prompt, then a tenant's detail", async () => {
		await page.keyboard.press("Escape");
		await page.goto(`${baseUrl()}/admin`);
		await page.getByTestId("admin-token").waitFor({ timeout: 10_000 });
		expect(await seriousViolations(page, `a11y-${name}-admin-token`)).toEqual([]);
		await page.getByTestId("admin-token").fill(inject("adminToken"));
		await page.getByTestId("admin-token-submit").click();
		await page.getByTestId("tenant-row").first().getByRole("button").click();
		await page.getByTestId("tenant-detail").getByTestId("usage-bar").first().waitFor({ timeout: 10_000 });
		expect(await seriousViolations(page, `a11y-${name}-admin-console`)).toEqual([]);
	});

	it("the operator console's operations view, with a rollout shown", async () => {
		await page.goto(`${baseUrl()}/admin/operations`);
		await page.getByRole("button", { name: "Start a rollout" }).click();
		await page.getByRole("progressbar", { name: "Rollout progress" }).waitFor({ timeout: 10_000 });
		await page.getByTestId("audit-entry").first().waitFor({ timeout: 10_000 });
		expect(await seriousViolations(page, `a11y-${name}-admin-operations`)).toEqual([]);
	});
});
