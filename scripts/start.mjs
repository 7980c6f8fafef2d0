// `npm start`: build the client, run the whole system under `wrangler dev` with persisted local
// state, seed the demo tenant on first run, and say where to go. `npm start -- --variant d1` runs
// the same product on one shared D1 database instead of a Durable Object per tenant.
import { execSync } from "node:child_process";
import { parseArgs } from "node:util";
import { DEMO, ensureDevVars, seedDemo, startWrangler, stopWrangler } from "./local.mjs";

const { values } = parseArgs({ options: { variant: { type: "string", default: "do" } } });
const variant = values.variant;
if (variant !== "do" && variant !== "d1") {
	console.error(`--variant is "do" (a Durable Object per tenant) or "d1" (one shared D1 database), not "${variant}".`);
	process.exit(2);
}
const port = Number(process.env.PORT ?? 8787);
const vars = ensureDevVars();

console.log("Building the client…");
execSync("npx vite build --config client/vite.config.ts --logLevel warn", { stdio: "inherit" });

console.log(
	`Starting wrangler dev on port ${port} (${variant === "d1" ? "the D1 design" : "a Durable Object per tenant"})…`,
);
const { child } = await startWrangler({ port, variant });
for (const signal of ["SIGINT", "SIGTERM"]) {
	process.on(signal, () => {
		stopWrangler(child);
		process.exit(0);
	});
}
child.on("exit", (code) => process.exit(code ?? 0));

const seeded = await seedDemo(`http://127.0.0.1:${port}`, vars.ADMIN_TOKEN);
const url = `http://localhost:${port}`;
console.log(`
  Boardroom (${variant === "d1" ? "D1 variant" : "Durable Object variant"}) is running at ${url}
  ${seeded ? "Seeded" : "Found"} the demo tenant: ${url}/t/${DEMO.slug}
${DEMO.members.map((m) => `    ${m.email.padEnd(18)} ${DEMO.password}   (${m.role})`).join("\n")}
  Operator console: ${url}/admin — the admin token is ADMIN_TOKEN in .dev.vars
  Press Ctrl+C to stop. Local state persists in .wrangler/state.
`);
