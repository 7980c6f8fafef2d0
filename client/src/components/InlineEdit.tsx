// Text that becomes an input on click: Enter or blur saves, Escape cancels.
import { type KeyboardEvent, useEffect, useRef, useState } from "react";

interface InlineEditProps {
	value: string;
	label: string;
	onSave: (value: string) => void;
	readOnly?: boolean;
	className?: string;
	maxLength?: number;
}

export function InlineEdit({
	value,
	label,
	onSave,
	readOnly = false,
	className = "",
	maxLength = 200,
}: InlineEditProps) {
	const [editing, setEditing] = useState(false);
	const [draft, setDraft] = useState(value);
	const input = useRef<HTMLInputElement>(null);
	useEffect(() => {
		if (editing) input.current?.select();
	}, [editing]);

	if (readOnly || !editing)
		return (
			<button
				type="button"
				className={`inline-edit ${className}`}
				disabled={readOnly}
				aria-label={readOnly ? undefined : `${label}: ${value}. Click to rename`}
				onClick={() => {
					setDraft(value);
					setEditing(true);
				}}
			>
				{value}
			</button>
		);

	const commit = () => {
		setEditing(false);
		const next = draft.trim();
		if (next && next !== value) onSave(next);
	};
	const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
		if (event.key === "Enter") commit();
		if (event.key === "Escape") {
			event.stopPropagation();
			setEditing(false);
		}
	};
	return (
		<input
			ref={input}
			className={`inline-edit-input ${className}`}
			aria-label={label}
			value={draft}
			maxLength={maxLength}
			onChange={(e) => setDraft(e.target.value)}
			onBlur={commit}
			onKeyDown={onKeyDown}
		/>
	);
}
