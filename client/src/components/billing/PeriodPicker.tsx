// Which stretch of time the usage views cover, and how finely: presets, a custom range, and the
// bucket size. Changes apply at once; a backwards custom range is explained, not sent.
import { useId } from "react";
import type { Granularity } from "../../../../shared/billing";
import { type PeriodChoice, PRESET_LABELS, type Preset } from "../../billing-period";

const PRESETS = Object.keys(PRESET_LABELS) as Preset[];
const GRANULARITIES: Granularity[] = ["hour", "day", "month"];
const GRANULARITY_LABELS: Record<Granularity, string> = { hour: "Hour", day: "Day", month: "Month" };

export function PeriodPicker({
	value,
	onChange,
	problem,
}: {
	value: PeriodChoice;
	onChange: (choice: PeriodChoice) => void;
	/** Why the current choice cannot be shown (a backwards range, or the server's 400 message). */
	problem?: string | null;
}) {
	const id = useId();
	const problemId = `${id}-problem`;
	return (
		<fieldset className="period-picker" aria-describedby={problem ? problemId : undefined}>
			<legend className="visually-hidden">Period</legend>
			<div className="field">
				<label htmlFor={`${id}-preset`}>Period</label>
				<select
					id={`${id}-preset`}
					data-testid="period-preset"
					value={value.preset}
					onChange={(e) => onChange({ ...value, preset: PRESETS.find((p) => p === e.target.value) ?? value.preset })}
				>
					{PRESETS.map((preset) => (
						<option key={preset} value={preset}>
							{PRESET_LABELS[preset]}
						</option>
					))}
				</select>
			</div>
			{value.preset === "custom" && (
				<>
					<div className="field">
						<label htmlFor={`${id}-from`}>From</label>
						<input
							id={`${id}-from`}
							type="date"
							value={value.fromDay}
							max={value.toDay || undefined}
							onChange={(e) => onChange({ ...value, fromDay: e.target.value })}
						/>
					</div>
					<div className="field">
						<label htmlFor={`${id}-to`}>Through</label>
						<input
							id={`${id}-to`}
							type="date"
							value={value.toDay}
							min={value.fromDay || undefined}
							onChange={(e) => onChange({ ...value, toDay: e.target.value })}
						/>
					</div>
				</>
			)}
			<div className="field">
				<label htmlFor={`${id}-granularity`}>Per</label>
				<select
					id={`${id}-granularity`}
					data-testid="period-granularity"
					value={value.granularity}
					onChange={(e) =>
						onChange({ ...value, granularity: GRANULARITIES.find((g) => g === e.target.value) ?? value.granularity })
					}
				>
					{GRANULARITIES.map((granularity) => (
						<option key={granularity} value={granularity}>
							{GRANULARITY_LABELS[granularity]}
						</option>
					))}
				</select>
			</div>
			{problem && (
				<p id={problemId} className="field-error period-problem" role="alert">
					{problem}
				</p>
			)}
		</fieldset>
	);
}
