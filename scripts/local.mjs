// Local-run helpers shared by `npm start` and the end-to-end tests: secrets in .dev.vars,
// starting `wrangler dev`, waiting for it, and seeding the demo tenant.
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";

export const DEMO = {
	slug: "acme",
	name: "Acme Inc.",
	password: "boardroom-demo",
	members: [
		{ email: "alice@acme.test", name: "Alice", role: "owner" },
		{ email: "bob@acme.test", name: "Bob", role: "member" },
	],
};

/** Reads .dev.vars, writing it with fresh random secrets on first run. */
export function ensureDevVars(path = ".dev.vars") {
	if (!existsSync(path)) {
		const secret = () => randomBytes(32).toString("base64url");
		writeFileSync(
			path,
			`# Local secrets, written by npm start. Never commit this file.\nADMIN_TOKEN=${secret()}\nSESSION_SECRET=${secret()}\n`,
			{ mode: 0o600 },
		);
	}
	// Local runs keep every usage data point (wrangler drops Analytics Engine writes): see objects/usage.
	if (!/^USAGE_STORE=/m.test(readFileSync(path, "utf8"))) appendFileSync(path, "USAGE_STORE=local\n");
	const vars = {};
	for (const line of readFileSync(path, "utf8").split("\n")) {
		const match = line.match(/^([A-Z_]+)=(.*)$/);
		if (match) vars[match[1]] = match[2];
	}
	return vars;
}

/** Local runs need no network and no prompts: no telemetry, no fetch of Cloudflare's request.cf sample. */
const QUIET = { WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", NO_UPDATE_NOTIFIER: "1" };

/**
 * Starts `wrangler dev` without prompts or telemetry; resolves once /api/health answers. With
 * `variant: "d1"` it runs the D1 design (`--env d1`), after applying the D1 migrations to the
 * local database.
 */
export async function startWrangler({ port, persistTo, variant = "do", extraArgs = [], stdio = "inherit" }) {
	const args = ["wrangler", "dev", "--port", String(port), "--ip", "127.0.0.1", "--show-interactive-dev-session=false"];
	if (persistTo) args.push("--persist-to", persistTo);
	if (variant === "d1") {
		applyD1Migrations(persistTo, stdio);
		args.push("--env", "d1");
	}
	const child = spawn("npx", [...args, ...extraArgs], {
		stdio: stdio === "inherit" ? ["ignore", "inherit", "inherit"] : ["ignore", "pipe", "pipe"],
		env: { ...process.env, ...QUIET },
		detached: process.platform !== "win32",
	});
	// The tail of what it printed, for the error message if it fails to start (every request
	// writes a log line, so under load keeping all of it would grow without bound).
	let output = "";
	const keep = (d) => (output = (output + d).slice(-64_000));
	child.stdout?.on("data", keep);
	child.stderr?.on("data", keep);
	const base = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 90_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}\n${output}`);
		try {
			if ((await fetch(`${base}/api/health`)).ok) return { child, base, output: () => output };
		} catch {}
		await new Promise((r) => setTimeout(r, 250));
	}
	stopWrangler(child);
	throw new Error(`wrangler dev did not answer within 90 s\n${output}`);
}

/** `wrangler d1 migrations apply` on the local database (applied ones are skipped; CI=true: no prompt). */
function applyD1Migrations(persistTo, stdio) {
	const args = ["wrangler", "d1", "migrations", "apply", "DB", "--local", "--env", "d1"];
	if (persistTo) args.push("--persist-to", persistTo);
	execFileSync("npx", args, {
		stdio: stdio === "inherit" ? "inherit" : "pipe",
		env: { ...process.env, ...QUIET, CI: "true" },
	});
}

export function stopWrangler(child) {
	try {
		process.kill(-child.pid, "SIGTERM");
	} catch {
		child.kill("SIGTERM");
	}
}

/** Creates the demo tenant, its members and a starter board. Safe to run again. */
export async function seedDemo(base, adminToken, demo = DEMO) {
	const admin = (path, body) =>
		fetch(`${base}${path}`, {
			method: "POST",
			headers: { authorization: `Bearer ${adminToken}`, "content-type": "application/json" },
			body: JSON.stringify(body),
		});
	const tenant = await admin("/api/admin/tenants", { slug: demo.slug, name: demo.name, plan: "team" });
	if (tenant.status !== 201 && tenant.status !== 409)
		throw new Error(`seeding ${demo.slug}: ${tenant.status} ${await tenant.text()}`);
	for (const member of demo.members) {
		const res = await admin(`/api/admin/tenants/${demo.slug}/members`, { ...member, password: demo.password });
		if (res.status !== 201 && res.status !== 409)
			throw new Error(`seeding ${member.email}: ${res.status} ${await res.text()}`);
	}
	if (tenant.status === 201) await seedBoard(base, demo);
	return tenant.status === 201;
}

async function seedBoard(base, demo) {
	const session = await fetch(`${base}/api/t/${demo.slug}/session`, {
		method: "POST",
		headers: { "content-type": "application/json" },
		body: JSON.stringify({ email: demo.members[0].email, password: demo.password }),
	});
	const { token } = await session.json();
	const call = async (path, body) =>
		(
			await fetch(`${base}${path}`, {
				method: "POST",
				headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
				body: JSON.stringify(body),
			})
		).json();
	const board = await call(`/api/t/${demo.slug}/boards`, { title: "Product launch" });
	const detail = await (
		await fetch(`${base}/api/t/${demo.slug}/boards/${board.id}`, { headers: { authorization: `Bearer ${token}` } })
	).json();
	const [todo, doing, done] = detail.lists;
	const cards = [
		[todo, "Write the launch announcement"],
		[todo, "Record a demo video"],
		[doing, "Pricing page copy"],
		[done, "Pick a launch date"],
	];
	for (const [list, title] of cards)
		await call(`/api/t/${demo.slug}/boards/${board.id}/cards`, { listId: list.id, title });
}
