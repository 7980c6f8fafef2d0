// A value to copy (an invite link, an API key): shown read-only, selected on focus, with a Copy
// button that says when it worked. Where the clipboard is refused, the text is selected instead.
import { useRef, useState } from "react";

export function CopyField(props: { id: string; label: string; value: string; testId?: string; autoFocus?: boolean }) {
	const { id, label, value, testId, autoFocus = false } = props;
	const input = useRef<HTMLInputElement>(null);
	const [status, setStatus] = useState<"idle" | "copied" | "select">("idle");
	const copy = async () => {
		try {
			await navigator.clipboard.writeText(value);
			setStatus("copied");
		} catch {
			input.current?.select();
			setStatus("select");
		}
	};
	return (
		<div className="field">
			<label htmlFor={id}>{label}</label>
			<div className="copy-field">
				<input
					id={id}
					ref={input}
					readOnly
					value={value}
					spellCheck={false}
					data-testid={testId}
					// The value was just made for this person: putting them on it is the point.
					// biome-ignore lint/a11y/noAutofocus: focus moves to what was just created, once.
					autoFocus={autoFocus}
					onFocus={(e) => e.currentTarget.select()}
				/>
				<button type="button" className="button button-secondary" onClick={() => void copy()}>
					{status === "copied" ? "Copied" : "Copy"}
				</button>
			</div>
			<p className="small muted" role="status">
				{status === "copied" && "Copied to the clipboard."}
				{status === "select" && "Your browser would not let us copy. The text is selected: press Ctrl+C or ⌘C."}
			</p>
		</div>
	);
}
