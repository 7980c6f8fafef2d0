// A JSON Schema as rows of a field table: one row per field, nested objects (and the objects in
// arrays) indented under their field, enums listed, optional and nullable marked. References to
// components are followed, with the component's name as the type, and never twice down one
// branch (a schema that contains itself stops there).
import { type ApiDocument, type JsonSchema, refName } from "./api-document";

export interface FieldRow {
	/** `lists`, then `lists[].title` one level deeper: the last part is what the row shows. */
	name: string;
	depth: number;
	type: string;
	required: boolean;
	nullable: boolean;
	description?: string;
	/** The allowed values of an enum or constant. */
	values?: string[];
	/** Limits and defaults, in words: "at most 200 characters", "default: day". */
	notes: string[];
}

/** How deep nested objects are unfolded; deeper ones show their type only. */
const MAX_DEPTH = 4;

/** The rows of an object schema's fields; none for a schema that is not an object. */
export function fieldRows(
	doc: ApiDocument,
	schema: JsonSchema,
	depth = 0,
	seen: string[] = [],
	prefix = "",
): FieldRow[] {
	const { schema: object, names } = resolve(doc, schema);
	if (!object.properties || depth > MAX_DEPTH) return [];
	const required = new Set(object.required ?? []);
	return Object.entries(object.properties).flatMap(([field, property]) => {
		const name = prefix ? `${prefix}.${field}` : field;
		const row = { ...describe(doc, property), name, depth, required: required.has(field) };
		// What unfolds under the field: its object, or the object its array holds.
		const inner = unwrap(doc, property);
		const next = inner.schema.items ? unwrap(doc, inner.schema.items) : inner;
		const trail = [...seen, ...names];
		const children = next.names.some((n) => trail.includes(n))
			? []
			: fieldRows(doc, next.schema, depth + 1, [...trail, ...next.names], name);
		return [row, ...children];
	});
}

/** A schema's type in a few words, and what else a reader needs to know of it. */
export function describe(doc: ApiDocument, schema: JsonSchema): Omit<FieldRow, "name" | "depth" | "required"> {
	const nullable = isNullable(schema);
	const { schema: inner, names } = unwrap(doc, schema);
	const values = inner.enum?.map(String) ?? (inner.const !== undefined ? [String(inner.const)] : undefined);
	return {
		type: typeLabel(doc, inner, names),
		nullable,
		description: schema.description ?? inner.description,
		values,
		notes: notesOf(inner),
	};
}

function typeLabel(doc: ApiDocument, schema: JsonSchema, names: string[]): string {
	if (names.length > 0) return names[names.length - 1] ?? "object";
	if (schema.items) {
		const item = unwrap(doc, schema.items);
		return `array of ${typeLabel(doc, item.schema, item.names)}`;
	}
	if (schema.enum || schema.const !== undefined) return "enum";
	const variants = schema.anyOf ?? schema.oneOf;
	if (variants) return variants.map((v) => typeLabel(doc, unwrap(doc, v).schema, unwrap(doc, v).names)).join(" or ");
	if (typeof schema.additionalProperties === "object") {
		const value = unwrap(doc, schema.additionalProperties);
		return `map of ${typeLabel(doc, value.schema, value.names)}`;
	}
	const type = Array.isArray(schema.type) ? schema.type.filter((t) => t !== "null").join(" or ") : schema.type;
	if (!type) return "any";
	return schema.format ? `${type} (${schema.format})` : type;
}

function notesOf(schema: JsonSchema): string[] {
	const notes: string[] = [];
	if (schema.minLength !== undefined && schema.minLength > 0)
		notes.push(`at least ${schema.minLength} character${schema.minLength === 1 ? "" : "s"}`);
	if (schema.maxLength !== undefined) notes.push(`at most ${schema.maxLength} characters`);
	// zod writes the safe-integer range on every integer: only a real bound is worth a word.
	if (schema.minimum !== undefined && schema.minimum > Number.MIN_SAFE_INTEGER) notes.push(`from ${schema.minimum}`);
	if (schema.maximum !== undefined && schema.maximum < Number.MAX_SAFE_INTEGER) notes.push(`up to ${schema.maximum}`);
	if (schema.default !== undefined) notes.push(`default: ${JSON.stringify(schema.default)}`);
	return notes;
}

/** Follows a reference, noting the component's name. */
function resolve(doc: ApiDocument, schema: JsonSchema): { schema: JsonSchema; names: string[] } {
	if (!schema.$ref) return { schema, names: [] };
	const name = refName(schema.$ref);
	const component = doc.components.schemas?.[name] ?? {};
	return { schema: { ...component, description: schema.description ?? component.description }, names: [name] };
}

/** The schema with its reference followed and a `null` alternative taken off. */
function unwrap(doc: ApiDocument, schema: JsonSchema): { schema: JsonSchema; names: string[] } {
	const variants = (schema.anyOf ?? schema.oneOf)?.filter((v) => v.type !== "null");
	if (variants?.length === 1 && variants[0]) return resolve(doc, variants[0]);
	return resolve(doc, schema);
}

function isNullable(schema: JsonSchema): boolean {
	if (Array.isArray(schema.type)) return schema.type.includes("null");
	return (schema.anyOf ?? schema.oneOf ?? []).some((v) => v.type === "null");
}
