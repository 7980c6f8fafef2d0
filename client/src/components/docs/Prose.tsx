// Text from the OpenAPI document: a description, with its `backticked` parts as code (the only
// Markdown our descriptions use; never HTML, the parts are React text), and lists of codes.
export function Prose({ text }: { text: string | undefined }) {
	if (!text) return null;
	return (
		<>
			{text.split("`").map((part, i) =>
				// Odd pieces sat between backticks. The index is the key: the pieces never move.
				// biome-ignore lint/suspicious/noArrayIndexKey: the split of a fixed string.
				i % 2 === 1 ? <code key={i}>{part}</code> : <span key={i}>{part}</span>,
			)}
		</>
	);
}

/** Names or values as code, separated by commas: "`a`, `b`, `c`". */
export function CodeList({ items }: { items: readonly string[] }) {
	return (
		<>
			{items.map((item, i) => (
				<span key={item}>
					{i > 0 && ", "}
					<code>{item}</code>
				</span>
			))}
		</>
	);
}
