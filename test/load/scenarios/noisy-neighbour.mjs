// 5. Noisy neighbour: a few quiet tenants read their boards at a gentle pace, first alone, then
// while one tenant is driven to saturation. The figure is the quiet tenants' p99 with the
// neighbour against their p99 alone; the bare objects show what the platform itself does.
import { makeTenant } from "../tenants.mjs";

const QUIET_TENANTS = 4;
const QUIET_PAUSE_MS = 20;

export default {
	id: "noisy-neighbour",
	title: "Noisy neighbour",
	about: `${QUIET_TENANTS} quiet tenants each read their board every ${QUIET_PAUSE_MS} ms; then one more tenant takes card writes and reads from as many clients as the run's concurrency. Locally they all share two cores, so some slowdown is the machine's: compare with the bare objects' own ratio.`,

	async run(ctx) {
		const measurements = [];
		if (ctx.baseline) {
			const base = ctx.baseline.base;
			const quiet = (w) => ({ path: `/read?object=quiet-${w}` });
			const noisy = (w, i) =>
				i % 2 ? { path: "/read?object=noisy" } : { method: "POST", path: "/insert?object=noisy", body: `{"n":${w}}` };
			for (let w = 0; w < QUIET_TENANTS; w++)
				await fetch(`${base}/insert?object=quiet-${w}`, { method: "POST", body: "row" });
			measurements.push(...(await compare(ctx, "baseline", base, quiet, noisy)));
		}
		for (const target of ctx.targets) {
			const quietTenants = await Promise.all(
				Array.from({ length: QUIET_TENANTS }, () => makeTenant(target.base, ctx.adminToken, "quiet")),
			);
			const loud = await makeTenant(target.base, ctx.adminToken, "noisy");
			const quiet = (w) => {
				const t = quietTenants[w];
				return { path: `/api/t/${t.slug}/boards/${t.boardId}`, headers: t.headers };
			};
			const noisy = (w, i) =>
				i % 2
					? { path: `/api/t/${loud.slug}/boards/${loud.boardId}`, headers: loud.headers }
					: {
							method: "POST",
							path: `/api/t/${loud.slug}/boards/${loud.boardId}/cards`,
							headers: loud.headers,
							body: JSON.stringify({ listId: loud.listIds[w % loud.listIds.length], title: `Noise ${w}-${i}` }),
						};
			measurements.push(...(await compare(ctx, target.variant, target.base, quiet, noisy)));
		}
		const bare = measurements.find((m) => m.variant === "baseline" && m.key === "quiet-noisy");
		for (const m of measurements)
			if (m.key === "quiet-noisy" && m.variant !== "baseline" && bare)
				m.ratio2 = { value: m.slowdown / bare.slowdown, to: "the bare objects' slowdown", of: "latency" };
		return { measurements };
	},
};

async function compare(ctx, variant, origin, quiet, noisy) {
	const quietLoad = (label) =>
		ctx.measureHttp(`${variant}: ${label}`, {
			origin,
			concurrency: QUIET_TENANTS,
			pauseMs: QUIET_PAUSE_MS,
			next: (w) => quiet(w),
		});
	const alone = await quietLoad("quiet tenants alone");
	const [withNoise, neighbour] = await Promise.all([
		quietLoad("quiet tenants beside a saturated one"),
		ctx.measureHttp(`${variant}: the saturated tenant`, { origin, next: noisy }),
	]);
	const slowdown = withNoise.latency.p99 / alone.latency.p99;
	return [
		{ key: "quiet-alone", label: "Quiet tenants alone", variant, ...alone },
		{
			key: "quiet-noisy",
			label: "Quiet tenants beside a saturated one",
			variant,
			...withNoise,
			slowdown,
			ratio: { value: slowdown, to: "their p99 alone", of: "latency" },
		},
		{ key: "noisy", label: "The saturated tenant", variant, ...neighbour },
	];
}
