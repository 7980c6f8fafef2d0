// Avatars show initials taken from the person's name, and from nothing else.
import { describe, expect, it } from "vitest";
import { initials } from "../../client/src/format";

describe("initials", () => {
	it("takes one letter from a one-word name", () => {
		expect(initials("Bob")).toBe("B");
	});

	it("takes the first and last words' letters from a longer name", () => {
		expect(initials("Ada King Lovelace")).toBe("AL");
		expect(initials("vera viewer")).toBe("VV");
	});

	it("uses the part before the @ of an email address", () => {
		expect(initials("bob@acme.test")).toBe("B");
		expect(initials("mary.jones@acme.test")).toBe("MJ");
	});

	it("keeps letters whole that take two UTF-16 units", () => {
		expect(initials("𝒜da Lovelace")).toBe("𝒜L");
		expect(initials("émile zola")).toBe("ÉZ");
	});

	it("shows a question mark for an empty name", () => {
		expect(initials("  ")).toBe("?");
	});
});
