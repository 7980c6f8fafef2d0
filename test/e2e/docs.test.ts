// The API reference at /docs: the OpenAPI document rendered as people read it, reached from the
// landing page, on a laptop and on a phone.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, fitsWidth, LAPTOP, launch, PHONE } from "./browser";

/** The operation's article, found by its heading: method and path. */
function operation(page: Page, method: string, path: string) {
	return page.getByRole("article", { name: `${method} ${path}`, exact: true });
}

describe("the API reference", () => {
	let browser: Browser;

	beforeAll(async () => {
		browser = await launch();
	});

	afterAll(async () => {
		await browser?.close();
	});

	it("is linked from the landing page and shows operations grouped by area", async () => {
		const page = await (await browser.newContext(LAPTOP)).newPage();
		await page.goto(`${baseUrl()}/`);
		await page.getByRole("link", { name: "API reference" }).click();
		await page.getByRole("heading", { level: 1, name: "Boardroom API" }).waitFor({ timeout: 15_000 });
		expect(new URL(page.url()).pathname).toBe("/docs");
		for (const area of ["Boards", "Attachments", "Billing", "Operator: tenants", "Operator: fleet"])
			await expect(page.getByRole("heading", { level: 2, name: area }).isVisible()).resolves.toBe(true);
	});

	it("tells of a board's read: who may call it, its parameters and its answer's fields", async () => {
		const page = await (await browser.newContext(LAPTOP)).newPage();
		await page.goto(`${baseUrl()}/docs`);
		const board = operation(page, "GET", "/api/t/{slug}/boards/{boardId}");
		await board.waitFor({ timeout: 15_000 });
		await expect(board.getByText("Any member of the workspace, viewers included.").isVisible()).resolves.toBe(true);
		const parameters = board.getByRole("table", { name: "Parameters" });
		await expect(parameters.getByRole("rowheader").allInnerTexts()).resolves.toEqual(
			expect.arrayContaining([expect.stringContaining("slug"), expect.stringContaining("boardId")]),
		);
		const answer = board.getByRole("table", { name: "200 body (application/json)" });
		const due = answer.getByRole("row").filter({ has: page.getByText("dueDate", { exact: true }) });
		await expect(due.innerText()).resolves.toContain("or null");
		await expect(board.getByRole("listitem").filter({ hasText: "404" }).innerText()).resolves.toContain("not_found");
	});

	it("lists a write's request body with its limits and enums, and the operator's routes", async () => {
		const page = await (await browser.newContext(LAPTOP)).newPage();
		await page.goto(`${baseUrl()}/docs`);
		const create = operation(page, "POST", "/api/admin/tenants");
		await create.waitFor({ timeout: 15_000 });
		const body = create.getByRole("table", { name: "Request body (application/json)" });
		const plan = body.getByRole("row").filter({ has: page.getByText("plan", { exact: true }) });
		await expect(plan.innerText()).resolves.toMatch(/free.*team.*business/s);
		await expect(create.getByText("The operator, with the admin token.").isVisible()).resolves.toBe(true);
		await expect(operation(page, "PUT", "/api/t/{slug}/uploads/{uploadId}/parts/{partNumber}").count()).resolves.toBe(
			1,
		);
		await expect(operation(page, "GET", "/api/t/{slug}/ws").getByText("101").first().isVisible()).resolves.toBe(true);
	});

	it("reads on a phone without scrolling sideways", async () => {
		const page = await (await browser.newContext(PHONE)).newPage();
		await page.goto(`${baseUrl()}/docs`);
		await operation(page, "PATCH", "/api/t/{slug}/cards/{cardId}").waitFor({ timeout: 15_000 });
		expect(await fitsWidth(page)).toBe(true);
	});
});
