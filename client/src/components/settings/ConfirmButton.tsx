// A button for something that cannot be undone (removing a member, revoking a key): the first
// press asks, the second does it, and Cancel (or Escape) goes back.
import { useEffect, useRef, useState } from "react";

export function ConfirmButton(props: {
	/** What the first button says ("Remove"), and its accessible name ("Remove Carol"). */
	label: string;
	name: string;
	/** The question shown once asked ("Remove Carol from the workspace?"). */
	question: string;
	/** What the confirming button says ("Remove"). */
	confirm: string;
	onConfirm: () => Promise<void>;
	testId?: string;
}) {
	const { label, name, question, confirm, onConfirm, testId } = props;
	const [asking, setAsking] = useState(false);
	const [busy, setBusy] = useState(false);
	const confirmButton = useRef<HTMLButtonElement>(null);
	const first = useRef<HTMLButtonElement>(null);
	const wasAsking = useRef(false);
	useEffect(() => {
		// Focus follows the question and comes back to the button when it is withdrawn.
		if (asking) confirmButton.current?.focus();
		else if (wasAsking.current) first.current?.focus();
		wasAsking.current = asking;
	}, [asking]);
	if (!asking)
		return (
			<button
				ref={first}
				type="button"
				className="button button-danger-ghost"
				aria-label={name}
				data-testid={testId}
				onClick={() => setAsking(true)}
			>
				{label}
			</button>
		);
	const run = async () => {
		setBusy(true);
		try {
			await onConfirm();
		} finally {
			setBusy(false);
			setAsking(false);
		}
	};
	return (
		<fieldset
			className="confirm"
			onKeyDown={(e) => {
				if (e.key === "Escape") setAsking(false);
			}}
		>
			<legend className="visually-hidden">{question}</legend>
			<span className="confirm-question" aria-hidden="true">
				{question}
			</span>
			<button
				ref={confirmButton}
				type="button"
				className="button button-danger"
				disabled={busy}
				data-testid={testId && `${testId}-confirm`}
				onClick={() => void run()}
			>
				{confirm}
			</button>
			<button type="button" className="button button-ghost" disabled={busy} onClick={() => setAsking(false)}>
				Cancel
			</button>
		</fieldset>
	);
}
