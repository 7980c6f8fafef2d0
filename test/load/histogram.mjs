// Latencies go into an HDR histogram (hdr-histogram-js), recorded in microseconds with three
// significant digits: percentiles come from the library, not from sorting samples by hand, and a
// million samples cost the same few kilobytes as a hundred.
import { build } from "hdr-histogram-js";

/** A latency recorder: `record(ms)`, then `summary()` in milliseconds. */
export function latencyHistogram() {
	const histogram = build({
		lowestDiscernibleValue: 1,
		highestTrackableValue: 600_000_000,
		numberOfSignificantValueDigits: 3,
	});
	return {
		histogram,
		record(ms) {
			histogram.recordValue(Math.max(1, Math.round(ms * 1000)));
		},
		get count() {
			return histogram.totalCount;
		},
		/** Adds another recorder's samples (the per-connection ones of a fan-out, say). */
		add(other) {
			histogram.add(other.histogram);
		},
		summary() {
			return summarise(histogram);
		},
	};
}

const PERCENTILES = [0, 10, 25, 50, 75, 90, 95, 97.5, 99, 99.5, 99.9, 100];

function summarise(histogram) {
	const ms = (us) => Math.round(us) / 1000;
	const count = histogram.totalCount;
	if (count === 0) return { count: 0, mean: null, p50: null, p95: null, p99: null, max: null, curve: [] };
	return {
		count,
		mean: ms(histogram.mean),
		p50: ms(histogram.getValueAtPercentile(50)),
		p95: ms(histogram.getValueAtPercentile(95)),
		p99: ms(histogram.getValueAtPercentile(99)),
		max: ms(histogram.maxValue),
		// The whole distribution, for the report's percentile charts.
		curve: PERCENTILES.map((p) => [p, ms(histogram.getValueAtPercentile(p))]),
	};
}
