// Usage and billing in real browsers: what alice does on a board is what her usage page, its CSV
// and the operator's billing view count; bob (a member) is kept out; invoices add up.
import { readFileSync } from "node:fs";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { baseUrl, launch, makeTenant, PASSWORD, screenshot } from "./browser";

const LAPTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const CARDS = ["Draft the pricing page", "Review the invoice emails", "Call the accountant"];
const COMMENTS = ["Numbers look right to me", "Sent to finance"];
/** One committed change per card and comment, plus the board makeTenant created. */
const CHANGES = 1 + CARDS.length + COMMENTS.length;

/** A fresh browser context. The locale is set because uPlot reads navigator.language, which a
 * C/POSIX environment reports as "en-US@posix", a tag Intl refuses. */
function newContext(browser: Browser, viewport: { width: number; height: number }): Promise<BrowserContext> {
	return browser.newContext({ viewport, locale: "en-US", acceptDownloads: true });
}

async function signIn(context: BrowserContext, slug: string, who: string): Promise<Page> {
	const page = await context.newPage();
	await page.goto(`${baseUrl()}/t/${slug}`);
	await page.getByTestId("signin-email").fill(`${who}@${slug}.test`);
	await page.getByTestId("signin-password").fill(PASSWORD);
	await page.getByTestId("signin-submit").click();
	await page.getByTestId("board-link").first().waitFor({ timeout: 15_000 });
	return page;
}

async function openOperatorBilling(context: BrowserContext): Promise<Page> {
	const page = await context.newPage();
	await page.goto(`${baseUrl()}/admin/billing`);
	await page.getByTestId("admin-token").fill(inject("adminToken"));
	await page.getByTestId("admin-token-submit").click();
	await page.getByTestId("tenant-economics").waitFor({ timeout: 30_000 });
	return page;
}

/** "$1,234.56" or "-$5.00" as integer cents. */
function cents(text: string): number {
	const match = /(-?)\$([\d,]+)\.(\d\d)/.exec(text);
	if (!match) throw new Error(`not an amount: ${text}`);
	return (match[1] ? -1 : 1) * (Number((match[2] ?? "").replaceAll(",", "")) * 100 + Number(match[3]));
}

/** The sum of an invoice table's line amounts, and the total it shows. */
async function invoiceSums(table: Locator): Promise<{ lines: number; total: number }> {
	// The invoices arrive in their own request, possibly after the usage the caller waited for.
	await table.getByTestId("invoice-line-amount").first().waitFor({ timeout: 10_000 });
	const amounts = await table.getByTestId("invoice-line-amount").allTextContents();
	expect(amounts.length).toBeGreaterThan(0);
	return {
		lines: amounts.map(cents).reduce((sum, c) => sum + c, 0),
		total: cents(await table.getByTestId("invoice-total").innerText()),
	};
}

async function usedOf(scope: Page | Locator, line: string): Promise<number> {
	const used = await scope.getByTestId(`allowance-${line}`).getAttribute("data-used");
	return Number(used);
}

/** The page fits its width: nothing makes the phone scroll sideways. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(overflow).toBeLessThanOrEqual(0);
}

describe("usage and billing in a real browser", () => {
	let browser: Browser;
	let slug: string;
	let boardId: string;

	beforeAll(async () => {
		browser = await launch();
		({ slug, boardId } = await makeTenant("billing"));
	});

	afterAll(async () => {
		await browser?.close();
	});

	it("alice's cards and comments show up as committed changes on her usage page", async () => {
		const page = await signIn(await newContext(browser, LAPTOP), slug, "alice");
		await page.goto(`${baseUrl()}/t/${slug}/b/${boardId}`);
		await page.getByTestId("connection-state").filter({ hasText: "Live" }).waitFor({ timeout: 15_000 });
		const input = page.locator("[data-testid=list][data-list-title='To do'] [data-testid=add-card-input]");
		for (const title of CARDS) {
			await input.fill(title);
			await input.press("Enter");
			// Confirmed by the server, not only drawn optimistically.
			await page
				.locator(`[data-testid=card][data-card-title='${title}']:not(.card-pending)`)
				.waitFor({ timeout: 10_000 });
		}
		await page.locator(`[data-testid=card][data-card-title='${CARDS[0]}'] .card-open`).click();
		const dialog = page.getByTestId("card-dialog");
		for (const body of COMMENTS) {
			await dialog.getByTestId("comment-input").fill(body);
			await dialog.getByTestId("comment-submit").click();
			await dialog.locator(".comment:not(.comment-pending)").filter({ hasText: body }).waitFor({ timeout: 10_000 });
		}
		await page.keyboard.press("Escape");

		await page.getByTestId("user-menu").click();
		await page.getByTestId("billing-link").click();
		await page.getByRole("heading", { level: 1, name: "Usage & billing" }).waitFor({ timeout: 15_000 });
		await page.getByTestId("allowance-operations").waitFor({ timeout: 15_000 });
		expect(await usedOf(page, "operations")).toBe(CHANGES);
		await expect
			.poll(() => page.getByTestId("usage-chart").filter({ hasText: "Committed changes" }).count(), { timeout: 10_000 })
			.toBe(1);
		await page.locator(".chart-plot canvas").first().waitFor({ timeout: 10_000 });
		await page.getByTestId("invoice-total").first().waitFor({ timeout: 15_000 });
		await screenshot(page, "billing-tenant-laptop");
	});

	it("the invoice preview's lines add up to its total, and so does the projection", async () => {
		const page = await signIn(await newContext(browser, LAPTOP), slug, "alice");
		await page.goto(`${baseUrl()}/t/${slug}/billing`);
		const tables = page.getByTestId("invoice-table");
		await tables.first().waitFor({ timeout: 15_000 });
		const preview = await invoiceSums(tables.nth(0));
		expect(preview.lines).toBe(preview.total);
		expect(cents(await page.getByTestId("bill-so-far").innerText())).toBe(preview.total);
		await page.getByText("Projected invoice for the whole month").click();
		const projected = await invoiceSums(tables.nth(1));
		expect(projected.lines).toBe(projected.total);
		expect(cents(await page.getByTestId("bill-projected").innerText())).toBe(projected.total);
	});

	it("downloads the usage CSV, which counts the same changes, and the invoices CSV", async () => {
		const page = await signIn(await newContext(browser, LAPTOP), slug, "alice");
		await page.goto(`${baseUrl()}/t/${slug}/billing`);
		const usageLink = page.getByRole("link", { name: "Download usage (CSV)" });
		await usageLink.waitFor({ timeout: 15_000 });
		const [usage] = await Promise.all([page.waitForEvent("download"), usageLink.click()]);
		expect(usage.suggestedFilename()).toMatch(/^billing-.*-usage-\d{4}-\d{2}-01\.csv$/);
		const rows = readFileSync(await usage.path(), "utf8")
			.trim()
			.split(/\r?\n/);
		expect(rows[0]).toBe("bucket,meter,quantity");
		const operations = rows
			.slice(1)
			.map((row) => row.split(","))
			.filter(([, meter]) => meter === "operations")
			.reduce((sum, [, , quantity]) => sum + Number(quantity), 0);
		expect(operations).toBe(CHANGES);

		const [invoices] = await Promise.all([
			page.waitForEvent("download"),
			page.getByRole("link", { name: "Download invoices (CSV)" }).click(),
		]);
		const invoiceCsv = readFileSync(await invoices.path(), "utf8");
		expect(invoiceCsv.split(/\r?\n/)[0]).toBe(
			"period,status,kind,description,plan,quantity,included,overage,amount_cents",
		);
		expect(invoiceCsv).toContain(",open,usage,Committed changes,team,");
	});

	it("changes period and granularity, and explains a custom range that runs backwards", async () => {
		const page = await signIn(await newContext(browser, LAPTOP), slug, "alice");
		await page.goto(`${baseUrl()}/t/${slug}/billing`);
		await page.getByTestId("usage-chart").first().waitFor({ timeout: 15_000 });
		await page.getByTestId("period-preset").selectOption("last-7-days");
		await page.getByTestId("period-granularity").selectOption("hour");
		// Hourly buckets are named with their UTC hour.
		await page.locator(".chart-summary").filter({ hasText: "UTC" }).first().waitFor({ timeout: 15_000 });
		expect(await usedOf(page, "operations")).toBe(CHANGES);

		await page.getByTestId("period-preset").selectOption("custom");
		const today = new Date().toISOString().slice(0, 10);
		const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
		await page.getByLabel("From").fill(today);
		await page.getByLabel("Through").fill(yesterday);
		await page.getByRole("alert").filter({ hasText: "The end date comes before the start date." }).waitFor();
		await page.getByLabel("From").fill(yesterday);
		await page.getByLabel("Through").fill(today);
		await expect.poll(() => page.getByRole("alert").count(), { timeout: 10_000 }).toBe(0);
		await page.getByTestId("usage-chart").filter({ hasText: "Committed changes" }).waitFor({ timeout: 15_000 });
	});

	it("fits a phone", async () => {
		const page = await signIn(await newContext(browser, PHONE), slug, "alice");
		await page.goto(`${baseUrl()}/t/${slug}/billing`);
		await page.getByTestId("invoice-total").first().waitFor({ timeout: 15_000 });
		await page.locator(".chart-plot canvas").first().waitFor({ timeout: 10_000 });
		expect(await usedOf(page, "operations")).toBe(CHANGES);
		await expectNoSidewaysScroll(page);
		await screenshot(page, "billing-tenant-phone");
	});

	it("bob, a member, is not offered the page, and is told why if he opens it", async () => {
		const page = await signIn(await newContext(browser, LAPTOP), slug, "bob");
		await page.getByTestId("user-menu").click();
		await page.getByTestId("sign-out").waitFor();
		expect(await page.getByTestId("billing-link").count()).toBe(0);
		await page.goto(`${baseUrl()}/t/${slug}/billing`);
		await page.getByTestId("billing-forbidden").waitFor({ timeout: 15_000 });
		expect(await page.getByTestId("allowances").count()).toBe(0);
		const status = await page.evaluate(
			(url) => fetch(url, { credentials: "same-origin" }).then((r) => r.status),
			`/api/t/${slug}/billing/usage`,
		);
		expect(status).toBe(403);
		await screenshot(page, "billing-member-refused");
	});

	it("the operator's billing view counts the same changes for alice's tenant", async () => {
		const page = await openOperatorBilling(await newContext(browser, LAPTOP));
		const row = page.locator(`[data-testid=economics-row][data-slug='${slug}']`);
		await row.waitFor({ timeout: 15_000 });
		expect(Number(await row.getByTestId("economics-operations").innerText())).toBe(CHANGES);
		await page.getByTestId("fleet-freshness").getByText("local stand-in").waitFor();

		// The ledger side of the reconciliation (Analytics Engine trails it, so only the ledger is exact).
		await page.getByLabel("Only pairs that differ").uncheck();
		const pair = page.locator(`[data-testid=reconciliation-row][data-slug='${slug}'][data-meter=operations]`);
		expect(Number(await pair.getByTestId("reconciliation-ledger").innerText())).toBe(CHANGES);
		await page.evaluate(() => window.scrollTo(0, 0));
		await screenshot(page, "billing-operator-laptop");

		await row.getByRole("button", { name: slug }).click();
		const detail = page.getByTestId("tenant-billing");
		await detail.getByTestId("allowance-operations").waitFor({ timeout: 15_000 });
		expect(await usedOf(detail, "operations")).toBe(CHANGES);
		const before = await invoiceSums(detail.getByTestId("invoice-table").first());
		expect(before.lines).toBe(before.total);
		await detail.locator(".chart-plot canvas").first().waitFor({ timeout: 10_000 });
		// Full-page shots draw the sticky top bar where the page is scrolled to: take them from the top.
		await page.evaluate(() => window.scrollTo(0, 0));
		await screenshot(page, "billing-operator-tenant");
	});

	it("an operator's credit lands on the open invoice as its own line, and the lines still add up", async () => {
		const page = await openOperatorBilling(await newContext(browser, LAPTOP));
		await page.locator(`[data-testid=economics-row][data-slug='${slug}']`).getByRole("button", { name: slug }).click();
		const detail = page.getByTestId("tenant-billing");
		await detail.getByTestId("invoice-table").first().waitFor({ timeout: 15_000 });
		await detail.getByLabel("Description").fill("Credit for the E2E outage");
		await detail.getByLabel("Kind").selectOption("credit");
		await detail.getByLabel("Amount (USD)").fill("5.00");
		await detail.getByRole("button", { name: "Add to invoice" }).click();
		const preview = detail.getByTestId("invoice-table").first();
		const line = preview.getByTestId("invoice-line").filter({ hasText: "Credit for the E2E outage" });
		await line.waitFor({ timeout: 15_000 });
		expect(cents(await line.getByTestId("invoice-line-amount").innerText())).toBe(-500);
		const after = await invoiceSums(preview);
		expect(after.lines).toBe(after.total);

		// Alice sees the same line on her own page.
		const alice = await signIn(await newContext(browser, LAPTOP), slug, "alice");
		await alice.goto(`${baseUrl()}/t/${slug}/billing`);
		await alice
			.getByTestId("invoice-table")
			.first()
			.getByTestId("invoice-line")
			.filter({ hasText: "Credit for the E2E outage" })
			.waitFor({ timeout: 15_000 });
	});

	it("the operator's billing view fits a phone", async () => {
		const page = await openOperatorBilling(await newContext(browser, PHONE));
		await page.locator(`[data-testid=economics-row][data-slug='${slug}']`).waitFor({ timeout: 15_000 });
		await page.locator(".chart-plot canvas").first().waitFor({ timeout: 10_000 });
		await expectNoSidewaysScroll(page);
		await screenshot(page, "billing-operator-phone");
	});
});
