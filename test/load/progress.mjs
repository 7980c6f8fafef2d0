// Live progress while the suite runs: the scenario, how long its step has run, requests and
// errors so far. On a terminal one line redraws every second; in a log (CI) a line is printed
// every 5 s. Steps may run side by side (the noisy neighbour does): the newest one is shown.

const tty = process.stdout.isTTY === true;
const active = new Set();
let timer;

/** Starts counting for one step of a scenario; `done()` prints its final line. */
export function beginStep(scenario, name) {
	const step = { scenario, name, started: performance.now(), requests: 0, errors: 0, lastPrint: 0 };
	active.add(step);
	if (!timer) {
		timer = setInterval(() => print([...active].at(-1)), 1000);
		timer.unref();
	}
	return {
		request(ok = true) {
			step.requests += 1;
			if (!ok) step.errors += 1;
		},
		add(requests, errors = 0) {
			step.requests += requests;
			step.errors += errors;
		},
		done(summary = "") {
			active.delete(step);
			print(step, true, summary);
		},
	};
}

/** Anything else worth a line (a stack starting, a report written). */
export function note(text) {
	if (tty) process.stdout.write("\r\x1b[2K");
	console.log(`  ${text}`);
}

function print(step, final = false, summary = "") {
	if (!step) return;
	const elapsed = (performance.now() - step.started) / 1000;
	if (!final && !tty && elapsed - step.lastPrint < 5) return;
	step.lastPrint = elapsed;
	const line = `${step.scenario} › ${step.name}  ${elapsed.toFixed(0)} s  ${step.requests} requests  ${step.errors} errors${summary ? `  ${summary}` : ""}`;
	if (tty) process.stdout.write(`\r\x1b[2K${final ? "✓ " : "… "}${line}${final ? "\n" : ""}`);
	else console.log(`  ${final ? "✓" : "…"} ${line}`);
}
