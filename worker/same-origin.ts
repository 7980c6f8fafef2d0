// Cross-site request forgery defence for cookie-authenticated writes. A browser attaches the
// session cookie to requests that other sites start (SameSite=Lax still lets top-level POST
// navigations through on some browsers, and sibling subdomains count as the same site), so a
// write that rides on the cookie must prove it came from our own pages. Bearer tokens are not
// sent automatically by browsers, so requests that carry one need no such proof.
import { HttpError } from "./http";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Throws 403 origin_not_allowed unless a state-changing request comes from this origin: its
 * `Origin` equals the request's own, or, when a browser sent no Origin, `Sec-Fetch-Site` is
 * `same-origin`. A request with neither header is refused: every browser that could be tricked
 * into sending the cookie sends at least one of them.
 */
export function requireSameOrigin(request: Request): void {
	if (SAFE_METHODS.has(request.method.toUpperCase())) return;
	const origin = request.headers.get("origin");
	const sameOrigin =
		origin !== null
			? origin === new URL(request.url).origin
			: request.headers.get("sec-fetch-site")?.toLowerCase() === "same-origin";
	if (!sameOrigin)
		throw new HttpError(
			"origin_not_allowed",
			"This request did not come from Boardroom's own pages. Reload and try again.",
		);
}
