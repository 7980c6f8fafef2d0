// `npm run load`: starts the app under `wrangler dev` on 127.0.0.1 with throwaway state and
// measures what users feel: how fast one member's change reaches another, and how many writes
// per second a tenant (and ten tenants at once) sustain. Bounded in count and time.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureDevVars, startWrangler, stopWrangler } from "../../scripts/local.mjs";
import { meteringRatio } from "./metering.mjs";
import { makeTenant, percentiles } from "./tenants.mjs";

const PORT = Number(process.env.LOAD_PORT ?? 8797);
const OPS = Number(process.env.LOAD_OPS ?? 300);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 8);
const CONCURRENCY = 16;

const vars = ensureDevVars();
const state = mkdtempSync(join(tmpdir(), "boardroom-load-"));
// Rate limits off: the load test measures how much one tenant can do, not where its plan stops it.
const { child, base } = await startWrangler({
	port: PORT,
	persistTo: state,
	stdio: "pipe",
	extraArgs: ["--var", "RATE_LIMITS:off"],
});
try {
	const latency = await measureLatency(await makeTenant(base, vars.ADMIN_TOKEN, "load-latency"));
	console.log(
		`collaboration latency over ${OPS} operations (send → other member's event): p50 ${latency.p50} ms, p95 ${latency.p95} ms, p99 ${latency.p99} ms, max ${latency.max} ms`,
	);

	// The local stack (wrangler's proxy, one workerd, the load generator, 2 cores) has a ceiling of
	// its own; measuring an empty route first lets the write numbers be read as a ratio of it.
	const floor = await measure([null], () => fetch(`${base}/api/health`));
	console.log(
		`baseline GET /api/health, ${CONCURRENCY} concurrent: ${floor.rate.toFixed(0)} req/s, p50 ${floor.p50} ms`,
	);

	const one = await measureWrites([await makeTenant(base, vars.ADMIN_TOKEN, "load-one")]);
	console.log(
		`one tenant, ${CONCURRENCY} concurrent writers: ${one.rate.toFixed(0)} card writes/s, p50 ${one.p50} ms, p95 ${one.p95} ms`,
	);
	console.log(`ratio one-tenant writes / baseline: ${(one.rate / floor.rate).toFixed(2)}`);

	const many = [];
	for (let i = 0; i < 10; i++) many.push(await makeTenant(base, vars.ADMIN_TOKEN, `load-many-${i}`));
	const ten = await measureWrites(many);
	console.log(
		`ten tenants at once, ${CONCURRENCY} writers each: ${ten.rate.toFixed(0)} card writes/s, p50 ${ten.p50} ms, p95 ${ten.p95} ms`,
	);
	console.log(
		`ratio ten tenants / one tenant: ${(ten.rate / one.rate).toFixed(2)} (locally all objects share one workerd process and 2 cores)`,
	);
} finally {
	stopWrangler(child);
}

try {
	// Same writes with metering on and off, two rounds each, alternated.
	const metering = await meteringRatio({
		port: PORT + 1,
		persistTo: state,
		adminToken: vars.ADMIN_TOKEN,
		rounds: 2,
		measure: (tenant) => measureWrites([tenant]),
	});
	console.log(
		`metering on: ${metering.on.toFixed(0)} card writes/s, off: ${metering.off.toFixed(0)} writes/s, ratio on/off ${metering.ratio.toFixed(3)} (goal ≥ 0.97)`,
	);
} finally {
	rmSync(state, { recursive: true, force: true });
}

/** Member A creates cards one at a time; we time each until member B's socket shows it. */
async function measureLatency(t) {
	const a = await t.socket();
	const b = await t.socket();
	const samples = [];
	for (let i = 0; i < OPS; i++) {
		const opId = `lat-${i}-${crypto.randomUUID()}`;
		const seen = b.waitFor((m) => m.type === "event" && m.event.opId === opId);
		const started = performance.now();
		a.send({ type: "op", opId, op: { type: "card.create", boardId: t.boardId, listId: t.listId, title: `Card ${i}` } });
		await seen;
		samples.push(performance.now() - started);
	}
	a.close();
	b.close();
	return percentiles(samples);
}

/** Every tenant gets CONCURRENCY writers creating cards over HTTP for SECONDS. */
function measureWrites(tenants) {
	return measure(tenants, (t) => t.post(`/boards/${t.boardId}/cards`, { listId: t.listId, title: "Load" }));
}

/** Runs CONCURRENCY loops of `request` per target for SECONDS; every response must be a success. */
async function measure(targets, request) {
	const samples = [];
	const until = Date.now() + SECONDS * 1000;
	const loop = async (target) => {
		while (Date.now() < until) {
			const started = performance.now();
			const res = await request(target);
			if (!res.ok) throw new Error(`request failed: ${res.status} ${await res.text()}`);
			await res.arrayBuffer();
			samples.push(performance.now() - started);
		}
	};
	await Promise.all(targets.flatMap((t) => Array.from({ length: CONCURRENCY }, () => loop(t))));
	return { rate: samples.length / SECONDS, ...percentiles(samples) };
}
