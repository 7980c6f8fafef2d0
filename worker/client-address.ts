// Who is calling, as far as throttling goes: the address Cloudflare saw (CF-Connecting-IP, which
// it sets and a client cannot forge through Cloudflare), or "local" in development where there is none.

/**
 * The caller's address, with IPv6 cut to its /64: one home or server usually holds a whole /64,
 * so counting single IPv6 addresses would give a guesser billions of fresh starts.
 */
export function clientAddress(request: Request): string {
	const ip = request.headers.get("cf-connecting-ip")?.trim().toLowerCase();
	if (!ip) return "local";
	// IPv4, and IPv4 written inside IPv6 (::ffff:192.0.2.1), count address by address.
	const ipv6 = ip.includes(":") && !ip.includes(".");
	return ipv6 ? `${ipv6Groups(ip).slice(0, 4).join(":")}::/64` : ip;
}

/** The eight 16-bit groups of an IPv6 address, "::" expanded and leading zeros dropped. */
function ipv6Groups(ip: string): string[] {
	const [head = "", tail] = ip.split("::");
	const left = head ? head.split(":") : [];
	const right = tail ? tail.split(":") : [];
	const zeros = tail === undefined ? [] : Array(Math.max(0, 8 - left.length - right.length)).fill("0");
	return [...left, ...zeros, ...right].map((group) => group.replace(/^0+(?=.)/, ""));
}
