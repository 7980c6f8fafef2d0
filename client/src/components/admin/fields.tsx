// Labelled form fields for the operator's forms: a label and its control share an id, so a click
// on the label focuses the control and screen readers announce them together.
import type { InputHTMLAttributes } from "react";

export function TextField({
	id,
	label,
	...input
}: { id: string; label: string } & InputHTMLAttributes<HTMLInputElement>) {
	return (
		<div className="field">
			<label htmlFor={id}>{label}</label>
			<input id={id} {...input} />
		</div>
	);
}

/** A select over a fixed set of values (a zod enum's options), with a label for each. */
export function ChoiceField<T extends string>(props: {
	id: string;
	label: string;
	value: T;
	options: readonly T[];
	labelOf?: (value: T) => string;
	onChange: (value: T) => void;
}) {
	const { id, label, value, options, labelOf = (v) => v, onChange } = props;
	return (
		<div className="field">
			<label htmlFor={id}>{label}</label>
			<select id={id} value={value} onChange={(e) => onChange(options.find((o) => o === e.target.value) ?? value)}>
				{options.map((option) => (
					<option key={option} value={option}>
						{labelOf(option)}
					</option>
				))}
			</select>
		</div>
	);
}
