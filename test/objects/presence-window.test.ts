// How long presence changes gather before a board hears of them: short in a small room, longer in
// a crowd (where every announcement is a frame to every member), never past a second.
import { describe, expect, it } from "vitest";
import { coalesceMs } from "../../objects/domain/presence";

describe("the presence window", () => {
	it("is 100 ms for a small room and grows by 100 ms for every hundred listeners, up to a second", () => {
		expect([0, 1, 100].map(coalesceMs)).toEqual([100, 100, 100]);
		expect([101, 200, 201, 500].map(coalesceMs)).toEqual([200, 200, 300, 500]);
		expect([1000, 5000].map(coalesceMs)).toEqual([1000, 1000]);
	});
});
