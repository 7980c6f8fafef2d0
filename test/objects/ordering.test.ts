import { describe, expect, it } from "vitest";
import { evenKeys, keyAfterLast, keyBetween } from "../../shared/ordering";

describe("ordering keys", () => {
	it("always finds a key strictly between two neighbours", () => {
		const keys = [keyBetween(null, null)];
		// Insert 500 times at random places; the list must stay strictly ordered.
		for (let i = 0; i < 500; i++) {
			const at = Math.floor(Math.random() * (keys.length + 1));
			const key = keyBetween(keys[at - 1] ?? null, keys[at] ?? null);
			keys.splice(at, 0, key);
		}
		const sorted = [...keys].sort();
		expect(keys).toEqual(sorted);
		expect(new Set(keys).size).toBe(keys.length);
	});

	it("keeps keys short when 10,000 cards are appended one after another", () => {
		const keys: string[] = [];
		for (let i = 0; i < 10_000; i++) keys.push(keyAfterLast(keys));
		expect([...keys].sort()).toEqual(keys);
		expect(Math.max(...keys.map((k) => k.length))).toBeLessThanOrEqual(5);
	});

	it("keeps keys short when cards are added at the top again and again", () => {
		const keys: string[] = [];
		for (let i = 0; i < 10_000; i++) keys.unshift(keyBetween(null, keys[0] ?? null));
		expect([...keys].sort()).toEqual(keys);
		expect(Math.max(...keys.map((k) => k.length))).toBeLessThanOrEqual(5);
	});

	it("renumbers a list with evenly spread keys in order", () => {
		const keys = evenKeys(3000);
		expect([...keys].sort()).toEqual(keys);
		expect(new Set(keys).size).toBe(3000);
		expect(Math.max(...keys.map((k) => k.length))).toBeLessThanOrEqual(4);
	});

	it("refuses neighbours given in the wrong order", () => {
		expect(() => keyBetween("a1", "a0")).toThrow();
	});
});
