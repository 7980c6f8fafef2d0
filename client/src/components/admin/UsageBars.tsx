// Usage against plan limits as small horizontal bars, drawn with plain SVG.
import type { UsageSummary } from "../../../../shared/api";
import type { PlanLimits } from "../../../../shared/plans";
import { formatBytes } from "../../format";

interface Meter {
	label: string;
	used: number;
	limit: number;
	format: (n: number) => string;
}

export function UsageBars({ usage, limits }: { usage: UsageSummary; limits: PlanLimits }) {
	const count = (n: number) => n.toLocaleString();
	const meters: Meter[] = [
		{ label: "Members", used: usage.members, limit: limits.maxMembers, format: count },
		{ label: "Boards", used: usage.boards, limit: limits.maxBoards, format: count },
		{ label: "Storage", used: usage.storageBytes, limit: limits.maxStorageBytes, format: formatBytes },
	];
	return (
		<dl className="usage">
			{meters.map((m) => (
				<UsageBar key={m.label} meter={m} />
			))}
			<div className="usage-row">
				<dt>Cards</dt>
				<dd className="muted">{count(usage.cards)}</dd>
			</div>
		</dl>
	);
}

function UsageBar({ meter }: { meter: Meter }) {
	const ratio = meter.limit > 0 ? Math.min(1, meter.used / meter.limit) : 0;
	// Amber from 80%, red at the limit: the operator's eye goes to tenants about to hit a wall.
	const tone = ratio >= 1 ? "var(--danger)" : ratio >= 0.8 ? "var(--warning)" : "var(--accent)";
	const text = `${meter.format(meter.used)} of ${meter.format(meter.limit)}`;
	return (
		<div className="usage-row" data-testid="usage-bar">
			<dt>{meter.label}</dt>
			<dd>
				<svg
					className="usage-bar"
					viewBox="0 0 100 8"
					preserveAspectRatio="none"
					role="img"
					aria-label={`${meter.label}: ${text}`}
				>
					<rect width="100" height="8" rx="4" fill="var(--surface-sunken)" />
					<rect width={Math.max(ratio * 100, meter.used > 0 ? 2 : 0)} height="8" rx="4" fill={tone} />
				</svg>
				<span className="muted small">{text}</span>
			</dd>
		</div>
	);
}
