// 7. Attachments: a large file goes up in parts (three at a time, as the browser sends them) and
// comes back down in one stream, checked byte for byte, while the workerd processes' resident
// memory is sampled: it should stay flat, since the Worker streams and never buffers a file.
// The bare twin streams the same parts into R2 and back through a Worker that does nothing else.
import { createCipheriv, createHash } from "node:crypto";
import { round } from "../http-load.mjs";
import { sampleRss } from "../rss.mjs";
import { makeTenant } from "../tenants.mjs";

const PART_CONCURRENCY = 3;
const BARE_PART_BYTES = 10 * 1024 * 1024;

export default {
	id: "attachments",
	title: "Attachments",
	about:
		"A multipart upload (10 MiB parts, three in flight), completed, then downloaded in one stream and compared by SHA-256. Throughput in MiB/s; memory is the peak resident size of the workerd that runs the Worker, against where it started.",

	async run(ctx) {
		const size = ctx.opts.fileMb * 1024 * 1024;
		const measurements = [];
		const bare = ctx.baseline && (await bareTransfer(ctx, size));
		if (bare) measurements.push(...bare);
		for (const target of ctx.targets) {
			const [up, down] = await transfer(ctx, target, size);
			if (bare) {
				up.ratio = { value: up.mibPerSecond / bare[0].mibPerSecond, to: "bare R2 upload", of: "throughput" };
				down.ratio = { value: down.mibPerSecond / bare[1].mibPerSecond, to: "bare R2 download", of: "throughput" };
			}
			measurements.push(up, down);
		}
		return { measurements };
	},
};

async function transfer(ctx, target, size) {
	const step = ctx.step(`${target.variant}: ${ctx.opts.fileMb} MiB up and down`);
	const tenant = await makeTenant(target.base, ctx.adminToken, "files");
	const card = await tenant.json("POST", `/boards/${tenant.boardId}/cards`, {
		listId: tenant.listId,
		title: "Big file",
	});
	const auth = { authorization: `Bearer ${tenant.token}` };
	const path = (p) => `${target.base}/api/t/${tenant.slug}${p}`;

	let rss = sampleRss(target.port);
	const started = performance.now();
	const begun = await tenant.json("POST", `/cards/${card.id}/uploads`, {
		name: "big.bin",
		size,
		contentType: "application/octet-stream",
	});
	const { uploadId, partSize, partCount } = begun;
	const partOf = (n) => generate(n, n < partCount ? partSize : size - partSize * (partCount - 1));
	await inParallel(partCount, async (n) => {
		const res = await fetch(path(`/uploads/${uploadId}/parts/${n}`), { method: "PUT", headers: auth, body: partOf(n) });
		if (res.status !== 200) throw new Error(`part ${n}: ${res.status} ${await res.text()}`);
		await res.arrayBuffer();
		step.request();
	});
	const attachment = await tenant.json("POST", `/uploads/${uploadId}/complete`);
	const upSeconds = (performance.now() - started) / 1000;
	const upRss = rss.stop();

	rss = sampleRss(target.port);
	const downStarted = performance.now();
	const res = await fetch(path(`/attachments/${attachment.id}`), { headers: auth });
	const hash = createHash("sha256");
	let bytes = 0;
	for await (const chunk of res.body) {
		hash.update(chunk);
		bytes += chunk.byteLength;
	}
	const downSeconds = (performance.now() - downStarted) / 1000;
	const downRss = rss.stop();
	step.request();
	const whole = createHash("sha256");
	for (let n = 1; n <= partCount; n++) whole.update(partOf(n));
	const identical = bytes === size && hash.digest("hex") === whole.digest("hex");
	await tenant.call("DELETE", `/attachments/${attachment.id}`);
	step.done(`up ${round(ctx.opts.fileMb / upSeconds)} MiB/s, down ${round(ctx.opts.fileMb / downSeconds)} MiB/s`);
	const common = { variant: target.variant, bytes: size, parts: partCount, errors: identical ? 0 : 1, identical };
	return transferMeasurements(
		ctx.opts.fileMb,
		common,
		{ seconds: upSeconds, rss: upRss },
		{ seconds: downSeconds, rss: downRss },
	);
}

async function bareTransfer(ctx, size) {
	const step = ctx.step(`baseline: ${ctx.opts.fileMb} MiB up and down through a bare Worker`);
	const { base, stack } = ctx.baseline;
	const partCount = Math.ceil(size / BARE_PART_BYTES);
	const partOf = (n) => generate(n, n < partCount ? BARE_PART_BYTES : size - BARE_PART_BYTES * (partCount - 1));
	const key = (n) => `blob-${Date.now().toString(36)}-${n}`;
	const keys = Array.from({ length: partCount }, (_, i) => key(i + 1));
	let rss = sampleRss(stack.port);
	const started = performance.now();
	await inParallel(partCount, async (n) => {
		const res = await fetch(`${base}/blobs/${keys[n - 1]}`, { method: "PUT", body: partOf(n) });
		if (res.status !== 201) throw new Error(`bare part ${n}: ${res.status}`);
		await res.arrayBuffer();
		step.request();
	});
	const upSeconds = (performance.now() - started) / 1000;
	const upRss = rss.stop();
	rss = sampleRss(stack.port);
	const downStarted = performance.now();
	let bytes = 0;
	for (const k of keys) {
		const res = await fetch(`${base}/blobs/${k}`);
		for await (const chunk of res.body) bytes += chunk.byteLength;
	}
	const downSeconds = (performance.now() - downStarted) / 1000;
	const downRss = rss.stop();
	for (const k of keys) await fetch(`${base}/blobs/${k}`, { method: "DELETE" });
	step.done();
	const common = { variant: "baseline", bytes: size, parts: partCount, errors: bytes === size ? 0 : 1 };
	return transferMeasurements(
		ctx.opts.fileMb,
		common,
		{ seconds: upSeconds, rss: upRss },
		{ seconds: downSeconds, rss: downRss },
	);
}

/** The upload's and the download's measurements of one file, each timed and with its memory. */
function transferMeasurements(fileMb, common, up, down) {
	return [
		["upload", "Upload", up],
		["download", "Download", down],
	].map(([key, verb, { seconds, rss }]) => ({
		key,
		label: `${verb} ${fileMb} MiB`,
		...common,
		seconds: round(seconds, 2),
		mibPerSecond: round(fileMb / seconds),
		rss,
	}));
}

/** Part n's bytes: AES-128-CTR keystream from a per-part IV, so any part can be made again. */
function generate(n, length) {
	const iv = Buffer.alloc(16);
	iv.writeUInt32BE(n, 0);
	return createCipheriv("aes-128-ctr", Buffer.alloc(16, 7), iv).update(Buffer.alloc(length));
}

async function inParallel(count, work) {
	let next = 1;
	await Promise.all(
		Array.from({ length: PART_CONCURRENCY }, async () => {
			while (next <= count) await work(next++);
		}),
	);
}
