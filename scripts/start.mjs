// `npm start`: build the client, run the whole system under `wrangler dev` with persisted local
// state, seed the demo tenant on first run, and say where to go.
import { execSync } from "node:child_process";
import { DEMO, ensureDevVars, seedDemo, startWrangler, stopWrangler } from "./local.mjs";

const port = Number(process.env.PORT ?? 8787);
const vars = ensureDevVars();

console.log("Building the client…");
execSync("npx vite build --config client/vite.config.ts --logLevel warn", { stdio: "inherit" });

console.log(`Starting wrangler dev on port ${port}…`);
const { child } = await startWrangler({ port });
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
  Boardroom is running at ${url}
  ${seeded ? "Seeded" : "Found"} the demo tenant: ${url}/t/${DEMO.slug}
${DEMO.members.map((m) => `    ${m.email.padEnd(18)} ${DEMO.password}   (${m.role})`).join("\n")}
  Operator console: ${url}/admin — the admin token is ADMIN_TOKEN in .dev.vars
  Press Ctrl+C to stop. Local state persists in .wrangler/state.
`);
