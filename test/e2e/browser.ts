// Browser helpers for the end-to-end tests: Chromium through playwright-core, a fresh tenant per
// test file, signing in through the real UI, and screenshots kept as artifacts.
import { mkdirSync } from "node:fs";
import type { Browser, BrowserContextOptions, Locator, Page } from "playwright-core";
import { inject } from "vitest";
import { launchChromium } from "./chromium";

export const baseUrl = () => inject("baseUrl");
export const ARTIFACTS = "test/artifacts";
export const PASSWORD = "e2e-password-123";

/** The two screens every page must look right on. */
export const LAPTOP: BrowserContextOptions = { viewport: { width: 1440, height: 900 } };
export const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** The browser that global setup found (a system one, or the bundled build). */
export function launch(): Promise<Browser> {
	return launchChromium(inject("chromiumPath"));
}

async function admin(path: string, body: unknown): Promise<Response> {
	return fetch(`${baseUrl()}${path}`, {
		method: "POST",
		headers: { authorization: `Bearer ${inject("adminToken")}`, "content-type": "application/json" },
		body: JSON.stringify(body),
	});
}

/** A new tenant with alice (owner), bob (member) and vera (viewer), and one board made over the API. */
export async function makeTenant(prefix: string) {
	const slug = `${prefix}-${Date.now().toString(36)}`;
	const res = await admin("/api/admin/tenants", { slug, name: `E2E ${prefix}`, plan: "team" });
	if (res.status !== 201) throw new Error(`tenant: ${res.status} ${await res.text()}`);
	for (const [name, role] of [
		["alice", "owner"],
		["bob", "member"],
		["vera", "viewer"],
	]) {
		await admin(`/api/admin/tenants/${slug}/members`, {
			email: `${name}@${slug}.test`,
			name,
			password: PASSWORD,
			role,
		});
	}
	const session = await fetch(`${baseUrl()}/api/t/${slug}/session`, {
		method: "POST",
		headers: { "content-type": "application/json" },
		body: JSON.stringify({ email: `alice@${slug}.test`, password: PASSWORD }),
	});
	const { token } = (await session.json()) as { token: string };
	const board = (await (
		await fetch(`${baseUrl()}/api/t/${slug}/boards`, {
			method: "POST",
			headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
			body: JSON.stringify({ title: "Sprint 42" }),
		})
	).json()) as { id: string };
	return { slug, boardId: board.id, token };
}

/** Signs in through the sign-in form, in a new browser context, and waits for the boards list. */
export async function signIn(
	browser: Browser,
	slug: string,
	who: string,
	options: BrowserContextOptions = { viewport: { width: 1280, height: 800 } },
): Promise<Page> {
	const context = await browser.newContext(options);
	const page = await context.newPage();
	await page.goto(`${baseUrl()}/t/${slug}`);
	await page.getByTestId("signin-email").fill(`${who}@${slug}.test`);
	await page.getByTestId("signin-password").fill(PASSWORD);
	await page.getByTestId("signin-submit").click();
	await page.getByTestId("board-link").first().waitFor({ timeout: 15_000 });
	return page;
}

/** Signs in through the sign-in form and opens the board. */
export async function openBoard(
	browser: Browser,
	slug: string,
	boardId: string,
	who: string,
	options?: BrowserContextOptions,
): Promise<Page> {
	const page = await signIn(browser, slug, who, options);
	await page.goto(`${baseUrl()}/t/${slug}/b/${boardId}`);
	await expectLive(page);
	return page;
}

/** Calls the tenant API with a bearer token, for setting up what a test needs. */
export async function api<T>(token: string, path: string, body?: unknown): Promise<T> {
	const res = await fetch(`${baseUrl()}${path}`, {
		method: body === undefined ? "GET" : "POST",
		headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
	return (await res.json()) as T;
}

/** Adds a card over the API to the board's list with that title. */
export async function addCard(token: string, slug: string, boardId: string, listTitle: string, title: string) {
	const board = await api<{ lists: { id: string; title: string }[] }>(token, `/api/t/${slug}/boards/${boardId}`);
	const list = board.lists.find((l) => l.title === listTitle);
	if (!list) throw new Error(`no list ${listTitle}`);
	return api<{ id: string }>(token, `/api/t/${slug}/boards/${boardId}/cards`, { listId: list.id, title });
}

/** List titles left to right, as the page shows them. */
export function listOrder(page: Page): Promise<string[]> {
	return page.$$eval("[data-testid=list]", (lists) => lists.map((l) => l.getAttribute("data-list-title") ?? ""));
}

/**
 * True when the page itself cannot scroll sideways (its own scroll boxes may). Measured against
 * the screen's width too: a phone widens its layout viewport (innerWidth) to fit content that
 * overflows, which would let the plain comparison pass on the very page that is too wide.
 */
export function fitsWidth(page: Page): Promise<boolean> {
	const screen = page.viewportSize()?.width ?? Number.POSITIVE_INFINITY;
	return page.evaluate((width) => document.documentElement.scrollWidth <= Math.min(window.innerWidth, width), screen);
}

/** True when every item of the open menu is the element actually under its own centre (nothing clips it). */
export function everyMenuItemShows(page: Page): Promise<boolean> {
	return page.getByRole("menu").evaluate((menu) =>
		[...menu.querySelectorAll("[role=menuitem]")].every((item) => {
			const rect = item.getBoundingClientRect();
			const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
			return hit !== null && item.contains(hit);
		}),
	);
}

export async function expectLive(page: Page): Promise<void> {
	await page.getByTestId("connection-state").filter({ hasText: "Live" }).waitFor({ timeout: 15_000 });
}

/** Card titles per list, as the page shows them. */
export async function boardText(page: Page): Promise<Record<string, string[]>> {
	return page.$$eval("[data-testid=list]", (lists) =>
		Object.fromEntries(
			lists.map((list) => [
				list.getAttribute("data-list-title") ?? "",
				[...list.querySelectorAll("[data-testid=card]")].map((c) => c.getAttribute("data-card-title") ?? ""),
			]),
		),
	);
}

export async function screenshot(page: Page, name: string): Promise<void> {
	mkdirSync(ARTIFACTS, { recursive: true });
	await page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: true });
}

/**
 * Drags with the browser's own HTML5 drag events and a real DataTransfer. (Playwright's
 * mouse-driven drag is unreliable for native drag and drop in headless Chromium.)
 */
export async function dragAndDrop(page: Page, source: Locator, target: Locator): Promise<void> {
	const dataTransfer = await page.evaluateHandle(() => new DataTransfer());
	const box = await target.boundingBox();
	const at = { clientX: (box?.x ?? 0) + 10, clientY: (box?.y ?? 0) + (box?.height ?? 0) - 5 };
	await source.dispatchEvent("dragstart", { dataTransfer });
	await target.dispatchEvent("dragenter", { dataTransfer, ...at });
	await target.dispatchEvent("dragover", { dataTransfer, ...at });
	await target.dispatchEvent("drop", { dataTransfer, ...at });
	await source.dispatchEvent("dragend", { dataTransfer });
}
