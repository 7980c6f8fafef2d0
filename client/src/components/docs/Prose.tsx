// A description from the OpenAPI document as text, with its `backticked` parts as code (the only
// Markdown our descriptions use). Never HTML: the parts are React text.
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
