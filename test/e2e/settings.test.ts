// Self-service in real browsers: alice (an owner) invites carol, who joins from her own browser
// and lands on the boards; alice makes her an admin and renames the workspace; carol changes her
// password, which signs her out elsewhere; an API key is shown once, works, and is revoked.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { baseUrl, fitsWidth, LAPTOP, launch, makeTenant, PHONE, screenshot, signIn } from "./browser";

const CAROL_PASSWORD = "carol-chose-this";
const CAROL_NEW_PASSWORD = "carol-changed-it";

/** Opens the account menu and follows one of its links. */
async function openFromMenu(page: Page, testId: "settings-link" | "account-link"): Promise<void> {
	await page.getByTestId("user-menu").click();
	await page.getByTestId(testId).click();
}

/** Signs in through the form, in a fresh context, and waits for the boards. */
async function signInAs(browser: Browser, slug: string, email: string, password: string): Promise<Page> {
	const page = await (await browser.newContext(LAPTOP)).newPage();
	await page.goto(`${baseUrl()}/t/${slug}`);
	await page.getByTestId("signin-email").fill(email);
	await page.getByTestId("signin-password").fill(password);
	await page.getByTestId("signin-submit").click();
	await page.getByTestId("board-link").first().waitFor({ timeout: 15_000 });
	return page;
}

function bearer(slug: string, key: string): Promise<Response> {
	return fetch(`${baseUrl()}/api/t/${slug}/boards`, { headers: { authorization: `Bearer ${key}` } });
}

describe("a workspace's self-service in a real browser", () => {
	let browser: Browser;
	let slug: string;
	let alice: Page;
	let carol: Page;
	let inviteUrl: string;

	beforeAll(async () => {
		browser = await launch();
		({ slug } = await makeTenant("settings"));
		alice = await signIn(browser, slug, "alice", LAPTOP);
	});

	afterAll(async () => {
		await browser?.close();
	});

	it("alice invites carol from the workspace settings and gets a link to send", async () => {
		await openFromMenu(alice, "settings-link");
		await alice.getByRole("heading", { name: "Workspace settings" }).waitFor({ timeout: 10_000 });
		await alice.getByTestId("invite-email").fill(`carol@${slug}.test`);
		await alice.getByTestId("invite-role").selectOption("member");
		await alice.getByTestId("invite-submit").click();
		const link = alice.getByTestId("invite-link");
		await link.waitFor({ timeout: 10_000 });
		inviteUrl = await link.inputValue();
		expect(inviteUrl).toContain(`/t/${slug}/invite/`);
		// The link field has focus, so it can be copied at once.
		expect(await link.evaluate((el) => el === document.activeElement)).toBe(true);
		await alice
			.getByTestId("pending-invite")
			.filter({ hasText: `carol@${slug}.test` })
			.waitFor({ timeout: 10_000 });
		await screenshot(alice, "settings-laptop-invite");
	});

	it("carol opens the link in her own browser, chooses a name and password, and lands on the boards", async () => {
		carol = await (await browser.newContext(LAPTOP)).newPage();
		await carol.goto(inviteUrl);
		await carol.getByRole("heading", { name: "Join E2E settings" }).waitFor({ timeout: 10_000 });
		expect(await carol.getByTestId("invite-summary").innerText()).toMatch(/alice invited you to join as a member/);
		await screenshot(carol, "settings-laptop-invite-page");
		await carol.getByTestId("invite-name").fill("Carol Danvers");
		await carol.getByTestId("invite-password").fill(CAROL_PASSWORD);
		await carol.getByTestId("invite-accept").click();
		await carol.getByTestId("board-link").first().waitFor({ timeout: 15_000 });
		expect(new URL(carol.url()).pathname).toBe(`/t/${slug}`);
		// Carol is a member: no settings in her menu.
		await carol.getByTestId("user-menu").click();
		await carol.getByTestId("account-link").waitFor({ timeout: 5000 });
		expect(await carol.getByTestId("settings-link").count()).toBe(0);
		await carol.keyboard.press("Escape");
	});

	it("the same link does not work a second time", async () => {
		const stranger = await (await browser.newContext(LAPTOP)).newPage();
		await stranger.goto(inviteUrl);
		await stranger.getByRole("heading", { name: "This invite has been used" }).waitFor({ timeout: 10_000 });
		await stranger.context().close();
	});

	it("alice makes carol an admin; carol's menu offers the settings", async () => {
		await alice.reload();
		const row = alice.getByTestId("member-row").filter({ hasText: `carol@${slug}.test` });
		await row.waitFor({ timeout: 10_000 });
		expect(await row.innerText()).toContain("Carol Danvers");
		await alice.getByRole("combobox", { name: "Role of Carol Danvers" }).selectOption("admin");
		await alice.getByText("Carol Danvers is now an admin.").waitFor({ timeout: 10_000 });
		// Accepted, the invite is no longer pending.
		await alice.getByText("No pending invites").waitFor({ timeout: 10_000 });
		await carol.reload();
		await carol.getByTestId("user-menu").click();
		await carol.getByTestId("settings-link").waitFor({ timeout: 10_000 });
		await carol.keyboard.press("Escape");
	});

	it("alice cannot demote herself, the last owner", async () => {
		await alice.getByRole("combobox", { name: "Role of alice" }).selectOption("member");
		await alice.getByRole("alert").filter({ hasText: "last owner" }).waitFor({ timeout: 10_000 });
		await expect.poll(() => alice.getByRole("combobox", { name: "Role of alice" }).inputValue()).toBe("owner");
	});

	it("alice renames the workspace: her top bar, carol's and the operator's console show the new name", async () => {
		await alice.getByTestId("settings-tab-workspace").click();
		await alice.getByTestId("workspace-name").fill("Stark Industries");
		await alice.getByTestId("workspace-save").click();
		await expect.poll(() => alice.locator(".topbar-tenant").innerText(), { timeout: 10_000 }).toBe("Stark Industries");
		await carol.reload();
		await expect.poll(() => carol.locator(".topbar-tenant").innerText(), { timeout: 10_000 }).toBe("Stark Industries");
		const listing = await fetch(`${baseUrl()}/api/admin/tenants?limit=200`, {
			headers: { authorization: `Bearer ${inject("adminToken")}` },
		});
		const { tenants } = (await listing.json()) as { tenants: { slug: string; name: string }[] };
		expect(tenants.find((t) => t.slug === slug)?.name).toBe("Stark Industries");
	});

	it("carol changes her password: her other session ends, this one stays, the new password works", async () => {
		const elsewhere = await signInAs(browser, slug, `carol@${slug}.test`, CAROL_PASSWORD);
		await openFromMenu(carol, "account-link");
		await carol.getByRole("heading", { name: "Your account" }).waitFor({ timeout: 10_000 });
		await carol.getByTestId("password-current").fill("not her password");
		await carol.getByTestId("password-next").fill(CAROL_NEW_PASSWORD);
		await carol.getByTestId("password-again").fill(CAROL_NEW_PASSWORD);
		await carol.getByTestId("password-save").click();
		await carol.getByRole("alert").filter({ hasText: "not your current password" }).waitFor({ timeout: 10_000 });
		await carol.getByTestId("password-current").fill(CAROL_PASSWORD);
		await carol.getByTestId("password-save").click();
		await carol.getByText("Your password was changed.").waitFor({ timeout: 10_000 });
		expect(await carol.getByTestId("password-current").inputValue()).toBe("");

		await elsewhere.reload();
		await elsewhere.getByTestId("signin-email").waitFor({ timeout: 10_000 });
		await carol.reload();
		await carol.getByRole("heading", { name: "Your account" }).waitFor({ timeout: 10_000 });
		await (await signInAs(browser, slug, `carol@${slug}.test`, CAROL_NEW_PASSWORD)).context().close();
		await elsewhere.context().close();
	});

	it("carol changes her name; alice's members list shows it", async () => {
		await carol.getByTestId("profile-name").fill("Carol D.");
		await carol.getByTestId("profile-save").click();
		await carol.getByText("Your name was saved.").waitFor({ timeout: 10_000 });
		await carol.getByTestId("user-menu").click();
		await carol.getByRole("menu").getByText("Carol D.").waitFor({ timeout: 5000 });
		await carol.keyboard.press("Escape");
		await alice.getByTestId("settings-tab-members").click();
		await alice.getByTestId("member-row").filter({ hasText: "Carol D." }).waitFor({ timeout: 10_000 });
	});

	it("an API key is shown once, works, and answers 401 once revoked", async () => {
		await alice.getByTestId("settings-tab-api-keys").click();
		await alice.getByTestId("api-key-name").fill("Deploy script");
		await alice.getByTestId("api-key-create").click();
		const secret = alice.getByTestId("api-key-value");
		await secret.waitFor({ timeout: 10_000 });
		const key = await secret.inputValue();
		expect(key).toMatch(/^brk_/);
		await screenshot(alice, "settings-laptop-api-key");
		expect((await bearer(slug, key)).status).toBe(200);

		await alice.getByTestId("api-key-done").click();
		const row = alice.getByTestId("api-key-row").filter({ hasText: "Deploy script" });
		await row.waitFor({ timeout: 10_000 });
		await alice.reload();
		await row.waitFor({ timeout: 10_000 });
		expect(await alice.content()).not.toContain(key);
		expect(await row.innerText()).toMatch(/last used/);

		await row.getByTestId("revoke-api-key").click();
		await row.getByTestId("revoke-api-key-confirm").click();
		await alice.getByText("“Deploy script” was revoked.").waitFor({ timeout: 10_000 });
		await expect.poll(() => alice.getByTestId("api-key-row").count(), { timeout: 10_000 }).toBe(0);
		expect((await bearer(slug, key)).status).toBe(401);
	});

	it("alice removes carol: carol's next step shows the sign-in form", async () => {
		await alice.getByTestId("settings-tab-members").click();
		const row = alice.getByTestId("member-row").filter({ hasText: `carol@${slug}.test` });
		await row.getByTestId("remove-member").click();
		await row.getByTestId("remove-member-confirm").click();
		await alice.getByText("Carol D. was removed.").waitFor({ timeout: 10_000 });
		await carol.reload();
		await carol.getByTestId("signin-email").waitFor({ timeout: 10_000 });
	});

	it("the settings and account pages fit a phone", async () => {
		const phone = await signIn(browser, slug, "alice", PHONE);
		for (const [path, name] of [
			["settings", "members"],
			["settings/api-keys", "api-keys"],
			["settings/workspace", "workspace"],
			["account", "account"],
		]) {
			await phone.goto(`${baseUrl()}/t/${slug}/${path}`);
			await phone.getByRole("heading", { level: 1 }).waitFor({ timeout: 10_000 });
			await phone.locator(".settings-panel").first().waitFor({ timeout: 10_000 });
			expect(await fitsWidth(phone), `${path} fits the phone`).toBe(true);
			await screenshot(phone, `settings-phone-${name}`);
		}
		await phone.context().close();
	});
});
