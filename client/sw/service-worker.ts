// The service worker: keeps the app shell (index.html and the hashed assets of this build) so a
// reload without a network still opens Boardroom. The board itself comes from the page's own
// cache of the last confirmed state (offline-cache.ts); nothing under /api/ is ever cached here.
//
// Built by the plugin in client/vite.config.ts, which replaces the placeholder below with this
// build's file list, so each deploy gets a new worker and a new cache, and drops the old one.

// A module (see the export at the end), so this `self` shadows the global one with the right type.
declare const self: ServiceWorkerGlobalScope;

interface Manifest {
	version: string;
	assets: string[];
}

const MANIFEST: Manifest = JSON.parse("__BOARDROOM_PRECACHE__");
const PREFIX = "boardroom-shell-";
const CACHE = `${PREFIX}${MANIFEST.version}`;
/** Every page of the app is index.html (the SPA fallback); "/" is its address without a redirect. */
const SHELL = "/";

self.addEventListener("install", (event) => {
	event.waitUntil(
		caches
			.open(CACHE)
			.then((cache) => cache.addAll([SHELL, ...MANIFEST.assets.map((asset) => `/${asset}`)]))
			.then(() => self.skipWaiting()),
	);
});

self.addEventListener("activate", (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((names) =>
				Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n))),
			)
			.then(() => self.clients.claim()),
	);
});

self.addEventListener("fetch", (event) => {
	const { request } = event;
	const url = new URL(request.url);
	// The API (and the WebSocket under it) always goes to the network, untouched.
	if (request.method !== "GET" || url.origin !== self.location.origin || url.pathname.startsWith("/api/")) return;
	if (request.mode === "navigate") event.respondWith(networkFirst(request));
	else if (url.pathname.startsWith("/assets/")) event.respondWith(cacheFirst(request));
});

/** Pages: the network's answer when there is one, so a deploy shows at once; the cached shell when not. */
async function networkFirst(request: Request): Promise<Response> {
	try {
		return await fetch(request);
	} catch (error) {
		const shell = await caches.match(SHELL, { cacheName: CACHE });
		if (shell) return shell;
		throw error;
	}
}

/** Hashed assets never change under their name, so a cached copy is always right. */
async function cacheFirst(request: Request): Promise<Response> {
	return (await caches.match(request, { cacheName: CACHE })) ?? fetch(request);
}

export {};
