// Big-file check against a running `wrangler dev`: uploads a file of --mb megabytes in parts
// (leaving one out to exercise resume), downloads it, compares SHA-256, and samples the workerd
// process's resident memory (VmRSS) all along to show the Worker streams rather than buffers.
//
//   npx wrangler dev --port 8790 &
//   node test/load/big-upload.mjs --base http://127.0.0.1:8790 --mb 1024
//
// The admin token comes from ADMIN_TOKEN or .dev.vars. The bytes are generated (AES-CTR of
// zeros, reproducible per part), so nothing of the file is ever held whole, here or there.
import { createCipheriv, createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { findWorkerd, readRssKb, roleOf } from "./rss.mjs";
import { makeTenant } from "./tenants.mjs";

const { values } = parseArgs({
	options: {
		base: { type: "string", default: "http://127.0.0.1:8790" },
		mb: { type: "string", default: "300" },
		concurrency: { type: "string", default: "3" },
		pid: { type: "string" },
		"timeout-s": { type: "string", default: "900" },
	},
});
const base = values.base;
const size = Math.min(Number(values.mb), 4096) * 1024 * 1024;
const concurrency = Math.max(1, Math.min(Number(values.concurrency), 8));
const deadline = Date.now() + Number(values["timeout-s"]) * 1000;
const adminToken = process.env.ADMIN_TOKEN ?? readDevVar("ADMIN_TOKEN");

// ── Memory sampling ─────────────────────────────────────────────────────────

// `wrangler dev` runs two workerd processes: a proxy on the port, and the Worker itself.
const pids = values.pid ? [Number(values.pid)] : findWorkerd(new URL(base).port);
if (pids.length === 0) throw new Error("No workerd process found; pass --pid.");
const phases = {};
let phase = "idle";
const sampler = setInterval(() => {
	for (const pid of pids) {
		const kb = readRssKb(pid);
		const key = `${phase} ${roleOf(pid)}`;
		phases[key] ??= { minKb: kb, peakKb: kb, samples: 0 };
		const p = phases[key];
		p.peakKb = Math.max(p.peakKb, kb);
		p.minKb = Math.min(p.minKb, kb);
		p.samples += 1;
	}
}, 100);

// ── The run ─────────────────────────────────────────────────────────────────

const tenant = await makeTenant(base, adminToken, "big");
const auth = { authorization: `Bearer ${tenant.token}` };
const card = await (
	await tenant.post(`/boards/${tenant.boardId}/cards`, { listId: tenant.listId, title: "Big file" })
).json();
const before = Object.fromEntries(pids.map((pid) => [`${roleOf(pid)} (pid ${pid})`, round(readRssKb(pid) / 1024)]));
console.log(`tenant ${tenant.slug}, card ${card.id}, RSS before (MB)`, before);

phase = "upload";
const started = Date.now();
const created = await tenant.post(`/cards/${card.id}/uploads`, {
	name: "big.bin",
	size,
	contentType: "application/octet-stream",
});
if (created.status !== 201) throw new Error(`create: ${created.status} ${await created.text()}`);
const { uploadId, partSize, partCount } = await created.json();
const partOf = (n) => generate(n, n < partCount ? partSize : size - partSize * (partCount - 1));

// Every part but number 2, then ask what arrived, then complete too early, then resume.
await inParallel(
	Array.from({ length: partCount }, (_, i) => i + 1).filter((n) => n !== 2 || partCount === 1),
	(n) => putPart(n),
);
const status = await (await fetch(`${base}/api/t/${tenant.slug}/uploads/${uploadId}`, { headers: auth })).json();
const early = partCount > 1 ? await complete() : undefined;
console.log(
	`arrived ${status.parts.length}/${partCount} parts; early complete -> ${early?.status ?? "n/a"}`,
	early?.body?.error?.details ?? "",
);
if (partCount > 1) await putPart(2);
const done = await complete();
if (done.status !== 201) throw new Error(`complete: ${done.status} ${JSON.stringify(done.body)}`);
const attachment = done.body;
const uploadMs = Date.now() - started;

phase = "download";
const downloadStarted = Date.now();
const res = await fetch(`${base}/api/t/${tenant.slug}/attachments/${attachment.id}`, {
	headers: auth,
	signal: AbortSignal.timeout(remaining()),
});
const downHash = createHash("sha256");
let downBytes = 0;
for await (const chunk of res.body) {
	downHash.update(chunk);
	downBytes += chunk.byteLength;
}
const downloadMs = Date.now() - downloadStarted;
phase = "after";
await new Promise((resolve) => setTimeout(resolve, 1000));
clearInterval(sampler);

// ── Verdict ─────────────────────────────────────────────────────────────────

const { whole, composite } = expectedHashes();
const result = {
	sizeBytes: size,
	parts: partCount,
	uploadSeconds: uploadMs / 1000,
	uploadMBps: round(size / 1048576 / (uploadMs / 1000)),
	downloadSeconds: downloadMs / 1000,
	downloadMBps: round(size / 1048576 / (downloadMs / 1000)),
	contentLength: Number(res.headers.get("content-length")),
	downloadedBytes: downBytes,
	byteIdentical: downHash.digest("hex") === whole && downBytes === size,
	recordedChecksumMatches: attachment.sha256 === composite,
	rssBeforeMB: before,
	rssByPhaseMB: Object.fromEntries(
		Object.entries(phases).map(([k, v]) => [
			k,
			{ min: round(v.minKb / 1024), peak: round(v.peakKb / 1024), samples: v.samples },
		]),
	),
};
console.log(JSON.stringify(result, null, 2));
await fetch(`${base}/api/t/${tenant.slug}/attachments/${attachment.id}`, { method: "DELETE", headers: auth });
if (!result.byteIdentical || !result.recordedChecksumMatches) process.exit(1);

// ── Helpers ─────────────────────────────────────────────────────────────────

async function putPart(n) {
	const body = partOf(n);
	const r = await fetch(`${base}/api/t/${tenant.slug}/uploads/${uploadId}/parts/${n}`, {
		method: "PUT",
		headers: auth,
		body,
		signal: AbortSignal.timeout(remaining()),
	});
	if (r.status !== 200) throw new Error(`part ${n}: ${r.status} ${await r.text()}`);
	await r.json();
}

async function complete() {
	const r = await fetch(`${base}/api/t/${tenant.slug}/uploads/${uploadId}/complete`, {
		method: "POST",
		headers: auth,
		signal: AbortSignal.timeout(remaining()),
	});
	return { status: r.status, body: await r.json() };
}

/** Part n's bytes: AES-128-CTR keystream from a per-part IV, so any part can be made again. */
function generate(n, length) {
	const iv = Buffer.alloc(16);
	iv.writeUInt32BE(n, 0);
	return createCipheriv("aes-128-ctr", Buffer.alloc(16, 7), iv).update(Buffer.alloc(length));
}

/** The whole file's SHA-256, and the composite the server records (SHA-256 of part digests, -N). */
function expectedHashes() {
	const whole = createHash("sha256");
	const ofParts = createHash("sha256");
	for (let n = 1; n <= partCount; n++) {
		const part = partOf(n);
		whole.update(part);
		ofParts.update(createHash("sha256").update(part).digest());
	}
	return { whole: whole.digest("hex"), composite: `${ofParts.digest("hex")}-${partCount}` };
}

async function inParallel(items, work) {
	const queue = [...items];
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
		}),
	);
}

function remaining() {
	const ms = deadline - Date.now();
	if (ms <= 0) throw new Error("Out of time.");
	return ms;
}

function readDevVar(name) {
	const line = readFileSync(".dev.vars", "utf8")
		.split("\n")
		.find((l) => l.startsWith(`${name}=`));
	if (!line) throw new Error(`Set ${name} or run npm start once to write .dev.vars.`);
	return line.slice(name.length + 1).trim();
}

function round(n) {
	return Math.round(n * 10) / 10;
}
