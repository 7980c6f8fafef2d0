// A card's labels, assignees and due date in its dialog. Ticking a label or a person sends one
// operation straight away (they never conflict with an edit); the due date is saved when the
// field is left, like the title and description.
import { useEffect, useRef, useState } from "react";
import type { Card } from "../../../shared/api";
import { useBoard } from "../board-context";
import { isTempId } from "../board-state";
import { LabelManager } from "./LabelManager";
import { LabelChip } from "./Labels";
import { Avatar } from "./Presence";

export function CardDetails({ card }: { card: Card }) {
	const { canWrite } = useBoard();
	const readOnly = !canWrite || isTempId(card.id);
	const [managing, setManaging] = useState(false);
	return (
		<div className="card-details">
			<LabelPicker card={card} readOnly={readOnly} managing={managing} setManaging={setManaging} />
			<AssigneePicker card={card} readOnly={readOnly} />
			<DueDateField key={card.id} card={card} readOnly={readOnly} />
			{/* The whole row's width: names and colours need room to edit. */}
			{managing && !readOnly && <LabelManager />}
		</div>
	);
}

interface LabelPickerProps {
	card: Card;
	readOnly: boolean;
	managing: boolean;
	setManaging: (update: (managing: boolean) => boolean) => void;
}

function LabelPicker({ card, readOnly, managing, setManaging }: LabelPickerProps) {
	const { board, send } = useBoard();
	const toggle = (labelId: string, on: boolean) =>
		send({ type: on ? "card.label" : "card.unlabel", boardId: board.id, cardId: card.id, labelId });
	return (
		<fieldset className="picker" data-testid="label-picker">
			<legend>Labels</legend>
			{board.labels.length === 0 && <p className="muted small">This board has no labels yet.</p>}
			<ul className="picker-options">
				{board.labels
					.filter((label) => !readOnly || card.labelIds.includes(label.id))
					.map((label) => (
						<li key={label.id}>
							<label className="picker-option">
								<input
									type="checkbox"
									checked={card.labelIds.includes(label.id)}
									disabled={readOnly || isTempId(label.id)}
									onChange={(e) => toggle(label.id, e.target.checked)}
								/>
								<LabelChip label={label} />
							</label>
						</li>
					))}
			</ul>
			{!readOnly && (
				<button
					type="button"
					className="button button-ghost button-small"
					aria-expanded={managing}
					onClick={() => setManaging((m) => !m)}
				>
					{managing ? "Done with labels" : "Edit labels…"}
				</button>
			)}
		</fieldset>
	);
}

function AssigneePicker({ card, readOnly }: { card: Card; readOnly: boolean }) {
	const { board, send } = useBoard();
	const people = board.members.filter((m) => !readOnly || card.assigneeIds.includes(m.id));
	return (
		<fieldset className="picker" data-testid="assignee-picker">
			<legend>Assignees</legend>
			{people.length === 0 && <p className="muted small">Nobody yet.</p>}
			<ul className="picker-options">
				{people.map((member) => (
					<li key={member.id}>
						<label className="picker-option">
							<input
								type="checkbox"
								checked={card.assigneeIds.includes(member.id)}
								disabled={readOnly}
								onChange={(e) =>
									send({
										type: e.target.checked ? "card.assign" : "card.unassign",
										boardId: board.id,
										cardId: card.id,
										userId: member.id,
									})
								}
							/>
							<span aria-hidden="true">
								<Avatar userId={member.id} name={member.name} size="sm" />
							</span>
							<span>{member.name}</span>
						</label>
					</li>
				))}
			</ul>
		</fieldset>
	);
}

function DueDateField({ card, readOnly }: { card: Card; readOnly: boolean }) {
	const { send } = useBoard();
	const [draft, setDraft] = useState(card.dueDate ?? "");
	const saved = useRef(card.dueDate ?? "");
	// What the field holds, kept here too: the save on close runs after the field is gone.
	const typed = useRef({ value: draft, whole: true });
	// Someone else's change shows, unless this person is halfway through their own.
	useEffect(() => {
		const next = card.dueDate ?? "";
		if (typed.current.value === saved.current) {
			typed.current = { value: next, whole: true };
			setDraft(next);
		}
		saved.current = next;
	}, [card.dueDate]);
	const save = () => {
		const { value, whole } = typed.current;
		// A half-typed date reads as "" (badInput): only whole days or an explicit clear go out.
		if (readOnly || !whole || value === saved.current) return;
		saved.current = value;
		send({
			type: "card.update",
			boardId: card.boardId,
			cardId: card.id,
			version: card.version,
			dueDate: value || null,
		});
	};
	const latestSave = useRef(save);
	latestSave.current = save;
	// Closing the dialog unmounts the field without a blur: save then.
	useEffect(() => () => latestSave.current(), []);
	return (
		<div className="picker due-field">
			<label htmlFor="card-due-date">Due date</label>
			<div className="due-row">
				<input
					id="card-due-date"
					data-testid="due-date-input"
					type="date"
					value={draft}
					readOnly={readOnly}
					onChange={(e) => {
						typed.current = { value: e.target.value, whole: !e.target.validity.badInput };
						setDraft(e.target.value);
					}}
					onBlur={save}
					onKeyDown={(e) => {
						if (e.key === "Enter") save();
					}}
				/>
				{!readOnly && draft && (
					<button
						type="button"
						className="button button-ghost button-small"
						onClick={() => {
							typed.current = { value: "", whole: true };
							setDraft("");
							save();
						}}
					>
						Clear
					</button>
				)}
			</div>
		</div>
	);
}
