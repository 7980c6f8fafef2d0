// Which Chromium the browser tests drive: a system one where there is one, else the build that
// ships inside the @sparticuz/chromium package, so `npm ci && npm test` needs no browser install.
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

const SYSTEM_BROWSERS = ["/usr/bin/chromium", "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"];

/**
 * The browser's executable: `CHROMIUM_PATH`, then a system browser, then the bundled build.
 * `BOARDROOM_BUNDLED_CHROMIUM=1` skips straight to the bundled build (CI does, to prove it works).
 */
export async function findChromium(): Promise<string> {
	if (process.env.BOARDROOM_BUNDLED_CHROMIUM === "1") return bundledChromium();
	const chosen = process.env.CHROMIUM_PATH;
	if (chosen) {
		if (!existsSync(chosen)) throw new Error(`CHROMIUM_PATH is ${chosen}, but there is no file there.`);
		return chosen;
	}
	return SYSTEM_BROWSERS.find((path) => existsSync(path)) ?? bundledChromium();
}

/**
 * Starts the browser with our flags, whichever it is. We do not add the bundled package's own
 * list: it is tuned for AWS Lambda (`--single-process`, `--disable-web-security`, …) and would let
 * a test pass where a real browser refuses, a cross-origin request for one.
 */
export function launchChromium(executablePath: string): Promise<Browser> {
	return chromium.launch({
		executablePath,
		args: [
			"--headless",
			"--no-sandbox",
			"--disable-gpu",
			"--disable-background-networking",
			"--disable-quic",
			"--no-first-run",
		],
	});
}

async function bundledChromium(): Promise<string> {
	if (process.platform !== "linux" || process.arch !== "x64") {
		throw new Error("No Chromium found, and the bundled one is for Linux x64 only: set CHROMIUM_PATH.");
	}
	// Imported only when needed: the package looks at its environment as it loads.
	const { default: bundled } = await import("@sparticuz/chromium");
	// The first call decompresses the browser into the temp folder (about 200 MB, a second or
	// two); later calls, in this run or the next, find it there and return at once.
	return bundled.executablePath();
}
