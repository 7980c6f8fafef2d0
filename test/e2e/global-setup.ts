// Starts the real app under `wrangler dev` (fresh state in a temp folder) for the browser tests,
// after checking that a Chromium is there to drive.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { ensureDevVars, startWrangler, stopWrangler } from "../../scripts/local.mjs";

declare module "vitest" {
	export interface ProvidedContext {
		baseUrl: string;
		adminToken: string;
	}
}

export default async function setup(project: TestProject) {
	const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
	if (!existsSync(chromium)) {
		throw new Error(`No Chromium at ${chromium}. Install it (apt-get install chromium) or set CHROMIUM_PATH.`);
	}
	const vars = ensureDevVars();
	const state = mkdtempSync(join(tmpdir(), "boardroom-e2e-"));
	const { child, base } = await startWrangler({
		port: Number(process.env.E2E_PORT ?? 8798),
		persistTo: state,
		stdio: "pipe",
	});
	project.provide("baseUrl", base);
	project.provide("adminToken", vars.ADMIN_TOKEN ?? "");
	return () => {
		stopWrangler(child);
		rmSync(state, { recursive: true, force: true });
	};
}
