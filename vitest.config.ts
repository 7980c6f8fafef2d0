// Two test projects: "workers" runs inside workerd against real Durable Objects, SQLite and R2
// (the Workers Vitest integration); "e2e" drives Chromium against `wrangler dev`.
import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

export default defineConfig({
	test: {
		reporters: ["default", ["json", { outputFile: "test-report.json" }]],
		projects: [
			{
				plugins: [
					cloudflareTest({
						wrangler: { configPath: "./wrangler.jsonc" },
						miniflare: {
							bindings: {
								ADMIN_TOKEN: "test-admin-token",
								SESSION_SECRET: "test-session-secret",
								USAGE_STORE: "local",
							},
						},
					}),
				],
				test: {
					name: "workers",
					include: ["test/worker/**/*.test.ts", "test/objects/**/*.test.ts", "test/client/**/*.test.ts"],
					testTimeout: 20_000,
				},
			},
			{
				test: {
					name: "e2e",
					include: ["test/e2e/**/*.test.ts"],
					globalSetup: ["test/e2e/global-setup.ts"],
					testTimeout: 60_000,
					hookTimeout: 120_000,
					fileParallelism: false,
				},
			},
		],
	},
});
