// 6. Cold tenant: the first request to a tenant whose object is not running. The stack is
// restarted on its state, the Worker is woken with /api/health, and then each tenant's first
// board read (its object starts, checks its schema, reads who it is) is timed against the reads
// that follow. In the D1 design no object stands between the Worker and the data, so "cold"
// there is the first query for the tenant after a restart.
import { latencyHistogram } from "../histogram.mjs";
import { round } from "../http-load.mjs";
import { fillBoard, makeTenant } from "../tenants.mjs";

const WARM_READS = 5;

export default {
	id: "cold-tenant",
	title: "Cold tenant",
	about:
		"After a restart (so no tenant's object is in memory) and one request to wake the Worker itself, each tenant's first authenticated board read against the median of its next reads. The bare twin is an object's first one-row read.",

	async run(ctx) {
		if (ctx.remote)
			return {
				measurements: [],
				notes: ["Skipped against a deployed instance: its objects cannot be stopped from outside."],
			};
		const count = ctx.opts.smoke ? 3 : 10;
		const measurements = [];
		let bare;
		if (ctx.baseline) {
			const { base, stack } = ctx.baseline;
			const names = Array.from({ length: count }, (_, i) => `cold-${Date.now().toString(36)}-${i}`);
			for (const name of names) await fetch(`${base}/insert?object=${name}`, { method: "POST", body: "row" });
			bare = await firstAndWarm(
				ctx,
				"baseline",
				stack,
				names.map((name) => ({ url: `${base}/read?object=${name}` })),
			);
			measurements.push({ key: "cold", label: "First request to a cold object", variant: "baseline", ...bare });
		}
		for (const target of ctx.targets) {
			const tenants = [];
			for (let i = 0; i < count; i++) {
				const t = await makeTenant(target.base, ctx.adminToken, "cold");
				await fillBoard(t, t.boardId, t.listIds, 10);
				tenants.push({ url: `${target.base}/api/t/${t.slug}/boards/${t.boardId}`, headers: t.headers });
			}
			const result = await firstAndWarm(ctx, target.variant, target.stack, tenants);
			measurements.push({ key: "cold", label: "First request to a cold tenant", variant: target.variant, ...result });
		}
		return { measurements };
	},
};

async function firstAndWarm(ctx, variant, stack, requests) {
	const step = ctx.step(`${variant}: restarting, then ${requests.length} cold tenants`);
	await stack.restart();
	await fetch(`${stack.base}/api/health`);
	const cold = latencyHistogram();
	const warm = latencyHistogram();
	const extra = [];
	let errors = 0;
	for (const { url, headers } of requests) {
		const timed = async () => {
			const started = performance.now();
			const res = await fetch(url, { headers });
			await res.arrayBuffer();
			if (res.status !== 200) errors += 1;
			step.request(res.status === 200);
			return performance.now() - started;
		};
		const first = await timed();
		const next = [];
		for (let i = 0; i < WARM_READS; i++) next.push(await timed());
		const median = next.sort((a, b) => a - b)[Math.floor(next.length / 2)];
		cold.record(first);
		for (const ms of next) warm.record(ms);
		extra.push(first - median);
	}
	step.done();
	const coldSummary = cold.summary();
	const warmSummary = warm.summary();
	return {
		tenants: requests.length,
		errors,
		latency: coldSummary,
		warm: warmSummary,
		extraMs: round(coldSummary.p50 - warmSummary.p50, 2),
		extraMaxMs: round(Math.max(...extra), 2),
	};
}
