// The local stacks a run measures, each its own `wrangler dev` on 127.0.0.1 with throwaway state:
// the app in the Durable Object design (port P), the app in the D1 design (P+1), and the bare
// baseline (P+2). A stack can be restarted on its state, which is how a tenant's object is made
// cold and how metering is switched off and on.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startWrangler, stopWrangler } from "../../scripts/local.mjs";
import { note } from "./progress.mjs";

const BASELINE_CONFIG = fileURLToPath(new URL("./baseline/wrangler.jsonc", import.meta.url));
/**
 * Every app stack runs with production's usage store (metering costs what it costs there; the
 * local recorder would add more) and without rate limits (the suite measures how much a tenant
 * can do, not where its plan stops it).
 */
const APP_VARS = ["--var", "USAGE_STORE:analytics-engine", "--var", "RATE_LIMITS:off"];

/**
 * Starts the stacks named in `names` ("do", "d1", "baseline") one after the other (two wranglers
 * starting at the same moment can pick the same free port for an internal socket), adding each
 * to `stacks` as soon as it is up, so the caller can stop those that started if a later one fails.
 */
export async function startStacks({ port, names, stateDir, stacks }) {
	const offsets = { do: 0, d1: 1, baseline: 2 };
	for (const name of names) stacks[name] = await startStack(name, port + offsets[name], join(stateDir, name));
	return stacks;
}

async function startStack(name, port, persistTo, extraArgs = []) {
	mkdirSync(persistTo, { recursive: true });
	const started = performance.now();
	const args = name === "baseline" ? ["--config", BASELINE_CONFIG] : [...APP_VARS, ...extraArgs];
	const variant = name === "d1" ? "d1" : "do";
	const { child, base } = await startWrangler({ port, persistTo, variant, extraArgs: args, stdio: "pipe" });
	note(`${label(name)} is up on ${base} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
	const stack = {
		name,
		port,
		base,
		child,
		/** Stops wrangler and starts it again on the same state; `extraArgs` replace the last ones. */
		async restart(nextArgs = []) {
			await stop(stack.child);
			const again = await startStack(name, port, persistTo, nextArgs);
			stack.child = again.child;
		},
		stop: () => stop(stack.child),
	};
	return stack;
}

/** Stops wrangler's process group and waits for it to be gone (then its port is free again). */
async function stop(child) {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((resolve) => child.once("exit", resolve));
	stopWrangler(child);
	const timeout = new Promise((resolve) => setTimeout(() => resolve("timeout"), 10_000));
	if ((await Promise.race([exited, timeout])) === "timeout") {
		try {
			process.kill(-child.pid, "SIGKILL");
		} catch {}
		await exited;
	}
}

export function label(name) {
	return { do: "Durable Object design", d1: "D1 design", baseline: "bare baseline" }[name] ?? name;
}
