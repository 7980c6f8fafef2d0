// A label as people see it: its name on its colour. The colours are a fixed palette whose text
// and background pairs are checked for contrast in styles.css.
import type { Label } from "../../../shared/api";

export function LabelChip({ label, size = "md" }: { label: Pick<Label, "name" | "color">; size?: "sm" | "md" }) {
	return (
		<span
			className={`label-chip label-${label.color}${size === "sm" ? " label-chip-sm" : ""}`}
			data-testid="label-chip"
		>
			{label.name}
		</span>
	);
}

/** A card's labels in the board's order (labels it names that the board no longer has are skipped). */
export function labelsOf(labels: readonly Label[], labelIds: readonly string[]): Label[] {
	return labels.filter((l) => labelIds.includes(l.id));
}
