// One-line forms that add a card to a list or a list to the board.
import { type FormEvent, useState } from "react";
import { useBoard } from "../board-context";

export function AddCard({ listId }: { listId: string }) {
	const { board, send } = useBoard();
	return (
		<QuickAdd
			label="Add a card"
			testId="add-card-input"
			className="add-card"
			onAdd={(title) => send({ type: "card.create", boardId: board.id, listId, title })}
		/>
	);
}

export function AddList() {
	const { board, send } = useBoard();
	return (
		<QuickAdd
			label="Add a list"
			testId="add-list-input"
			className="column column-add"
			onAdd={(title) => send({ type: "list.create", boardId: board.id, title })}
		/>
	);
}

/** A one-line form: type a title, press Enter, and it is added and the field clears. */
function QuickAdd(props: { label: string; testId: string; className: string; onAdd: (title: string) => void }) {
	const [title, setTitle] = useState("");
	const submit = (event: FormEvent) => {
		event.preventDefault();
		const trimmed = title.trim();
		if (!trimmed) return;
		props.onAdd(trimmed);
		setTitle("");
	};
	return (
		<form className={props.className} onSubmit={submit}>
			<input
				data-testid={props.testId}
				aria-label={props.label}
				placeholder={`+ ${props.label}`}
				maxLength={200}
				value={title}
				onChange={(e) => setTitle(e.target.value)}
			/>
		</form>
	);
}
