// The parts of an OpenAPI 3.1 document that the docs page reads (the one /api/openapi.json serves,
// built in worker/openapi/), and the small look-ups it needs: operations by tag, references resolved.

export interface JsonSchema {
	$ref?: string;
	type?: string | string[];
	format?: string;
	description?: string;
	properties?: Record<string, JsonSchema>;
	required?: string[];
	items?: JsonSchema;
	additionalProperties?: JsonSchema | boolean;
	propertyNames?: JsonSchema;
	anyOf?: JsonSchema[];
	oneOf?: JsonSchema[];
	enum?: unknown[];
	const?: unknown;
	default?: unknown;
	minLength?: number;
	maxLength?: number;
	minimum?: number;
	maximum?: number;
	pattern?: string;
}

export interface Parameter {
	$ref?: string;
	name: string;
	in: "path" | "query" | "header" | "cookie";
	required?: boolean;
	description?: string;
	schema?: JsonSchema;
}

export type Content = Record<string, { schema?: JsonSchema }>;

export interface ApiResponse {
	description: string;
	content?: Content;
	headers?: Record<string, unknown>;
	"x-error-codes"?: string[];
}

export interface Operation {
	summary: string;
	description?: string;
	operationId: string;
	tags: string[];
	security?: Record<string, string[]>[];
	"x-access"?: string;
	parameters?: Parameter[];
	requestBody?: { required?: boolean; content: Content };
	responses: Record<string, ApiResponse>;
}

export interface ApiDocument {
	openapi: string;
	info: { title: string; version: string; summary?: string; description?: string };
	tags: { name: string; description?: string }[];
	paths: Record<string, Record<string, Operation>>;
	components: {
		schemas?: Record<string, JsonSchema>;
		parameters?: Record<string, Parameter>;
		headers?: Record<string, { description?: string; schema?: JsonSchema }>;
		securitySchemes?: Record<string, { type: string; description?: string; scheme?: string; name?: string }>;
	};
}

export interface OperationView {
	method: string;
	path: string;
	operation: Operation;
}

const METHODS = ["get", "post", "put", "patch", "delete"];

/** The document's tags in its order, each with its operations in the order of the document. */
export function operationsByTag(
	doc: ApiDocument,
): { name: string; description?: string; operations: OperationView[] }[] {
	const all = Object.entries(doc.paths).flatMap(([path, item]) =>
		Object.entries(item)
			.filter(([method]) => METHODS.includes(method))
			.map(([method, operation]) => ({ method, path, operation })),
	);
	return doc.tags.map((tag) => ({ ...tag, operations: all.filter((view) => view.operation.tags.includes(tag.name)) }));
}

/** The name a `#/components/…/Name` reference points at. */
export function refName(ref: string): string {
	return ref.slice(ref.lastIndexOf("/") + 1);
}

/** A parameter, its reference followed. */
export function resolveParameter(doc: ApiDocument, parameter: Parameter): Parameter {
	return parameter.$ref ? (doc.components.parameters?.[refName(parameter.$ref)] ?? parameter) : parameter;
}

/** A fragment id for an operation: `get-/api/t/{slug}/boards` → `get-api-t-slug-boards`. */
export function anchorOf(view: { method: string; path: string }): string {
	return `${view.method}${view.path.replace(/[^A-Za-z0-9]+/g, "-")}`.replace(/-+$/, "");
}
