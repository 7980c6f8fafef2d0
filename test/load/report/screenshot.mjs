// Takes a picture of a written report for the README: `node test/load/report/screenshot.mjs
// [load-report/index.html] [docs/load-report.png]`. Uses the same Chromium as the browser tests.
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { findChromium, launchChromium } from "../../e2e/chromium.ts";

const [page = "load-report/index.html", out = "docs/load-report.png", height = "2200"] = process.argv.slice(2);
const browser = await launchChromium(await findChromium());
try {
	const tab = await browser.newPage({ viewport: { width: 1280, height: Number(height) }, locale: "en-US" });
	await tab.goto(pathToFileURL(resolve(page)).href);
	await tab.waitForSelector(".uplot");
	await tab.screenshot({ path: out, fullPage: false });
	console.log(`wrote ${out}`);
} finally {
	await browser.close();
}
