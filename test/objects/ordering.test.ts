import { describe, expect, it } from "vitest";
import { keyAfterLast, keyBetween } from "../../shared/ordering";

describe("fractional ordering keys", () => {
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

	it("keeps keys short when items are appended one after another", () => {
		const keys: string[] = [];
		for (let i = 0; i < 200; i++) keys.push(keyAfterLast(keys));
		expect(Math.max(...keys.map((k) => k.length))).toBeLessThan(50);
	});

	it("refuses neighbours given in the wrong order", () => {
		expect(() => keyBetween("b", "a")).toThrow();
	});
});
