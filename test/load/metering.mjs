// What metering costs: the same write scenario against a stack with metering on (the ledger and
// one Analytics Engine point per event, as in production) and one with it off, alternated so
// drift on a shared laptop falls on both sides. Reported as a ratio: on / off.
import { startWrangler, stopWrangler } from "../../scripts/local.mjs";
import { makeTenant } from "./tenants.mjs";

/** Runs `measure(tenant)` on each configuration `rounds` times; returns the mean rate of each. */
export async function meteringRatio({ port, persistTo, adminToken, rounds, measure }) {
	const rates = { on: [], off: [] };
	for (let round = 0; round < rounds; round++) {
		for (const metering of ["on", "off"]) {
			// Production's store (Analytics Engine), not the local recorder: that is what metering costs there.
			const extraArgs = [
				"--var",
				`METERING:${metering}`,
				"--var",
				"USAGE_STORE:analytics-engine",
				"--var",
				"RATE_LIMITS:off",
			];
			const { child, base } = await startWrangler({ port, persistTo, stdio: "pipe", extraArgs });
			try {
				const tenant = await makeTenant(base, adminToken, `load-metering-${metering}-${round}`);
				rates[metering].push((await measure(tenant)).rate);
			} finally {
				stopWrangler(child);
				await new Promise((resolve) => setTimeout(resolve, 500));
			}
		}
	}
	const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;
	return { on: mean(rates.on), off: mean(rates.off), ratio: mean(rates.on) / mean(rates.off) };
}
