// 8. Metering on against metering off: the card-write scenario on a stack restarted with
// `--var METERING:off` and on (production's Analytics Engine store, not the local recorder),
// alternated over rounds so drift on a shared machine falls on both sides. What it measures is
// the ledger's statements in every write's transaction plus the meter's bookkeeping.
import { round } from "../http-load.mjs";
import { measureCardWrites } from "./card-writes.mjs";

export default {
	id: "metering",
	title: "Metering on and off",
	about:
		"The card-write scenario with METERING on, then the same stack restarted with it off, alternated over rounds (on, off, then off, on, …). The ratio is the mean write throughput with metering over without.",

	async run(ctx) {
		if (ctx.remote)
			return { measurements: [], notes: ["Skipped against a deployed instance: metering cannot be switched there."] };
		const rounds = ctx.opts.smoke ? 1 : 2;
		const measurements = [];
		for (const target of ctx.targets) {
			const runs = { on: [], off: [] };
			// The stack runs with metering on when this starts; it restarts only when the setting changes.
			let current = "on";
			for (let r = 0; r < rounds; r++) {
				for (const metering of r % 2 === 0 ? ["on", "off"] : ["off", "on"]) {
					if (metering !== current) await target.stack.restart(["--var", `METERING:${metering}`]);
					current = metering;
					runs[metering].push(
						await measureCardWrites(
							ctx,
							target.base,
							`${target.variant}: writes, metering ${metering} (round ${r + 1})`,
						),
					);
				}
			}
			// Metering runs last, so the stack is left as it is.
			/** One configuration: its last round's figures, with the rate the mean over all rounds. */
			const summary = (metering) => {
				const rounds = runs[metering].map((x) => x.rate);
				const rate = round(rounds.reduce((sum, x) => sum + x, 0) / rounds.length);
				const label = `Card writes, metering ${metering}`;
				return { key: metering, label, variant: target.variant, ...runs[metering].at(-1), rate, rounds };
			};
			const off = summary("off");
			const on = summary("on");
			measurements.push(off, { ...on, ratio: { value: on.rate / off.rate, to: "metering off", of: "throughput" } });
		}
		return { measurements };
	},
};
