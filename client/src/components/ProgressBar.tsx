// A determinate progress bar with its numbers spelled out for screen readers.
import { formatBytes } from "../format";

/**
 * Whole percent sent, rounded down: 100% means every byte, never 99.6% rounded up. The bar's
 * width is this same number, with no transition, so what it shows and what it says agree.
 */
export function percentOf(value: number, total: number): number {
	return total > 0 ? Math.min(100, Math.floor((value / total) * 100)) : 100;
}

export function ProgressBar({
	value,
	total,
	label,
	format = formatBytes,
}: {
	value: number;
	total: number;
	label: string;
	/** How a quantity reads: bytes unless told otherwise. */
	format?: (quantity: number) => string;
}) {
	const percent = percentOf(value, total);
	return (
		<div className="progress">
			<div
				className="progress-track"
				role="progressbar"
				aria-label={label}
				aria-valuemin={0}
				aria-valuemax={100}
				aria-valuenow={percent}
				aria-valuetext={`${percent}% — ${format(value)} of ${format(total)}`}
			>
				<div className="progress-fill" style={{ width: `${percent}%` }} />
			</div>
			<span className="progress-text" data-testid="progress-text">
				{format(value)} / {format(total)} · {percent}%
			</span>
		</div>
	);
}
