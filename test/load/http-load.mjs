// HTTP load through undici's Pool: a closed loop of `concurrency` workers, each sending its next
// request as soon as the last one has been read to the end, for `seconds`. The pool keeps the
// connections alive (as browsers and API clients do), and latencies go into an HDR histogram.
import { Pool } from "undici";
import { latencyHistogram } from "./histogram.mjs";

/**
 * Runs the loop and returns throughput (successful requests per second), latency percentiles
 * (ms), errors (non-2xx/3xx or failed requests, with the first one kept to say why) and the
 * per-second completions for the report's charts.
 *
 * `next(worker, i)` returns the request: `{ path, method?, headers?, body? }`.
 * `pauseMs` makes a polite client (a quiet tenant) wait between its requests.
 */
export async function closedLoop({ origin, concurrency, seconds, next, step, pauseMs = 0 }) {
	const pool = new Pool(origin, { connections: concurrency, pipelining: 1 });
	const latency = latencyHistogram();
	const perSecond = [];
	let errors = 0;
	let firstError;
	const started = performance.now();
	const until = started + seconds * 1000;

	const worker = async (w) => {
		for (let i = 0; performance.now() < until; i++) {
			const request = next(w, i);
			const sent = performance.now();
			let ok = false;
			try {
				const res = await pool.request({ method: "GET", ...request });
				const body = await res.body.arrayBuffer();
				ok = res.statusCode < 400;
				if (!ok) firstError ??= `${res.statusCode} ${Buffer.from(body).toString("utf8", 0, 300)}`;
			} catch (error) {
				firstError ??= String(error?.cause ?? error);
			}
			const done = performance.now();
			if (ok) {
				latency.record(done - sent);
				const second = Math.floor((done - started) / 1000);
				perSecond[second] = (perSecond[second] ?? 0) + 1;
			} else errors += 1;
			step?.request(ok);
			if (pauseMs) await new Promise((resolve) => setTimeout(resolve, pauseMs));
		}
	};
	await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
	const elapsed = (performance.now() - started) / 1000;
	await pool.close();
	const summary = latency.summary();
	return {
		requests: summary.count,
		errors,
		firstError,
		seconds: round(elapsed),
		rate: round(summary.count / elapsed),
		latency: summary,
		// Whole seconds only: a last partial second would read as a drop.
		series: Array.from({ length: Math.max(1, Math.floor(elapsed)) }, (_, s) => perSecond[s] ?? 0),
	};
}

export function round(n, digits = 1) {
	const f = 10 ** digits;
	return Math.round(n * f) / f;
}
