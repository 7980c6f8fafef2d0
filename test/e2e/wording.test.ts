// What people read: workspaces by their name and address, never the implementation's words
// ("tenant", "slug", "No such tenant.").
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, LAPTOP, launch, makeTenant, PASSWORD, signIn } from "./browser";

const JARGON = /tenant|slug|schema/i;

describe("the words a workspace's people read", () => {
	let browser: Browser;
	let page: Page;
	let slug: string;

	beforeAll(async () => {
		browser = await launch();
		({ slug } = await makeTenant("words"));
		page = await (await browser.newContext(LAPTOP)).newPage();
	});

	afterAll(async () => {
		await browser?.close();
	});

	const text = () => page.locator("body").innerText();

	it("explains a mistyped workspace address in the user's words", async () => {
		await page.goto(`${baseUrl()}/`);
		await page.getByLabel("Go to your workspace").fill("ab");
		await page.getByRole("button", { name: "Continue" }).click();
		await expect.poll(() => page.locator("#workspace-error").innerText()).toMatch(/workspace address/);
		expect(await text()).not.toMatch(JARGON);
	});

	it("asks a first-time visitor to sign in at the workspace's address, not its slug", async () => {
		await page.goto(`${baseUrl()}/t/${slug}`);
		const heading = page.getByRole("heading", { level: 1 });
		await heading.waitFor({ timeout: 10_000 });
		expect(await heading.innerText()).toBe("Sign in");
		expect(await page.getByTestId("signin-address").innerText()).toContain(`${new URL(baseUrl()).host}/t/${slug}`);
		expect(await text()).not.toMatch(JARGON);
	});

	it("greets a returning visitor with the workspace's name", async () => {
		await page.getByTestId("signin-email").fill(`alice@${slug}.test`);
		await page.getByTestId("signin-password").fill(PASSWORD);
		await page.getByTestId("signin-submit").click();
		await page.getByTestId("board-link").first().waitFor({ timeout: 15_000 });
		expect(await text()).not.toMatch(JARGON);
		await page.getByTestId("user-menu").click();
		await page.getByTestId("sign-out").click();
		await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe("Sign in to E2E words");
	});

	it("answers signing in to a workspace that does not exist like a wrong password, so no one learns which exist", async () => {
		const stranger = await (await browser.newContext(LAPTOP)).newPage();
		await stranger.goto(`${baseUrl()}/t/nobody-${slug}`);
		await stranger.getByTestId("signin-email").fill("someone@example.test");
		await stranger.getByTestId("signin-password").fill(PASSWORD);
		await stranger.getByTestId("signin-submit").click();
		const alert = stranger.getByRole("alert");
		await alert.waitFor({ timeout: 10_000 });
		expect(await alert.innerText()).toMatch(/email and password don't match/i);
		expect(await stranger.locator("body").innerText()).not.toMatch(JARGON);
	});

	it("says there is no such workspace for an address that cannot be one", async () => {
		const bob = await signIn(browser, slug, "bob", LAPTOP);
		await bob.goto(`${baseUrl()}/t/Not_A_Workspace`);
		await bob.getByRole("heading", { name: "No such workspace" }).waitFor({ timeout: 10_000 });
		expect(await bob.locator("body").innerText()).not.toMatch(JARGON);
	});
});
