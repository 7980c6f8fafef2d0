// A tiny router: the location's pathname (and query) is the state, history.pushState changes it.
import { useEffect, useState } from "react";

const NAVIGATE = "boardroom:navigate";

/** Goes to a client route (a path, perhaps with a query) without reloading the page. */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
	if (path === location.pathname + location.search) return;
	if (options.replace) history.replaceState(null, "", path);
	else history.pushState(null, "", path);
	window.dispatchEvent(new Event(NAVIGATE));
	window.scrollTo(0, 0);
}

/** The current pathname, re-rendering on back/forward and on navigate(). */
export function usePathname(): string {
	return useLocationPart(readPathname);
}

/** The current query string's parameters, re-rendering as they change. */
export function useSearchParam(name: string): string | null {
	return new URLSearchParams(useLocationPart(readSearch)).get(name);
}

const readPathname = () => location.pathname;
const readSearch = () => location.search;

function useLocationPart(read: () => string): string {
	const [value, setValue] = useState(read);
	useEffect(() => {
		const update = () => setValue(read());
		window.addEventListener("popstate", update);
		window.addEventListener(NAVIGATE, update);
		return () => {
			window.removeEventListener("popstate", update);
			window.removeEventListener(NAVIGATE, update);
		};
	}, [read]);
	return value;
}

/** The parts of a workspace's settings, each its own address. */
export const SETTINGS_SECTIONS = ["members", "api-keys", "workspace"] as const;
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];

export type Route =
	| { name: "landing" }
	| { name: "tenant"; slug: string }
	| { name: "board"; slug: string; boardId: string }
	| { name: "billing"; slug: string }
	| { name: "search"; slug: string }
	| { name: "settings"; slug: string; section: SettingsSection }
	| { name: "account"; slug: string }
	| { name: "invite"; slug: string; token: string }
	| { name: "admin" }
	| { name: "admin-billing" }
	| { name: "admin-operations" }
	| { name: "docs" }
	| { name: "not-found" };

/** Maps a pathname to a route. Segments are URL-decoded once, here. */
export function matchRoute(pathname: string): Route {
	const parts = pathname.split("/").filter(Boolean).map(safeDecode);
	const [first, slug, third, boardId, ...rest] = parts;
	if (parts.length === 0) return { name: "landing" };
	if (first === "admin" && parts.length === 1) return { name: "admin" };
	if (first === "docs" && parts.length === 1) return { name: "docs" };
	if (first === "admin" && parts[1] === "billing" && parts.length === 2) return { name: "admin-billing" };
	if (first === "admin" && parts[1] === "operations" && parts.length === 2) return { name: "admin-operations" };
	if (first === "t" && slug && parts.length === 2) return { name: "tenant", slug };
	if (first === "t" && slug && third === "b" && boardId && rest.length === 0) return { name: "board", slug, boardId };
	if (first === "t" && slug && third === "billing" && parts.length === 3) return { name: "billing", slug };
	if (first === "t" && slug && third === "search" && parts.length === 3) return { name: "search", slug };
	if (first === "t" && slug && third === "account" && parts.length === 3) return { name: "account", slug };
	if (first === "t" && slug && third === "invite" && boardId && rest.length === 0)
		return { name: "invite", slug, token: boardId };
	if (first === "t" && slug && third === "settings" && rest.length === 0) {
		const section = SETTINGS_SECTIONS.find((s) => s === (boardId ?? "members"));
		if (section) return { name: "settings", slug, section };
	}
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

/** A workspace's settings (owners and admins): members and invites, API keys, or the workspace itself. */
export function settingsHref(slug: string, section: SettingsSection = "members"): string {
	return section === "members" ? `${tenantHref(slug)}/settings` : `${tenantHref(slug)}/settings/${section}`;
}

/** The signed-in member's own account page. */
export function accountHref(slug: string): string {
	return `${tenantHref(slug)}/account`;
}

/** A board's page. */
export function boardHref(slug: string, boardId: string): string {
	return `${tenantHref(slug)}/b/${encodeURIComponent(boardId)}`;
}

/** Search results for a query in a workspace. */
export function searchHref(slug: string, query: string): string {
	return `${tenantHref(slug)}/search?${new URLSearchParams({ q: query })}`;
}

/** A board's page with one card open. */
export function cardHref(slug: string, boardId: string, cardId: string): string {
	return `${boardHref(slug, boardId)}?${new URLSearchParams({ card: cardId })}`;
}

/** A workspace's address as people read it, e.g. "boardroom.example.com/t/acme". */
export function workspaceAddress(slug: string): string {
	return `${location.host}${tenantHref(slug)}`;
}
