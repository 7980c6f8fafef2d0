// One chart of usage over time, drawn by uPlot on a canvas. The canvas is hidden from screen
// readers: a sentence under the title says what it shows, and a table of the numbers is a click
// away. It follows its container's width, so the same chart fits a laptop and a phone.
import { useEffect, useId, useRef, useState } from "react";
import type uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import type { Granularity } from "../../../../shared/billing";
import { formatBucket } from "../../billing-format";
import { BUCKET_NAMES, type ChartLine, chartOptions } from "./chart-options";

interface UsageChartProps {
	title: string;
	/** Bucket starts (ISO), one x position each. */
	buckets: readonly string[];
	lines: readonly ChartLine[];
	granularity: Granularity;
	format: (value: number) => string;
	/** "total": the range adds up; "peak": only the busiest bucket means something (distinct members). */
	summary: "total" | "peak";
	height?: number;
}

export function UsageChart({ title, buckets, lines, granularity, format, summary, height = 200 }: UsageChartProps) {
	const titleId = useId();
	const tableId = useId();
	const [showTable, setShowTable] = useState(false);
	const [failed, setFailed] = useState(false);
	const holder = useRef<HTMLDivElement>(null);

	useEffect(() => {
		const element = holder.current;
		if (!element) return;
		const size = () => ({ width: Math.max(element.clientWidth, 200), height });
		let plot: uPlot | null = null;
		let cancelled = false;
		const resize = new ResizeObserver(() => plot?.setSize(size()));
		// uPlot is its own chunk: the numbers above and below a chart show before it arrives, and a
		// chart that cannot load (an old chunk after a deploy) leaves its table in its place.
		import("uplot")
			.then(({ default: UPlot }) => {
				if (cancelled) return;
				const data: uPlot.AlignedData = [buckets.map((_, i) => i), ...lines.map((line) => [...line.values])];
				plot = new UPlot(chartOptions(size(), buckets, lines, granularity, format), data, element);
				resize.observe(element);
			})
			.catch(() => {
				if (cancelled) return;
				setFailed(true);
				setShowTable(true);
			});
		return () => {
			cancelled = true;
			resize.disconnect();
			plot?.destroy();
		};
	}, [buckets, lines, granularity, format, height]);

	return (
		<figure className="chart" aria-labelledby={titleId} data-testid="usage-chart">
			<figcaption className="chart-head">
				<span id={titleId} className="chart-title">
					{title}
				</span>
				<button
					type="button"
					className="link-button small"
					aria-expanded={showTable}
					aria-controls={tableId}
					onClick={() => setShowTable((shown) => !shown)}
				>
					{showTable ? "Hide table" : "Show table"}
				</button>
			</figcaption>
			<p className="chart-summary">{describe(lines, buckets, granularity, format, summary)}</p>
			{failed ? (
				<p className="muted small">The chart could not be drawn here; its numbers are in the table.</p>
			) : (
				<div ref={holder} className="chart-plot" aria-hidden="true" />
			)}
			{showTable && (
				<ChartTable id={tableId} title={title} buckets={buckets} lines={lines} {...{ granularity, format }} />
			)}
		</figure>
	);
}

/** The chart in one sentence per line: its total (or peak) and its busiest bucket. */
function describe(
	lines: readonly ChartLine[],
	buckets: readonly string[],
	granularity: Granularity,
	format: (value: number) => string,
	summary: "total" | "peak",
): string {
	return lines
		.map((line) => {
			let peak = 0;
			line.values.forEach((value, i) => {
				if (value > (line.values[peak] ?? 0)) peak = i;
			});
			const top = line.values[peak] ?? 0;
			if (top === 0) return `${line.label}: none.`;
			const when = formatBucket(buckets[peak] ?? "", granularity);
			if (summary === "peak") return `${line.label}: at most ${format(top)} (${when}).`;
			const total = line.values.reduce((sum, value) => sum + value, 0);
			return `${line.label}: ${format(total)} in all; busiest ${when} (${format(top)}).`;
		})
		.join(" ");
}

function ChartTable(props: {
	id: string;
	title: string;
	buckets: readonly string[];
	lines: readonly ChartLine[];
	granularity: Granularity;
	format: (value: number) => string;
}) {
	const { id, title, buckets, lines, granularity, format } = props;
	// Quiet buckets are left out: an hourly month would be 700 rows of zeros.
	const rows = buckets.map((bucket, i) => ({ bucket, i })).filter(({ i }) => lines.some((l) => (l.values[i] ?? 0) > 0));
	return (
		<div className="chart-table" id={id}>
			<table className="table">
				<caption className="visually-hidden">
					{title}, by {granularity}
				</caption>
				<thead>
					<tr>
						<th scope="col">{BUCKET_NAMES[granularity]}</th>
						{lines.map((line) => (
							<th key={line.label} scope="col" className="numeric">
								{line.label}
							</th>
						))}
					</tr>
				</thead>
				<tbody>
					{rows.map(({ bucket, i }) => (
						<tr key={bucket}>
							<th scope="row">{formatBucket(bucket, granularity)}</th>
							{lines.map((line) => (
								<td key={line.label} className="numeric">
									{format(line.values[i] ?? 0)}
								</td>
							))}
						</tr>
					))}
				</tbody>
			</table>
			{rows.length === 0 && <p className="muted small">Nothing recorded in this range.</p>}
		</div>
	);
}
