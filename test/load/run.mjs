// `npm run load`: starts the local stacks (the Durable Object design, the D1 design and the bare
// baseline, each under its own `wrangler dev` on 127.0.0.1 with throwaway state), runs the
// scenarios against both designs with live progress, and writes load-report/index.html and
// load-report/report.json. `--base` measures a deployed instance instead, and deletes every
// tenant it created. Exits non-zero only when the suite itself broke, never for a missed goal.
import { execSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { ensureDevVars } from "../../scripts/local.mjs";
import { closedLoop } from "./http-load.mjs";
import { readOptions } from "./options.mjs";
import { beginStep, note } from "./progress.mjs";
import { writeReport } from "./report/write-report.mjs";
import { label, startStacks } from "./stacks.mjs";
import { deleteCreatedTenants } from "./tenants.mjs";

const opts = readOptions();
const started = new Date();
const remote = Boolean(opts.base);
const adminToken = remote ? opts.adminToken : ensureDevVars().ADMIN_TOKEN;
const stateDir = remote ? undefined : mkdtempSync(join(tmpdir(), "boardroom-load-"));
const stacks = {};
let stopping = false;

async function shutDown() {
	if (stopping) return;
	stopping = true;
	await Promise.all(Object.values(stacks).map((s) => s.stop()));
	if (stateDir) rmSync(stateDir, { recursive: true, force: true });
}
for (const signal of ["SIGINT", "SIGTERM"])
	process.on(signal, () => {
		note(`${signal}: stopping the stacks`);
		void shutDown().then(() => process.exit(130));
	});

const results = {};
let broken = false;
try {
	const { targets, baseline } = remote ? await remoteTarget() : await localTargets();
	for (const id of opts.scenarios) {
		const scenario = (await import(`./scenarios/${id}.mjs`)).default;
		console.log(`\n${scenario.title} (${id})`);
		const began = performance.now();
		const ctx = {
			opts,
			remote,
			targets,
			baseline,
			adminToken,
			step: (name) => beginStep(id, name),
			measureHttp: (name, load) => measureHttp(id, name, load),
		};
		try {
			const outcome = await scenario.run(ctx);
			results[id] = {
				title: scenario.title,
				about: scenario.about,
				...outcome,
				seconds: Math.round((performance.now() - began) / 100) / 10,
			};
		} catch (error) {
			broken = true;
			console.error(`  ✗ ${id} broke:`, error);
			results[id] = { error: String(error?.stack ?? error), measurements: [] };
		}
	}
} catch (error) {
	broken = true;
	console.error("The load suite could not start:", error);
} finally {
	if (remote) note(`deleted ${await deleteCreatedTenants(opts.base, adminToken)} tenants this run created`);
	await shutDown();
}

const report = {
	startedAt: started.toISOString(),
	finishedAt: new Date().toISOString(),
	mode: opts.smoke ? "smoke" : "full",
	target: remote ? opts.base : "local (wrangler dev on 127.0.0.1)",
	options: { ...opts, adminToken: undefined },
	machine: {
		cpus: cpus().length,
		cpuModel: cpus()[0]?.model,
		memoryGB: Math.round(totalmem() / 2 ** 30),
		node: process.version,
	},
	scenarios: results,
};
const where = writeReport(report, opts.out);
note(`report: ${where.html} and ${where.json}`);
note(
	`${report.goals.filter((g) => g.met === true).length} goals met, ${report.goals.filter((g) => g.met === false).length} missed (benchmarks: they do not fail the run)`,
);
process.exit(broken ? 1 : 0);

async function localTargets() {
	const names = [...opts.variants, "baseline"];
	note(`starting ${names.map(label).join(", ")} on ports ${opts.port}…${opts.port + 2}`);
	// The app's Worker serves the built client as static assets; build it once if it is missing.
	if (!existsSync("client/dist/index.html")) {
		note("building the client first (client/dist is missing)");
		execSync("npx vite build --config client/vite.config.ts --logLevel warn", { stdio: "inherit" });
	}
	await startStacks({ port: opts.port, names, stateDir, stacks });
	const targets = opts.variants.map((variant) => ({
		variant,
		base: stacks[variant].base,
		port: stacks[variant].port,
		stack: stacks[variant],
	}));
	return { targets, baseline: { base: stacks.baseline.base, port: stacks.baseline.port, stack: stacks.baseline } };
}

/** A deployed instance: its /api/health says which design it runs. There is no baseline to divide by. */
async function remoteTarget() {
	const health = await (await fetch(`${opts.base}/api/health`)).json();
	note(`measuring ${opts.base} (${label(health.variant)}); no bare baseline there, so no ratios`);
	return { targets: [{ variant: health.variant, base: opts.base }], baseline: null };
}

async function measureHttp(scenario, name, load) {
	const step = beginStep(scenario, name);
	const result = await closedLoop({ concurrency: opts.concurrency, seconds: opts.seconds, ...load, step });
	step.done(
		`${result.rate} req/s, p99 ${result.latency.p99} ms${result.firstError ? `, first error: ${result.firstError}` : ""}`,
	);
	return result;
}
