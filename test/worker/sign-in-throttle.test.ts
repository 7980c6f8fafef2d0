import { describe, expect, it } from "vitest";
import { addMember, createTenant } from "../helpers/api";
import { PASSWORD, signInFrom } from "../helpers/credentials";
import { tenantSql } from "../helpers/storage";

const STRANGER = "198.51.100.66";
const OWNER = "203.0.113.10";

async function ownerTenant() {
	const tenant = await createTenant();
	const email = `owner@${tenant.slug}.test`;
	await addMember(tenant.slug, email, "owner");
	const guess = (address = STRANGER) => signInFrom(tenant.slug, email, address, "wrong guess");
	return { slug: tenant.slug, email, guess };
}

/** Lets the current wait run out, as if its time had passed. */
async function endTheWait(slug: string): Promise<void> {
	await tenantSql(slug, "UPDATE sign_in_failures SET blocked_until = 0 WHERE @tenant");
}

describe("sign-in throttling", () => {
	it("the owner, from another address, still signs in while a stranger is throttled", async () => {
		const { slug, email, guess } = await ownerTenant();
		for (let i = 0; i < 5; i++) expect((await guess()).status).toBe(401);
		expect((await guess()).status).toBe(429);
		const owner = await signInFrom(slug, email, OWNER);
		expect(owner.status).toBe(200);
		// And the stranger is still waiting.
		expect((await guess()).status).toBe(429);
	});

	it("another address's wrong guesses are counted apart from the stranger's", async () => {
		const { guess } = await ownerTenant();
		for (let i = 0; i < 5; i++) await guess();
		expect((await guess()).status).toBe(429);
		expect((await guess(OWNER)).status).toBe(401);
	});

	it("IPv6 addresses of one /64 count as one client", async () => {
		const { guess } = await ownerTenant();
		for (let i = 0; i < 5; i++) expect((await guess(`2001:db8:0:7::${i + 1}`)).status).toBe(401);
		expect((await guess("2001:0db8:0000:0007:ffff::9")).status).toBe(429);
		expect((await guess("2001:db8:0:8::1")).status).toBe(401);
	});

	it("each failure after the wait doubles it: 30 s, then 60 s, then 120 s", async () => {
		const { slug, guess } = await ownerTenant();
		for (let i = 0; i < 5; i++) await guess();
		const waits = [Number((await guess()).headers.get("retry-after"))];
		for (let round = 0; round < 2; round++) {
			await endTheWait(slug);
			expect((await guess()).status).toBe(401);
			waits.push(Number((await guess()).headers.get("retry-after")));
		}
		expect(waits[0]).toBeGreaterThan(25);
		expect(waits[0]).toBeLessThanOrEqual(30);
		expect(waits[1]).toBeGreaterThan(55);
		expect(waits[1]).toBeLessThanOrEqual(60);
		expect(waits[2]).toBeGreaterThan(115);
		expect(waits[2]).toBeLessThanOrEqual(120);
	});

	it("the wait never grows past fifteen minutes", async () => {
		const { slug, guess } = await ownerTenant();
		await guess();
		await tenantSql(slug, "UPDATE sign_in_failures SET failures = 40, blocked_until = 0 WHERE @tenant");
		expect((await guess()).status).toBe(401);
		expect(Number((await guess()).headers.get("retry-after"))).toBe(15 * 60);
	});

	it("a successful sign-in starts the count again", async () => {
		const { slug, email, guess } = await ownerTenant();
		for (let i = 0; i < 4; i++) await guess();
		expect((await signInFrom(slug, email, STRANGER, PASSWORD)).status).toBe(200);
		for (let i = 0; i < 4; i++) expect((await guess()).status).toBe(401);
	});

	it("an email nobody has is throttled the same way, so throttling does not reveal members", async () => {
		const { slug } = await ownerTenant();
		const guess = () => signInFrom(slug, `nobody@${slug}.test`, STRANGER, "wrong guess");
		for (let i = 0; i < 5; i++) expect((await guess()).status).toBe(401);
		expect((await guess()).status).toBe(429);
	});
});
