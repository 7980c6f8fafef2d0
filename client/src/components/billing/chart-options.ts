// uPlot options for a usage chart: x is the bucket's index (buckets are UTC hours, days or months,
// and months differ in length, so the axis labels them from the bucket list), y starts at zero,
// and lines differ by dash as well as by colour.
import type uPlot from "uplot";
import type { Granularity } from "../../../../shared/billing";
import { formatBucket } from "../../billing-format";

export interface ChartLine {
	label: string;
	values: readonly number[];
}

/** Told apart by colour and by dash, so lines stay distinct without colour vision and in print. */
const PALETTE = ["#4f46e5", "#0e7490", "#c2410c", "#be185d", "#15803d", "#7c3aed"];
const DASHES: number[][] = [[], [6, 4], [2, 3], [10, 3, 2, 3], [1, 3], [14, 4]];
const AXIS = { stroke: "#5e6675", font: "12px system-ui, sans-serif", grid: { stroke: "#eceef2", width: 1 } };

const WHOLE_STEPS = Array.from({ length: 13 }, (_, power) => [1, 2, 5].map((step) => step * 10 ** power)).flat();

export const BUCKET_NAMES: Record<Granularity, string> = { hour: "Hour", day: "Day", month: "Month" };

export function chartOptions(
	size: { width: number; height: number },
	buckets: readonly string[],
	lines: readonly ChartLine[],
	granularity: Granularity,
	format: (value: number) => string,
): uPlot.Options {
	const label = (i: number) => {
		const bucket = buckets[Math.round(i)];
		return bucket === undefined ? "" : formatBucket(bucket, granularity);
	};
	// Counts get whole-number ticks: half a request, or 0.25 of a person, is noise on an axis.
	const whole = lines.every((line) => line.values.every(Number.isInteger));
	// One bucket would be a range of zero width: pad it so the point sits in the middle.
	const pad = (min: number, max: number): uPlot.Range.MinMax => (min === max ? [min - 0.5, max + 0.5] : [min, max]);
	return {
		...size,
		legend: { show: true, live: true },
		cursor: { points: { size: 7 } },
		scales: {
			x: { time: false, range: (_u, min, max) => pad(min, max) },
			y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1] },
		},
		series: [
			// With the cursor off the chart uPlot asks for a null index: show no bucket rather than the first.
			{ label: BUCKET_NAMES[granularity], value: (_u, i) => (i === null ? "–" : label(i)) },
			...lines.map((line, i) => ({
				label: line.label,
				stroke: PALETTE[i % PALETTE.length],
				dash: DASHES[i % DASHES.length],
				width: 2,
				fill: lines.length === 1 ? "rgba(79, 70, 229, 0.08)" : undefined,
				points: { show: buckets.length <= 62, size: 5 },
				value: (_u: uPlot, v: number | null) => (v === null ? "–" : format(v)),
			})),
		],
		axes: [
			{
				...AXIS,
				space: granularity === "hour" ? 70 : 56,
				incrs: [1, 2, 3, 4, 6, 7, 12, 14, 24, 28, 48, 72, 168, 336],
				values: (_u, splits) => splits.map((i) => (Number.isInteger(i) ? label(i) : "")),
			},
			{
				...AXIS,
				size: 56,
				incrs: whole ? WHOLE_STEPS : undefined,
				values: (_u, splits) => splits.map(format),
			},
		],
	};
}
