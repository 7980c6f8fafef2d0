import { afterEach, describe, expect, it, vi } from "vitest";
import { addMember, admin, call, createTenant, uniqueSlug } from "../helpers/api";

const WRONG = { error: { code: "unauthenticated", message: "Wrong email or password." } };

async function signInTo(slug: string, email: string, password = "correct horse battery") {
	const res = await call(`/api/t/${slug}/session`, { method: "POST", json: { email, password } });
	return { status: res.status, body: await res.json(), cookie: res.headers.get("set-cookie") };
}

/** How many PBKDF2 derivations (of how many iterations) a sign-in ran, counted in the runtime. */
async function pbkdf2Runs(work: () => Promise<unknown>): Promise<(number | undefined)[]> {
	const spy = vi.spyOn(crypto.subtle, "deriveBits");
	await work();
	const runs = spy.mock.calls.map(([params]) => (params as { iterations?: number }).iterations);
	spy.mockRestore();
	return runs;
}

afterEach(() => vi.restoreAllMocks());

describe("sign-in does not tell whether a tenant exists", () => {
	it("an unknown tenant answers exactly like a wrong password", async () => {
		const tenant = await createTenant();
		await addMember(tenant.slug, `amy@${tenant.slug}.test`, "member");
		const wrong = await signInTo(tenant.slug, `amy@${tenant.slug}.test`, "wrong password");
		const unknown = await signInTo(uniqueSlug("ghost"), "amy@example.test");
		expect(wrong).toEqual({ status: 401, body: WRONG, cookie: null });
		expect(unknown).toEqual(wrong);
	});

	it("a suspended tenant answers a stranger like a wrong password, and tells only a member that it is suspended", async () => {
		const tenant = await createTenant();
		await addMember(tenant.slug, `amy@${tenant.slug}.test`, "member");
		await admin(`/api/admin/tenants/${tenant.slug}`, { method: "PATCH", json: { status: "suspended" } });
		const stranger = await signInTo(tenant.slug, `amy@${tenant.slug}.test`, "wrong password");
		expect(stranger).toEqual({ status: 401, body: WRONG, cookie: null });
		expect(await signInTo(tenant.slug, `nobody@${tenant.slug}.test`)).toEqual(stranger);
		const member = await signInTo(tenant.slug, `amy@${tenant.slug}.test`);
		expect(member).toMatchObject({ status: 403, body: { error: { code: "tenant_suspended" } }, cookie: null });
	});

	it("unknown and suspended tenants spend the same PBKDF2 work as a wrong password", async () => {
		const tenant = await createTenant();
		await addMember(tenant.slug, `amy@${tenant.slug}.test`, "member");
		const suspended = await createTenant();
		await addMember(suspended.slug, `amy@${suspended.slug}.test`, "member");
		await admin(`/api/admin/tenants/${suspended.slug}`, { method: "PATCH", json: { status: "suspended" } });
		const wrong = await pbkdf2Runs(() => signInTo(tenant.slug, `amy@${tenant.slug}.test`, "wrong password"));
		expect(wrong).toEqual([100_000]);
		expect(await pbkdf2Runs(() => signInTo(uniqueSlug("ghost"), "amy@example.test"))).toEqual(wrong);
		expect(await pbkdf2Runs(() => signInTo(suspended.slug, `amy@${suspended.slug}.test`, "wrong"))).toEqual(wrong);
		expect(await pbkdf2Runs(() => signInTo(suspended.slug, `amy@${suspended.slug}.test`))).toEqual(wrong);
	});

	it("guessing at an unknown tenant is throttled like guessing at a real one", async () => {
		const slug = uniqueSlug("ghost");
		for (let i = 0; i < 5; i++) expect((await signInTo(slug, "amy@example.test", "guess")).status).toBe(401);
		const limited = await call(`/api/t/${slug}/session`, {
			method: "POST",
			json: { email: "amy@example.test", password: "guess" },
		});
		expect(limited.status).toBe(429);
		expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
	});
});
