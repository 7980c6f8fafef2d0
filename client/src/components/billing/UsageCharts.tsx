// Usage over a range as a grid of small charts, one per group of meters; groups with nothing
// recorded are named in one line instead of drawn as flat lines.
import { useMemo } from "react";
import type { UsagePoint, UsageRange } from "../../../../shared/billing";
import { bucketStarts } from "../../billing-period";
import { CHART_GROUPS, seriesByGroup } from "../../chart-groups";
import { UsageChart } from "./UsageChart";

interface UsageChartsProps {
	range: UsageRange;
	series: readonly UsagePoint[];
	/** A tenant sees what it uses; the operator also sees what serving it cost. */
	audience: "usage" | "all";
}

export function UsageCharts({ range, series, audience }: UsageChartsProps) {
	const { from, to, granularity } = range;
	const buckets = useMemo(() => bucketStarts(from, to, granularity), [from, to, granularity]);
	// Memoised as a whole: a chart redraws when its lines change identity.
	const { drawn, quiet } = useMemo(() => {
		const shown = CHART_GROUPS.filter((group) => audience === "all" || group.audience === "usage");
		const groups = seriesByGroup(series, buckets, shown).map(({ group, lines }) => ({
			group,
			// Meters of a group with no usage at all would only add flat lines at zero.
			lines: lines.filter((line) => line.values.some((value) => value > 0)),
		}));
		return { drawn: groups.filter((g) => g.lines.length > 0), quiet: groups.filter((g) => g.lines.length === 0) };
	}, [series, buckets, audience]);
	return (
		<>
			{drawn.length === 0 ? (
				<p className="muted">Nothing was recorded in this period.</p>
			) : (
				<div className="chart-grid">
					{drawn.map(({ group, lines }) => (
						<UsageChart
							key={group.id}
							title={group.title}
							buckets={buckets}
							lines={lines}
							granularity={granularity}
							format={group.format}
							summary={group.summary}
						/>
					))}
				</div>
			)}
			{quiet.length > 0 && drawn.length > 0 && (
				<p className="muted small quiet-groups">
					Nothing recorded in this period for {quiet.map((g) => g.group.title.toLowerCase()).join(", ")}.
				</p>
			)}
		</>
	);
}
