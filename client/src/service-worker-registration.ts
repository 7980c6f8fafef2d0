// Registers /sw.js (client/sw/service-worker.ts), which keeps the app shell for offline reloads.
// Only in a production build: the Vite dev server has no sw.js and serves modules, not hashed files.

export function registerServiceWorker(): void {
	if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return;
	// After load, so installing it (which downloads the shell again) never competes with the first paint.
	window.addEventListener("load", () => {
		navigator.serviceWorker.register("/sw.js").catch(() => {
			// No service worker (private mode, an old browser): the app works online as before.
		});
	});
}
