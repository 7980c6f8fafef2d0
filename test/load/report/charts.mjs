// The report's charts, as data: each one a title, an x axis and named series. The page draws them
// with uPlot (inlined into the file, so it reads offline).

const COLORS = { do: "#2563eb", d1: "#d97706", baseline: "#6b7280" };
const NAMES = { do: "Durable Objects", d1: "D1", baseline: "bare baseline" };

export function chartsFor(scenarios) {
	const charts = [];
	const ms = (id) => scenarios[id]?.measurements ?? [];

	// Throughput against the baseline, one bar group per measurement that has a ratio.
	const ratioRows = Object.entries(scenarios).flatMap(([id, s]) =>
		(s.measurements ?? [])
			.filter((m) => m.ratio && m.variant !== "baseline" && m.ratio.of === "throughput")
			.map((m) => ({ id, m })),
	);
	const ratioLabels = [...new Set(ratioRows.map(({ m }) => m.label))];
	if (ratioLabels.length)
		charts.push({
			id: "ratios",
			title: "Throughput as a share of the bare baseline (1.0 = as fast as the bare platform)",
			kind: "bars",
			categories: ratioLabels,
			yLabel: "ratio",
			series: ["do", "d1"].map((variant) => ({
				label: NAMES[variant],
				color: COLORS[variant],
				values: ratioLabels.map(
					(l) => ratioRows.find(({ m }) => m.label === l && m.variant === variant)?.m.ratio.value ?? null,
				),
			})),
		});

	// Requests completed per second over each measurement: steady, or sagging?
	for (const [id, title] of [
		["board-reads", "Board reads per second over the run"],
		["card-writes", "Card writes per second over the run"],
		["many-tenants", "Mixed requests per second across many tenants"],
	]) {
		const series = ms(id).filter((m) => m.series?.length);
		if (!series.length) continue;
		const length = Math.max(...series.map((m) => m.series.length));
		charts.push({
			id: `${id}-timeline`,
			title,
			kind: "line",
			x: Array.from({ length }, (_, i) => i + 1),
			xLabel: "second",
			yLabel: "requests/s",
			series: series.map((m) => ({
				label: `${NAMES[m.variant]}: ${m.label}`,
				color: COLORS[m.variant],
				dash: m.key.includes("big") ? [6, 4] : undefined,
				values: m.series,
			})),
		});
	}

	// Latency distributions: where the tail starts.
	for (const [id, title] of [
		["board-reads", "Board read latency by percentile"],
		["card-writes", "Card write latency by percentile"],
		["noisy-neighbour", "Quiet tenants' latency by percentile, alone and beside a saturated tenant"],
	]) {
		const curves = ms(id).filter((m) => m.latency?.curve?.length && !(id === "noisy-neighbour" && m.key === "noisy"));
		if (!curves.length) continue;
		charts.push({
			id: `${id}-percentiles`,
			title,
			kind: "line",
			// Evenly spaced percentiles, labelled: on a linear axis the tail (p99, p99.9) would be a sliver.
			categories: curves[0].latency.curve.map(([p]) => `p${p}`),
			xLabel: "percentile",
			yLabel: "ms",
			series: curves.map((m) => ({
				label: `${NAMES[m.variant]}: ${m.label}`,
				color: COLORS[m.variant],
				dash: m.key === "read-big" || m.key === "quiet-noisy" ? [6, 4] : undefined,
				values: m.latency.curve.map(([, v]) => v),
			})),
		});
	}

	// Fan-out: p99 and join time as the board grows.
	const fan = ms("fan-out").filter((m) => m.writers === 1);
	const sizes = [...new Set(fan.map((m) => m.members))].sort((a, b) => a - b);
	if (sizes.length) {
		const perVariant = (pick) =>
			["baseline", "do", "d1"]
				.filter((v) => fan.some((m) => m.variant === v))
				.map((variant) => ({
					label: NAMES[variant],
					color: COLORS[variant],
					values: sizes.map((n) => {
						const m = fan.find((x) => x.members === n && x.variant === variant);
						return m ? pick(m) : null;
					}),
				}));
		charts.push({
			id: "fan-out-p99",
			title: "Fan-out: p99 from send to every other member, by board size",
			kind: "line",
			x: sizes,
			xLabel: "members",
			yLabel: "ms",
			points: true,
			series: perVariant((m) => m.latency.p99),
		});
		charts.push({
			id: "fan-out-join",
			title: "Fan-out: seconds for all members to join, by board size",
			kind: "line",
			x: sizes,
			xLabel: "members",
			yLabel: "s",
			points: true,
			series: perVariant((m) => m.joinSeconds),
		});
	}
	return charts;
}
