// A schema's fields as a table: nested fields indented under their parent, enums listed, optional
// and nullable said in words. On a phone each row becomes a small block (docs.css).
import type { CSSProperties, ReactNode } from "react";
import type { ApiDocument, JsonSchema } from "../../docs/api-document";
import { describe, type FieldRow, fieldRows } from "../../docs/schema-rows";
import { CodeList, Prose } from "./Prose";

export function FieldTable({ doc, schema, caption }: { doc: ApiDocument; schema: JsonSchema; caption: string }) {
	const rows = fieldRows(doc, schema);
	if (rows.length === 0) {
		const whole = describe(doc, schema);
		return (
			<p className="docs-whole">
				{caption}: <code>{whole.type}</code>
				{whole.description && (
					<>
						{" "}
						— <Prose text={whole.description} />
					</>
				)}
			</p>
		);
	}
	return (
		<FieldsFrame caption={caption} first="Field">
			{rows.map((row) => (
				<FieldLine key={row.name} row={row} />
			))}
		</FieldsFrame>
	);
}

/** The table every list of fields or parameters sits in: a caption, three columns, the rows given. */
export function FieldsFrame(props: { caption: string; first: string; className?: string; children: ReactNode }) {
	return (
		<table className={`docs-fields ${props.className ?? ""}`}>
			<caption>{props.caption}</caption>
			<thead>
				<tr>
					<th scope="col">{props.first}</th>
					<th scope="col">Type</th>
					<th scope="col">Description</th>
				</tr>
			</thead>
			<tbody>{props.children}</tbody>
		</table>
	);
}

function FieldLine({ row }: { row: FieldRow }) {
	const shown = row.name.slice(row.name.lastIndexOf(".") + 1);
	return (
		<tr className={row.depth > 0 ? "docs-nested" : undefined} style={{ "--depth": row.depth } as CSSProperties}>
			<th scope="row" className="docs-field-name">
				{row.depth > 0 && <span className="visually-hidden">{row.name.slice(0, -shown.length)}</span>}
				<code>{shown}</code>
				{!row.required && <span className="docs-optional">optional</span>}
			</th>
			<td className="docs-field-type">
				<code>{row.type}</code>
				{row.nullable && <span className="docs-optional">or null</span>}
			</td>
			<td className="docs-field-about">
				{row.description && (
					<span>
						<Prose text={row.description} />
					</span>
				)}
				{row.values && (
					<span className="docs-values">
						One of: <CodeList items={row.values} />
					</span>
				)}
				{row.notes.length > 0 && <span className="docs-notes">{row.notes.join("; ")}</span>}
			</td>
		</tr>
	);
}
