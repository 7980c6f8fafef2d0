// The board page's bundle budget: the JavaScript a browser must fetch before it can draw a board
// (the entry chunk and the chunks index.html preloads with it) stays under 100 kB gzipped. Other
// pages (the operator console, the billing dashboards and their chart library, the landing page)
// load on demand and do not count. Reads the build that `npm test` makes before the browser tests.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";

const DIST = "client/dist";
/** In kB as Vite prints them (1 kB = 1000 bytes). */
const BUDGET_KB = 100;

/** The scripts index.html loads at once: its module entry and every modulepreload. */
function initialScripts(): string[] {
	const html = readFileSync(join(DIST, "index.html"), "utf8");
	const entry = [...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g)].map((m) => m[1] ?? "");
	const preloads = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1] ?? "");
	return [...entry, ...preloads];
}

describe("the board page's bundle", () => {
	it("fetches under 100 kB of gzipped JavaScript before the first board is drawn", () => {
		const scripts = initialScripts();
		expect(scripts.length).toBeGreaterThan(0);
		const sizes = scripts.map((src) => gzipSync(readFileSync(join(DIST, src))).length / 1000);
		const total = sizes.reduce((sum, kb) => sum + kb, 0);
		console.log(`Board page initial JS: ${total.toFixed(2)} kB gzip (${scripts.join(", ")})`);
		expect(total).toBeLessThan(BUDGET_KB);
	});

	it("leaves the operator console, the billing dashboards and the chart library out of it", () => {
		const initial = initialScripts().join(" ");
		for (const lazy of ["Admin", "AdminBilling", "Billing", "uPlot"])
			expect(initial).not.toMatch(new RegExp(`/${lazy}[-.]`));
	});
});
