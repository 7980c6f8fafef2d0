// The board's labels, for people who may change the board: add one (a name and a colour), rename
// or recolour one, delete one (it comes off every card). Each change is one operation, live for
// everyone on the board.
import { type FormEvent, useEffect, useState } from "react";
import type { Label } from "../../../shared/api";
import { LABEL_COLORS, type LabelColor, MAX_LABEL_NAME_LENGTH } from "../../../shared/labels";
import { useBoard } from "../board-context";
import { isTempId } from "../board-state";

export function LabelManager() {
	const { board, send } = useBoard();
	const [name, setName] = useState("");
	const [color, setColor] = useState<LabelColor>("blue");
	const add = (event: FormEvent) => {
		event.preventDefault();
		if (!name.trim()) return;
		send({ type: "label.create", boardId: board.id, name: name.trim(), color });
		setName("");
	};
	return (
		<div className="label-manager" data-testid="label-manager">
			<ul className="label-rows">
				{board.labels.map((label) => (
					<LabelRow key={label.id} label={label} />
				))}
			</ul>
			<form className="label-row" onSubmit={add}>
				<label className="visually-hidden" htmlFor="new-label-name">
					New label name
				</label>
				<input
					id="new-label-name"
					data-testid="new-label-name"
					placeholder="New label"
					maxLength={MAX_LABEL_NAME_LENGTH}
					value={name}
					onChange={(e) => setName(e.target.value)}
				/>
				<ColorSelect id="new-label-color" label="New label colour" value={color} onChange={setColor} />
				<button type="submit" className="button button-secondary button-small" disabled={!name.trim()}>
					Add
				</button>
			</form>
		</div>
	);
}

function LabelRow({ label }: { label: Label }) {
	const { board, send } = useBoard();
	const [name, setName] = useState(label.name);
	// Someone else renamed it: show their name.
	useEffect(() => setName(label.name), [label.name]);
	const pending = isTempId(label.id);
	const update = (change: { name?: string; color?: LabelColor }) =>
		send({ type: "label.update", boardId: board.id, labelId: label.id, version: label.version, ...change });
	const rename = () => {
		const trimmed = name.trim();
		if (!trimmed) setName(label.name);
		else if (trimmed !== label.name) update({ name: trimmed });
	};
	return (
		<li className="label-row">
			<span className={`label-swatch label-${label.color}`} aria-hidden="true" />
			<label className="visually-hidden" htmlFor={`label-name-${label.id}`}>
				Name of the label {label.name}
			</label>
			<input
				id={`label-name-${label.id}`}
				maxLength={MAX_LABEL_NAME_LENGTH}
				value={name}
				disabled={pending}
				onChange={(e) => setName(e.target.value)}
				onBlur={rename}
				onKeyDown={(e) => {
					if (e.key === "Enter") e.currentTarget.blur();
				}}
			/>
			<ColorSelect
				id={`label-color-${label.id}`}
				label={`Colour of the label ${label.name}`}
				value={label.color}
				disabled={pending}
				onChange={(color) => update({ color })}
			/>
			<button
				type="button"
				className="button button-danger-ghost button-small"
				disabled={pending}
				aria-label={`Delete the label ${label.name}`}
				onClick={() => {
					if (window.confirm(`Delete the label “${label.name}”? It comes off every card that has it.`))
						send({ type: "label.delete", boardId: board.id, labelId: label.id });
				}}
			>
				Delete
			</button>
		</li>
	);
}

interface ColorSelectProps {
	id: string;
	label: string;
	value: LabelColor;
	disabled?: boolean;
	onChange: (color: LabelColor) => void;
}

function ColorSelect({ id, label, value, disabled, onChange }: ColorSelectProps) {
	return (
		<>
			<label className="visually-hidden" htmlFor={id}>
				{label}
			</label>
			<select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as LabelColor)}>
				{LABEL_COLORS.map((c) => (
					<option key={c} value={c}>
						{c[0]?.toUpperCase()}
						{c.slice(1)}
					</option>
				))}
			</select>
		</>
	);
}
