// 1. Board reads: the real, authenticated board payload (lists, cards with their counts, members)
// for a 10-card board and a big one, against the bare object's one-row read.
import { fillBoard, makeTenant, perRequest, usageTotals } from "../tenants.mjs";

export default {
	id: "board-reads",
	title: "Board reads",
	about:
		"GET /api/t/:slug/boards/:id with a session token, as the board page does: the board, its lists, every live card with its comment and attachment counts, and the members. Closed loop; throughput is successful reads per second.",

	async run(ctx) {
		const { opts } = ctx;
		const measurements = [];
		const bare = ctx.baseline && (await bareRead(ctx));
		if (bare) measurements.push(bare);
		for (const target of ctx.targets) {
			const setup = ctx.step(`${target.variant}: setting up a 10-card and a ${opts.cards}-card board`);
			const tenant = await makeTenant(target.base, ctx.adminToken, "reads");
			const small = await tenant.json("POST", "/boards", { title: "Ten cards" });
			const smallLists = (await tenant.json("GET", `/boards/${small.id}`)).lists.map((l) => l.id);
			await fillBoard(tenant, small.id, smallLists, 10, setup);
			// Ten lists on the big board, filled ten at a time: a board that size has more than three.
			const bigLists = [...tenant.listIds];
			while (bigLists.length < 10)
				bigLists.push(
					(await tenant.json("POST", `/boards/${tenant.boardId}/lists`, { title: `List ${bigLists.length}` })).id,
				);
			await fillBoard(tenant, tenant.boardId, bigLists, opts.cards, setup);
			setup.done();
			const read = async (boardId, label, key) => {
				const before = await usageTotals(target.base, ctx.adminToken, tenant.slug);
				const result = await ctx.measureHttp(`${target.variant}: ${label}`, {
					origin: target.base,
					next: () => ({ path: `/api/t/${tenant.slug}/boards/${boardId}`, headers: tenant.headers }),
				});
				const after = await usageTotals(target.base, ctx.adminToken, tenant.slug);
				return { key, label, variant: target.variant, ...result, cost: perRequest(before, after, result.requests) };
			};
			const ten = await read(small.id, "Board read, 10 cards", "read-10");
			const big = await read(tenant.boardId, `Board read, ${opts.cards} cards`, "read-big");
			ten.bytes = (await (await tenant.call("GET", `/boards/${small.id}`)).arrayBuffer()).byteLength;
			big.bytes = (await (await tenant.call("GET", `/boards/${tenant.boardId}`)).arrayBuffer()).byteLength;
			if (bare) ten.ratio = { value: ten.rate / bare.rate, to: "bare object read", of: "throughput" };
			big.cards = opts.cards;
			big.ratio = { value: big.rate / ten.rate, to: "10-card board read", of: "throughput" };
			measurements.push(ten, big);
		}
		return { measurements };
	},
};

/** The bare object reads its one row: the least a read through a Worker and an object can cost. */
async function bareRead(ctx) {
	const { base } = ctx.baseline;
	await fetch(`${base}/insert?object=reads`, { method: "POST", body: "a row like a small card" });
	const result = await ctx.measureHttp("baseline: bare object read", {
		origin: base,
		next: () => ({ path: "/read?object=reads" }),
	});
	return { key: "bare-read", label: "Bare object read (one row)", variant: "baseline", ...result };
}
