import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { call, tenantWithBoard } from "../helpers/api";
import { ticketFor, upgradeWithTicket } from "../helpers/credentials";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** The same token with the unused low bits of its last base64url character set differently. */
function flipUnusedBits(token: string): string {
	const last = token.at(-1) ?? "";
	// An HS256 signature is 32 bytes: 43 characters whose last one carries 4 bits and 2 unused ones.
	const flipped = ALPHABET[ALPHABET.indexOf(last) ^ 0b01] ?? "";
	return token.slice(0, -1) + flipped;
}

async function boardsWith(slug: string, token: string): Promise<number> {
	return (await call(`/api/t/${slug}/boards`, { token })).status;
}

describe("session tokens cannot be respelled or forged", () => {
	it("a token works exactly as it was issued", async () => {
		const { slug, token } = await tenantWithBoard();
		expect(token.split(".")).toHaveLength(3);
		expect(await boardsWith(slug, token)).toBe(200);
	});

	it("a token with .junk appended is refused", async () => {
		const { slug, token } = await tenantWithBoard();
		expect(await boardsWith(slug, `${token}.junk`)).toBe(401);
	});

	it("a token with = padding appended is refused", async () => {
		const { slug, token } = await tenantWithBoard();
		expect(await boardsWith(slug, `${token}=`)).toBe(401);
	});

	it("a token whose last character's unused bits are flipped is refused", async () => {
		const { slug, token } = await tenantWithBoard();
		const respelled = flipUnusedBits(token);
		expect(respelled).not.toBe(token);
		expect(await boardsWith(slug, respelled)).toBe(401);
	});

	it("a token signed with another secret, or with no signature at all, is refused", async () => {
		const { slug, token } = await tenantWithBoard();
		const claims = JSON.parse(atob((token.split(".")[1] ?? "").replace(/-/g, "+").replace(/_/g, "/")));
		const forged = await new SignJWT(claims)
			.setProtectedHeader({ alg: "HS256" })
			.sign(new TextEncoder().encode("not-the-secret"));
		expect(await boardsWith(slug, forged)).toBe(401);
		const unsigned = `${btoa(JSON.stringify({ alg: "none" })).replace(/=+$/, "")}.${token.split(".")[1]}.`;
		expect(await boardsWith(slug, unsigned)).toBe(401);
	});

	it("a ticket respelled in any of those ways opens nothing", async () => {
		const { slug, token, board } = await tenantWithBoard();
		const ticket = await ticketFor(slug, board.id, token);
		for (const respelled of [`${ticket}.junk`, `${ticket}=`, flipUnusedBits(ticket)])
			expect((await upgradeWithTicket(slug, board.id, respelled)).status).toBe(401);
	});
});
