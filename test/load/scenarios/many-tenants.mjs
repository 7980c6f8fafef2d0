// 4. Many tenants: the same clients spread over many tenants at once, 80% board reads and 20%
// card writes, each request to a tenant picked at random; against bare objects doing the same
// mix of one-row reads and inserts.
import { fillBoard, makeTenant } from "../tenants.mjs";

const WRITE_SHARE = 0.2;

export default {
	id: "many-tenants",
	title: "Many tenants",
	about:
		"Every request goes to a tenant picked at random: 80% read its 10-card board, 20% add a card to it. Locally every tenant shares one workerd process and two cores, so this shows the per-tenant overhead; in production each object can sit on another machine.",

	async run(ctx) {
		const { opts } = ctx;
		const measurements = [];
		const mix = () => Math.random() < WRITE_SHARE;
		let bare;
		if (ctx.baseline) {
			bare = await ctx.measureHttp(`baseline: ${opts.tenants} bare objects, mixed`, {
				origin: ctx.baseline.base,
				next: () => {
					const object = `tenant-${Math.floor(Math.random() * opts.tenants)}`;
					return mix()
						? { method: "POST", path: `/insert?object=${object}`, body: '{"title":"card"}' }
						: { path: `/read?object=${object}` };
				},
			});
			measurements.push({ key: "mixed", label: `${opts.tenants} tenants, mixed`, variant: "baseline", ...bare });
		}
		for (const target of ctx.targets) {
			const setup = ctx.step(`${target.variant}: creating ${opts.tenants} tenants`);
			const tenants = [];
			for (let i = 0; i < opts.tenants; i += 4) {
				const batch = await Promise.all(
					Array.from({ length: Math.min(4, opts.tenants - i) }, () => makeTenant(target.base, ctx.adminToken, "many")),
				);
				for (const t of batch) await fillBoard(t, t.boardId, t.listIds, 10);
				tenants.push(...batch);
				setup.add(batch.length);
			}
			setup.done();
			const result = await ctx.measureHttp(`${target.variant}: ${opts.tenants} tenants, mixed`, {
				origin: target.base,
				next: (worker, i) => {
					const t = tenants[Math.floor(Math.random() * tenants.length)];
					if (!mix()) return { path: `/api/t/${t.slug}/boards/${t.boardId}`, headers: t.headers };
					const listId = t.listIds[worker % t.listIds.length];
					const body = JSON.stringify({ listId, title: `Mixed ${worker}-${i}` });
					return { method: "POST", path: `/api/t/${t.slug}/boards/${t.boardId}/cards`, headers: t.headers, body };
				},
			});
			if (bare) result.ratio = { value: result.rate / bare.rate, to: "bare objects, same mix", of: "throughput" };
			measurements.push({ key: "mixed", label: `${opts.tenants} tenants, mixed`, variant: target.variant, ...result });
		}
		return { measurements };
	},
};
