// `npm run load` options. Every one has a default; `--smoke` shrinks durations and sizes so the
// whole suite runs in a few minutes (CI runs it to prove the suite still works, not to judge).
import { parseArgs } from "node:util";

export const SCENARIO_IDS = [
	"board-reads",
	"card-writes",
	"fan-out",
	"many-tenants",
	"noisy-neighbour",
	"attachments",
	"cold-tenant",
	"metering",
];

const HELP = `npm run load -- [options]

  --smoke                 short run: a few seconds per scenario, small sizes (what CI runs)
  --scenarios a,b         only these (${SCENARIO_IDS.join(", ")})
  --variant do|d1|both    which design(s) to measure (default both)
  --seconds N             length of each measurement (default 10, smoke 2)
  --concurrency N         HTTP clients in flight per measurement (default 16, smoke 8)
  --members 50,200,1000   board sizes for the live fan-out (smoke 10,30)
  --tenants N             tenants in the many-tenants scenario (default 100, smoke 5)
  --cards N               cards on the big board (default 3000, smoke 200)
  --file-mb N             attachment size in MiB (default 256, smoke 16)
  --out DIR               where the report goes (default load-report)
  --port N                first local port (default LOAD_PORT or 8797; uses N, N+1, N+2)
  --base URL              measure a deployed instance instead of local stacks
  --admin-token TOKEN     its admin token (or ADMIN_TOKEN); everything created is deleted after
`;

export function readOptions(argv = process.argv.slice(2)) {
	const { values } = parseArgs({
		args: argv,
		options: {
			smoke: { type: "boolean", default: false },
			scenarios: { type: "string" },
			variant: { type: "string", default: "both" },
			seconds: { type: "string" },
			concurrency: { type: "string" },
			members: { type: "string" },
			tenants: { type: "string" },
			cards: { type: "string" },
			"file-mb": { type: "string" },
			out: { type: "string", default: "load-report" },
			port: { type: "string", default: process.env.LOAD_PORT ?? "8797" },
			base: { type: "string" },
			"admin-token": { type: "string", default: process.env.ADMIN_TOKEN },
			help: { type: "boolean", default: false },
		},
	});
	if (values.help) {
		console.log(HELP);
		process.exit(0);
	}
	const smoke = values.smoke;
	const number = (value, full, short) => {
		const n = Number(value ?? (smoke ? short : full));
		if (!Number.isFinite(n) || n <= 0) throw new Error(`Expected a positive number, got ${value}.\n\n${HELP}`);
		return n;
	};
	const scenarios = values.scenarios ? values.scenarios.split(",").map((s) => s.trim()) : SCENARIO_IDS;
	for (const id of scenarios) if (!SCENARIO_IDS.includes(id)) throw new Error(`Unknown scenario "${id}".\n\n${HELP}`);
	if (!["do", "d1", "both"].includes(values.variant)) throw new Error(`--variant is do, d1 or both.\n\n${HELP}`);
	if (values.base && !values["admin-token"]) throw new Error("--base needs --admin-token (or ADMIN_TOKEN).");
	return {
		smoke,
		// Always in the canonical order: the scenarios that restart stacks (cold, metering) come last.
		scenarios: SCENARIO_IDS.filter((id) => scenarios.includes(id)),
		variants: values.variant === "both" ? ["do", "d1"] : [values.variant],
		seconds: number(values.seconds, 10, 2),
		concurrency: Math.min(256, number(values.concurrency, 16, 8)),
		members: (values.members ?? (smoke ? "10,30" : "50,200,1000")).split(",").map((n) => Math.min(5000, Number(n))),
		tenants: Math.min(1000, number(values.tenants, 100, 5)),
		cards: Math.min(20_000, number(values.cards, 3000, 200)),
		fileMb: Math.min(4096, number(values["file-mb"], 256, 16)),
		out: values.out,
		port: Number(values.port),
		base: values.base?.replace(/\/$/, ""),
		adminToken: values["admin-token"],
	};
}
