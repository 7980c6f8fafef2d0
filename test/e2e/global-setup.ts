// Starts the real app under `wrangler dev` (fresh state in a temp folder) for the browser tests,
// after finding the Chromium they drive and checking that it starts. The "e2e" project runs them
// against the Durable Object design, "e2e-d1" against the D1 design, on the next port.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { ensureDevVars, startWrangler, stopWrangler } from "../../scripts/local.mjs";
import { findChromium, launchChromium } from "./chromium";

declare module "vitest" {
	export interface ProvidedContext {
		baseUrl: string;
		adminToken: string;
		chromiumPath: string;
		variant: "do" | "d1";
	}
}

export default async function setup(project: TestProject) {
	const chromiumPath = await findChromium();
	await checkChromium(chromiumPath);
	const vars = ensureDevVars();
	const state = mkdtempSync(join(tmpdir(), "boardroom-e2e-"));
	const variant = project.name.endsWith("-d1") ? "d1" : "do";
	const { child, base } = await startWrangler({
		port: Number(process.env.E2E_PORT ?? 8798) + (variant === "d1" ? 1 : 0),
		persistTo: state,
		variant,
		stdio: "pipe",
	});
	project.provide("variant", variant);
	project.provide("chromiumPath", chromiumPath);
	project.provide("baseUrl", base);
	project.provide("adminToken", vars.ADMIN_TOKEN ?? "");
	return () => {
		stopWrangler(child);
		rmSync(state, { recursive: true, force: true });
	};
}

/** One launch before any test, so a broken browser is one clear error and the log says which ran. */
async function checkChromium(path: string): Promise<void> {
	const browser = await launchChromium(path).catch((cause: unknown) => {
		// The bundled browser is unpacked once and reused; a run killed while unpacking leaves a
		// truncated file behind, and deleting it makes the next run unpack it again.
		throw new Error(`Chromium at ${path} did not start (if it is a half-unpacked bundled one, delete it).`, {
			cause,
		});
	});
	console.log(`Browser tests drive Chromium ${browser.version()} at ${path}`);
	await browser.close();
}
