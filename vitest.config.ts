// The test projects: "workers" runs inside workerd against real Durable Objects, SQLite and R2 (the
// Workers Vitest integration); "workers-d1" runs the same contract tests against the D1 design
// (`--env d1`) and a local D1 database with migrations/ applied; "e2e" and "e2e-d1" drive Chromium
// against `wrangler dev` of each design.
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

/** What every workerd project binds on top of wrangler.jsonc: secrets, and usage kept locally. */
const testBindings = {
	ADMIN_TOKEN: "test-admin-token",
	SESSION_SECRET: "test-session-secret",
	USAGE_STORE: "local",
	// A failing fleet job is retried at once, so its retries and dead-lettering fit in a test.
	FLEET_RETRY_SECONDS: "0",
};

/** The browser tests, against `wrangler dev` of one design ("e2e": Durable Objects, "e2e-d1": D1). */
function browserProject(name: string) {
	return {
		test: {
			name,
			include: ["test/e2e/**/*.test.ts"],
			globalSetup: ["test/e2e/global-setup.ts"],
			testTimeout: 60_000,
			hookTimeout: 120_000,
			fileParallelism: false,
		},
	};
}

export default defineConfig({
	test: {
		reporters: ["default", ["json", { outputFile: "test-report.json" }]],
		// Every request writes a JSON log line; show them only for tests that fail.
		silent: "passed-only",
		projects: [
			{
				plugins: [
					cloudflareTest({
						wrangler: { configPath: "./wrangler.jsonc" },
						miniflare: { bindings: testBindings },
					}),
				],
				test: {
					name: "workers",
					include: ["test/worker/**/*.test.ts", "test/objects/**/*.test.ts", "test/client/**/*.test.ts"],
					testTimeout: 20_000,
				},
			},
			{
				plugins: [
					// The migrations are read here, in Node, and handed to the tests as a binding;
					// test/d1/setup.ts applies them to the local database before each test file.
					cloudflareTest(async () => ({
						wrangler: { configPath: "./wrangler.jsonc", environment: "d1" },
						miniflare: {
							bindings: { ...testBindings, TEST_MIGRATIONS: await readD1Migrations("./migrations") },
						},
					})),
				],
				test: {
					name: "workers-d1",
					include: ["test/d1/**/*.test.ts", "test/worker/**/*.test.ts"],
					setupFiles: ["test/d1/setup.ts"],
					testTimeout: 20_000,
				},
			},
			browserProject("e2e"),
			browserProject("e2e-d1"),
		],
	},
});
