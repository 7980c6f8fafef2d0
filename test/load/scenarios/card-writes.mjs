// 2. Card writes: POST a card, acknowledged only after its transaction (card, event, operation
// id, usage ledger) committed, against the bare object's one-row insert.
import { makeTenant, perRequest, usageTotals } from "../tenants.mjs";

export default {
	id: "card-writes",
	title: "Card writes",
	about:
		"POST /api/t/:slug/boards/:id/cards from concurrent clients, each on its own list (in the D1 design, writers on one list would also measure position conflicts and their retries). Throughput is committed writes per second.",

	async run(ctx) {
		const measurements = [];
		const bare = ctx.baseline && (await bareInsert(ctx));
		if (bare) measurements.push(bare);
		for (const target of ctx.targets) {
			const write = await measureCardWrites(ctx, target.base, `${target.variant}: card writes`);
			if (bare) write.ratio = { value: write.rate / bare.rate, to: "bare object insert", of: "throughput" };
			measurements.push({ key: "write", label: "Card write", variant: target.variant, ...write });
		}
		return { measurements };
	},
};

/** Card writes on a fresh tenant, one list per concurrent writer. Shared with the metering scenario. */
export async function measureCardWrites(ctx, base, stepLabel) {
	const tenant = await makeTenant(base, ctx.adminToken, "writes");
	const lists = [...tenant.listIds];
	while (lists.length < ctx.opts.concurrency)
		lists.push((await tenant.json("POST", `/boards/${tenant.boardId}/lists`, { title: `Writer ${lists.length}` })).id);
	const body = (listId, i) => JSON.stringify({ listId, title: `Load card ${i}` });
	const before = await usageTotals(base, ctx.adminToken, tenant.slug);
	const result = await ctx.measureHttp(stepLabel, {
		origin: base,
		next: (worker, i) => ({
			method: "POST",
			path: `/api/t/${tenant.slug}/boards/${tenant.boardId}/cards`,
			headers: tenant.headers,
			body: body(lists[worker], i),
		}),
	});
	const after = await usageTotals(base, ctx.adminToken, tenant.slug);
	return { ...result, cost: perRequest(before, after, result.requests) };
}

async function bareInsert(ctx) {
	const result = await ctx.measureHttp("baseline: bare object insert", {
		origin: ctx.baseline.base,
		next: (worker, i) => ({
			method: "POST",
			path: "/insert?object=writes",
			body: `{"title":"Load card ${worker}-${i}"}`,
		}),
	});
	return { key: "bare-insert", label: "Bare object insert (one row)", variant: "baseline", ...result };
}
