import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { baseUrl, launch, screenshot } from "./browser";

describe("the operator's console in a real browser", () => {
	let browser: Browser;
	let page: Page;
	const slug = `console-${Date.now().toString(36)}`;

	beforeAll(async () => {
		browser = await launch();
		page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
		await page.goto(`${baseUrl()}/admin`);
	});

	afterAll(async () => {
		await browser?.close();
	});

	it("refuses a wrong admin token with a message, keeping what was typed", async () => {
		await page.getByTestId("admin-token").fill("not-the-admin-token");
		await page.getByTestId("admin-token-submit").click();
		const error = page.getByTestId("admin-token-error");
		await error.waitFor({ timeout: 10_000 });
		expect(await error.innerText()).toMatch(/not accepted/);
		expect(await page.getByTestId("admin-token").inputValue()).toBe("not-the-admin-token");
		expect(await page.getByTestId("admin-token").getAttribute("aria-invalid")).toBe("true");
	});

	it("accepts the right token", async () => {
		await page.getByTestId("admin-token").fill(inject("adminToken"));
		await page.getByTestId("admin-token-submit").click();
		await page.locator("#tenant-slug").waitFor({ timeout: 15_000 });
	});

	it("creates a tenant, which appears in the list", async () => {
		await page.locator("#tenant-slug").fill(slug);
		await page.locator("#tenant-name").fill("Console Co");
		await page.getByRole("button", { name: "Create tenant" }).click();
		await page.getByTestId("tenant-row").filter({ hasText: slug }).waitFor({ timeout: 10_000 });
	});

	it("refuses a bad slug with a message the operator can act on", async () => {
		await page.locator("#tenant-slug").fill("Not A Slug");
		await page.getByRole("button", { name: "Create tenant" }).click();
		await page.getByRole("alert").filter({ hasText: /slug/i }).waitFor({ timeout: 10_000 });
	});

	it("adds a member who can then sign in", async () => {
		await page.getByTestId("tenant-row").filter({ hasText: slug }).click();
		const detail = page.getByTestId("tenant-detail");
		await detail.waitFor({ timeout: 10_000 });
		await detail.locator("#member-email").fill(`owner@${slug}.test`);
		await detail.locator("#member-password").fill("console-password");
		await detail.locator("#member-role").selectOption("owner");
		await detail.getByRole("button", { name: "Add member" }).click();
		await expect
			.poll(
				async () => {
					const res = await fetch(`${baseUrl()}/api/t/${slug}/session`, {
						method: "POST",
						headers: { "content-type": "application/json" },
						body: JSON.stringify({ email: `owner@${slug}.test`, password: "console-password" }),
					});
					return res.status;
				},
				{ timeout: 10_000 },
			)
			.toBe(200);
		await expect.poll(() => detail.getByTestId("usage-bar").count(), { timeout: 10_000 }).toBeGreaterThan(0);
		expect(await detail.innerText()).not.toMatch(/schema/i);
		await screenshot(page, "admin-tenant-detail");
	});

	it("suspends the tenant so its members are refused, and resumes it", async () => {
		const detail = page.getByTestId("tenant-detail");
		await detail.getByRole("button", { name: "Suspend" }).click();
		await detail.getByRole("button", { name: "Resume" }).waitFor({ timeout: 10_000 });
		const signIn = () =>
			fetch(`${baseUrl()}/api/t/${slug}/session`, {
				method: "POST",
				headers: { "content-type": "application/json" },
				body: JSON.stringify({ email: `owner@${slug}.test`, password: "console-password" }),
			}).then((r) => r.status);
		expect(await signIn()).toBe(403);
		await detail.getByRole("button", { name: "Resume" }).click();
		await detail.getByRole("button", { name: "Suspend" }).waitFor({ timeout: 10_000 });
		expect(await signIn()).toBe(200);
	});

	it("deletes the tenant after confirmation: closed at once, purged by the fleet queue", async () => {
		page.once("dialog", (dialog) => void dialog.accept());
		await page.getByTestId("tenant-detail").getByRole("button", { name: "Delete" }).click();
		// The list shows it as being deleted (or, if the purge was quick, no more).
		await expect
			.poll(async () => (await page.getByTestId("tenant-row").filter({ hasText: slug }).allInnerTexts()).join(), {
				timeout: 10_000,
			})
			.toMatch(/^$|deleting/i);
		const status = async () =>
			(
				await fetch(`${baseUrl()}/api/admin/tenants/${slug}`, {
					headers: { authorization: `Bearer ${inject("adminToken")}` },
				})
			).status;
		await expect.poll(status, { timeout: 30_000 }).toBe(404);
	});
});
