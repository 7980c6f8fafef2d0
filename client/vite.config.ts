// Vite builds the client into client/dist, which wrangler serves as static assets (SPA fallback).
import { createHash } from "node:crypto";
import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

export default defineConfig({
	root: import.meta.dirname,
	plugins: [react(), serviceWorker()],
	build: { outDir: "dist", emptyOutDir: true },
	// In development the API and WebSocket live on `wrangler dev`; proxy them so the app stays same-origin.
	server: { proxy: { "/api": { target: "http://localhost:8787", ws: true } } },
});

/** The string literal in service-worker.ts, in whatever quotes the minifier chose. */
const PLACEHOLDER = /(["'`])__BOARDROOM_PRECACHE__\1/;

/**
 * Builds client/sw/service-worker.ts to /sw.js (a fixed name: a worker's address must not change)
 * and writes into it the list of this build's hashed assets and a version derived from them.
 */
function serviceWorker(): Plugin {
	return {
		name: "boardroom:service-worker",
		apply: "build",
		buildStart() {
			this.emitFile({ type: "chunk", id: resolve(import.meta.dirname, "sw/service-worker.ts"), fileName: "sw.js" });
		},
		generateBundle(_options, bundle) {
			const worker = bundle["sw.js"];
			if (worker?.type !== "chunk") throw new Error("sw.js was not built");
			const assets = Object.keys(bundle)
				.filter((name) => name.startsWith("assets/"))
				.sort();
			const version = createHash("sha256").update(assets.join("\n")).digest("hex").slice(0, 12);
			if (!PLACEHOLDER.test(worker.code)) throw new Error(`sw.js lost its precache placeholder:\n${worker.code}`);
			const manifest = JSON.stringify(JSON.stringify({ version, assets }));
			worker.code = worker.code.replace(PLACEHOLDER, () => manifest);
		},
	};
}
