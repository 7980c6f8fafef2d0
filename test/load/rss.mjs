// The resident memory (VmRSS) of the workerd processes behind a `wrangler dev` port, read from
// /proc: how the load report shows that attachments stream rather than buffer. Linux only;
// elsewhere the figures are simply absent.
import { readdirSync, readFileSync } from "node:fs";

/** The workerd serving `port`, and its sibling (same wrangler parent) that runs the Worker. */
export function findWorkerd(port) {
	let entries;
	try {
		entries = readdirSync("/proc").filter((entry) => /^\d+$/.test(entry));
	} catch {
		return [];
	}
	const workerds = entries
		.map((entry) => {
			try {
				if (readFileSync(`/proc/${entry}/comm`, "utf8").trim() !== "workerd") return undefined;
				const status = readFileSync(`/proc/${entry}/status`, "utf8");
				const cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8");
				return { pid: Number(entry), ppid: status.match(/^PPid:\s+(\d+)/m)?.[1], cmdline };
			} catch {
				return undefined;
			}
		})
		.filter(Boolean);
	const entry = workerds.find((w) => w.cmdline.includes(`entry=127.0.0.1:${port}`) || w.cmdline.includes(`:${port}\0`));
	return entry ? workerds.filter((w) => w.ppid === entry.ppid).map((w) => w.pid) : [];
}

/** "worker" for the process that runs the Worker (it has the inspector), "proxy" for the other. */
export function roleOf(pid) {
	try {
		return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("--inspector-addr") ? "worker" : "proxy";
	} catch {
		return "gone";
	}
}

export function readRssKb(pid) {
	try {
		return Number(readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+)/m)?.[1] ?? 0);
	} catch {
		return 0;
	}
}

/** Samples the workerd processes of `port` every 100 ms; `stop()` returns the peak and first reading per role, in MB. */
export function sampleRss(port) {
	const pids = findWorkerd(port);
	const byRole = {};
	const take = () => {
		for (const pid of pids) {
			const mb = readRssKb(pid) / 1024;
			const role = roleOf(pid);
			byRole[role] ??= { startMB: mb, peakMB: mb };
			byRole[role].peakMB = Math.max(byRole[role].peakMB, mb);
		}
	};
	take();
	const timer = setInterval(take, 100);
	return {
		stop() {
			clearInterval(timer);
			take();
			return Object.fromEntries(
				Object.entries(byRole).map(([role, v]) => [
					role,
					{ startMB: Math.round(v.startMB), peakMB: Math.round(v.peakMB) },
				]),
			);
		},
	};
}
