// A determinate progress bar with its numbers spelled out for screen readers.
import { formatBytes } from "../format";

export function ProgressBar({ value, total, label }: { value: number; total: number; label: string }) {
	const percent = total > 0 ? Math.min(100, Math.round((value / total) * 100)) : 0;
	return (
		<div className="progress">
			<div
				className="progress-track"
				role="progressbar"
				aria-label={label}
				aria-valuemin={0}
				aria-valuemax={100}
				aria-valuenow={percent}
				aria-valuetext={`${percent}% — ${formatBytes(value)} of ${formatBytes(total)}`}
			>
				<div className="progress-fill" style={{ width: `${percent}%` }} />
			</div>
			<span className="progress-text">
				{formatBytes(value)} / {formatBytes(total)} · {percent}%
			</span>
		</div>
	);
}
