// The API reference's field tables: a schema from the OpenAPI document as rows people read.
import { describe, expect, it } from "vitest";
import type { ApiDocument, JsonSchema } from "../../client/src/docs/api-document";
import { fieldRows } from "../../client/src/docs/schema-rows";

/** A document with two components: a card, and a tree that contains itself. */
const doc = {
	components: {
		schemas: {
			Card: {
				type: "object",
				properties: {
					id: { type: "string" },
					dueDate: { anyOf: [{ type: "string" }, { type: "null" }], description: "The day it is due." },
					labelIds: { type: "array", items: { type: "string" } },
				},
				required: ["id", "dueDate", "labelIds"],
			},
			Tree: {
				type: "object",
				properties: {
					name: { type: "string" },
					children: { type: "array", items: { $ref: "#/components/schemas/Tree" } },
				},
				required: ["name"],
			},
		},
	},
} as unknown as ApiDocument;

const board: JsonSchema = {
	type: "object",
	properties: {
		title: { type: "string", maxLength: 200 },
		kind: { type: "string", enum: ["team", "personal"] },
		cards: { type: "array", items: { $ref: "#/components/schemas/Card" } },
		count: { type: "integer", minimum: -9007199254740991, maximum: 9007199254740991 },
	},
	required: ["title", "cards"],
};

describe("field rows of the API reference", () => {
	it("indents the fields of objects in arrays under their field, with the component's name as type", () => {
		const rows = fieldRows(doc, board).map((r) => [r.name, r.depth, r.type]);
		expect(rows).toEqual([
			["title", 0, "string"],
			["kind", 0, "enum"],
			["cards", 0, "array of Card"],
			["cards.id", 1, "string"],
			["cards.dueDate", 1, "string"],
			["cards.labelIds", 1, "array of string"],
			["count", 0, "integer"],
		]);
	});

	it("marks optional and nullable fields, lists enums and says limits, but not the safe-integer range", () => {
		const rows = Object.fromEntries(fieldRows(doc, board).map((r) => [r.name, r]));
		expect(rows.kind).toMatchObject({ required: false, values: ["team", "personal"] });
		expect(rows.title).toMatchObject({ required: true, notes: ["at most 200 characters"] });
		expect(rows["cards.dueDate"]).toMatchObject({ nullable: true, required: true, description: "The day it is due." });
		expect(rows.count?.notes).toEqual([]);
	});

	it("stops where a schema contains itself", () => {
		const rows = fieldRows(doc, { $ref: "#/components/schemas/Tree" }).map((r) => r.name);
		expect(rows).toEqual(["name", "children"]);
	});
});
