// Vite builds the client into client/dist, which wrangler serves as static assets (SPA fallback).
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
	root: import.meta.dirname,
	plugins: [react()],
	build: { outDir: "dist", emptyOutDir: true },
	// In development the API and WebSocket live on `wrangler dev`; proxy them so the app stays same-origin.
	server: { proxy: { "/api": { target: "http://localhost:8787", ws: true } } },
});
