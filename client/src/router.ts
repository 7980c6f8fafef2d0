// A tiny router: the location's pathname is the state, history.pushState changes it.
import { useEffect, useState } from "react";

const NAVIGATE = "boardroom:navigate";

/** Goes to a client route without reloading the page. */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
	if (path === location.pathname) return;
	if (options.replace) history.replaceState(null, "", path);
	else history.pushState(null, "", path);
	window.dispatchEvent(new Event(NAVIGATE));
	window.scrollTo(0, 0);
}

/** The current pathname, re-rendering on back/forward and on navigate(). */
export function usePathname(): string {
	const [pathname, setPathname] = useState(location.pathname);
	useEffect(() => {
		const update = () => setPathname(location.pathname);
		window.addEventListener("popstate", update);
		window.addEventListener(NAVIGATE, update);
		return () => {
			window.removeEventListener("popstate", update);
			window.removeEventListener(NAVIGATE, update);
		};
	}, []);
	return pathname;
}

export type Route =
	| { name: "landing" }
	| { name: "tenant"; slug: string }
	| { name: "board"; slug: string; boardId: string }
	| { name: "billing"; slug: string }
	| { name: "admin" }
	| { name: "admin-billing" }
	| { name: "admin-operations" }
	| { name: "not-found" };

/** Maps a pathname to a route. Segments are URL-decoded once, here. */
export function matchRoute(pathname: string): Route {
	const parts = pathname.split("/").filter(Boolean).map(safeDecode);
	const [first, slug, third, boardId, ...rest] = parts;
	if (parts.length === 0) return { name: "landing" };
	if (first === "admin" && parts.length === 1) return { name: "admin" };
	if (first === "admin" && parts[1] === "billing" && parts.length === 2) return { name: "admin-billing" };
	if (first === "admin" && parts[1] === "operations" && parts.length === 2) return { name: "admin-operations" };
	if (first === "t" && slug && parts.length === 2) return { name: "tenant", slug };
	if (first === "t" && slug && third === "b" && boardId && rest.length === 0) return { name: "board", slug, boardId };
	if (first === "t" && slug && third === "billing" && parts.length === 3) return { name: "billing", slug };
	return { name: "not-found" };
}

function safeDecode(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}

/** A workspace's home page (sign-in, then its boards). */
export function tenantHref(slug: string): string {
	return `/t/${encodeURIComponent(slug)}`;
}

/** A board's page. */
export function boardHref(slug: string, boardId: string): string {
	return `${tenantHref(slug)}/b/${encodeURIComponent(boardId)}`;
}

/** A workspace's address as people read it, e.g. "boardroom.example.com/t/acme". */
export function workspaceAddress(slug: string): string {
	return `${location.host}${tenantHref(slug)}`;
}
