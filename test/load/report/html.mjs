// The report page: one self-contained HTML file (styles, uPlot and the data inline) that opens
// offline from disk. Tables carry every figure; charts show shapes.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { explain } from "./explain.mjs";

const require = createRequire(import.meta.url);
const UPLOT_JS = readFileSync(require.resolve("uplot/dist/uPlot.iife.min.js"), "utf8");
const UPLOT_CSS = readFileSync(require.resolve("uplot/dist/uPlot.min.css"), "utf8");
const NAMES = { do: "Durable Objects", d1: "D1", baseline: "bare baseline" };

export function renderHtml(report) {
	const scenarios = Object.entries(report.scenarios);
	return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Boardroom load report — ${esc(report.mode)} run, ${esc(report.startedAt)}</title>
<style>${UPLOT_CSS}${STYLE}</style></head>
<body><main>
<h1>Boardroom load report</h1>
<p class="meta">${esc(report.mode)} run · ${esc(report.startedAt)} → ${esc(report.finishedAt)} · ${esc(report.target)} · ${report.machine.cpus} cores (${esc(report.machine.cpuModel ?? "")}), ${report.machine.memoryGB} GB · Node ${esc(report.machine.node)}</p>
${report.mode === "smoke" ? '<p class="warn">Smoke run: a couple of seconds per measurement and small sizes. It proves the suite works; judge the goals on a full run.</p>' : ""}
<section><h2>How to read this</h2>${explain.howToRead}</section>
<section><h2>Goals</h2>${goalsTable(report.goals)}</section>
<section><h2>Charts</h2><div id="charts"></div></section>
${scenarios.map(([id, s]) => scenarioSection(id, s)).join("\n")}
<section><h2>From this machine to production</h2>${extrapolationSection(report.extrapolation)}</section>
<section><h2>The two designs' numbers, explained</h2>${explain.designs}</section>
</main>
<script type="application/json" id="charts-data">${json(report.charts)}</script>
<script>${UPLOT_JS}</script>
<script>${DRAW}</script>
</body></html>`;
}

function goalsTable(goals) {
	const ids = [...new Set(goals.map((g) => g.id))];
	const variants = [...new Set(goals.map((g) => g.variant))];
	const cell = (g) =>
		g
			? `<td class="${g.met === true ? "met" : g.met === false ? "missed" : "na"}">${g.value ?? "—"} ${g.met === true ? "✓ met" : g.met === false ? "✗ missed" : "not measured"}</td>`
			: "<td></td>";
	const rows = ids.map((id) => {
		const row = goals.filter((g) => g.id === id);
		const why = row
			.filter((g) => g.why)
			.map((g) => `<p class="why"><b>${NAMES[g.variant]}:</b> ${esc(g.why)}</p>`)
			.join("");
		return `<tr><th>${esc(row[0].label)}</th><td>${esc(row[0].target)}</td>${variants.map((v) => cell(row.find((g) => g.variant === v))).join("")}</tr>${why ? `<tr class="whyrow"><td colspan="${2 + variants.length}">${why}</td></tr>` : ""}`;
	});
	return `<table><thead><tr><th>Goal</th><th>Target</th>${variants.map((v) => `<th>${NAMES[v]}</th>`).join("")}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function scenarioSection(id, s) {
	const about = s.about ? `<p>${esc(s.about)}</p>` : "";
	if (s.error)
		return `<section id="${id}"><h2>${esc(id)}</h2><p class="warn">This scenario broke: <code>${esc(s.error)}</code></p></section>`;
	const notes = (s.notes ?? []).map((n) => `<p class="note">${esc(n)}</p>`).join("");
	return `<section id="${id}"><h2>${esc(TITLES[id] ?? s.title ?? id)}</h2>${about}${notes}${table(id, s.measurements ?? [])}<p class="meta">${s.seconds ?? "?"} s</p></section>`;
}

const TITLES = {
	"board-reads": "1. Board reads",
	"card-writes": "2. Card writes",
	"fan-out": "3. Live fan-out",
	"many-tenants": "4. Many tenants",
	"noisy-neighbour": "5. Noisy neighbour",
	"cold-tenant": "6. Cold tenant",
	attachments: "7. Attachments",
	metering: "8. Metering on and off",
};

const ratio = (m) => (m.ratio ? `${fmt(m.ratio.value, 2)}× <span class="of">${esc(m.ratio.to)}</span>` : "");
const lat = (m, k) => fmt(m.latency?.[k]);
const COLUMNS = {
	http: [
		["Throughput /s", (m) => fmt(m.rate)],
		["p50 ms", (m) => lat(m, "p50")],
		["p95 ms", (m) => lat(m, "p95")],
		["p99 ms", (m) => lat(m, "p99")],
		["max ms", (m) => lat(m, "max")],
		["errors", (m) => `${m.errors}${m.firstError ? ` <span class="of">${esc(m.firstError.slice(0, 80))}</span>` : ""}`],
		["rows read / written per request", (m) => (m.cost ? `${m.cost.rowsRead} / ${m.cost.rowsWritten}` : "")],
		["payload", (m) => (m.bytes ? `${fmt(m.bytes / 1024)} KiB` : "")],
		["ratio", ratio],
	],
	"fan-out": [
		["joined", (m) => `${m.joined}/${m.members}`],
		["join s", (m) => fmt(m.joinSeconds)],
		["ticket p50 / p99 ms", (m) => `${fmt(m.ticket?.p50)} / ${fmt(m.ticket?.p99)}`],
		["join p99 ms", (m) => fmt(m.join?.p99)],
		["ops sent / acked", (m) => `${m.opsSent} / ${m.opsAcked}`],
		["deliveries", (m) => m.deliveries],
		["p50 ms", (m) => lat(m, "p50")],
		["p95 ms", (m) => lat(m, "p95")],
		["p99 ms", (m) => lat(m, "p99")],
		["max ms", (m) => lat(m, "max")],
		["lost", (m) => m.lost],
		["duplicated", (m) => m.duplicated],
		["ratio", ratio],
	],
	attachments: [
		["MiB/s", (m) => fmt(m.mibPerSecond)],
		["seconds", (m) => fmt(m.seconds)],
		["Worker RSS start → peak MB", (m) => (m.rss?.worker ? `${m.rss.worker.startMB} → ${m.rss.worker.peakMB}` : "")],
		["byte-identical", (m) => (m.identical === undefined ? "" : m.identical ? "yes" : "NO")],
		["ratio", ratio],
	],
	"cold-tenant": [
		["tenants", (m) => m.tenants],
		["first request p50 / max ms", (m) => `${lat(m, "p50")} / ${lat(m, "max")}`],
		["warm p50 ms", (m) => fmt(m.warm?.p50)],
		["extra ms (p50)", (m) => fmt(m.extraMs)],
		["worst extra ms", (m) => fmt(m.extraMaxMs)],
		["errors", (m) => m.errors],
	],
};

function table(id, measurements) {
	if (!measurements.length) return "";
	const columns = COLUMNS[id] ?? COLUMNS.http;
	const rows = measurements.map(
		(m) =>
			`<tr class="${m.variant}"><th>${esc(m.label)}</th><td>${NAMES[m.variant]}</td>${columns.map(([, f]) => `<td>${f(m) ?? ""}</td>`).join("")}</tr>`,
	);
	return `<table><thead><tr><th>Measurement</th><th>Design</th>${columns.map(([h]) => `<th>${h}</th>`).join("")}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function extrapolationSection(x) {
	if (!x || !Object.keys(x.designs).length) return "<p>Needs the board-reads and card-writes scenarios.</p>";
	const d = x.designs;
	const money = (n) => (n === undefined || n === null ? "—" : `$${fmt(n, 2)}`);
	const rows = [
		[
			"Local throughput, one tenant (reads / writes per s)",
			(v) => `${fmt(v.localReadsPerSecond)} / ${fmt(v.localWritesPerSecond)}`,
		],
		["Rows read / written per board read", (v) => rowCounts(v, v.rowsPerRead)],
		["Rows read / written per card write", (v) => rowCounts(v, v.rowsPerWrite)],
		["List price per million board reads", (v) => money(v.dollarsPerMillionReads)],
		["List price per million card writes", (v) => money(v.dollarsPerMillionWrites)],
		[
			"Where it saturates",
			(v) =>
				v.fleetCeiling
					? `the whole fleet at ≈ ${v.fleetCeiling.writesPerSecond} card writes/s or ≈ ${v.fleetCeiling.readsPerSecond} board reads/s (≈ ${v.fleetCeiling.queriesPerWrite} and ${v.fleetCeiling.queriesPerRead} queries each); with read replicas taking the reads' selects, ≈ ${v.fleetCeiling.readsPerSecondWithReplicas} reads/s, since metering makes every read write too`
					: `one tenant at ≈ ${v.perTenantCeiling.requestsPerSecond} requests/s (and 10 GB); the fleet has no shared ceiling`,
		],
		...x.profiles.map((p, i) => [
			`Tenants until saturation, ${p.name}: ${p.reads} reads + ${p.writes} writes/s each`,
			(v) =>
				v.saturation[i].tenants === null
					? `no fleet limit (each tenant may grow ${v.saturation[i].perTenantHeadroom}× before its own object saturates)`
					: `≈ ${fmt(v.saturation[i].tenants, 0)} tenants (≈ ${fmt(v.saturation[i].tenantsWithReplicas, 0)} with read replicas)`,
		]),
	];
	const variants = Object.keys(d);
	return `${explain.production(x)}<table><thead><tr><th></th>${variants.map((v) => `<th>${NAMES[v]}</th>`).join("")}</tr></thead><tbody>${rows.map(([h, f]) => `<tr><th>${esc(h)}</th>${variants.map((v) => `<td>${f(d[v])}</td>`).join("")}</tr>`).join("")}</tbody></table>`;
}

function rowCounts(v, r) {
	if (!r) return "—";
	// The D1 store's own statements are not in the ledger's row counts: its figures are the Durable Object design's.
	const borrowed = v.fleetCeiling && v.rowsMeasuredOn === "do" ? " (as measured on Durable Objects)" : "";
	return `${r.rowsRead} / ${r.rowsWritten}${borrowed}`;
}

function fmt(n, digits = 1) {
	if (n === undefined || n === null || Number.isNaN(n)) return "—";
	const f = 10 ** digits;
	return (Math.round(n * f) / f).toLocaleString("en-US");
}

function esc(text) {
	return String(text ?? "").replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
}

function json(value) {
	return JSON.stringify(value).replace(/</g, "\\u003c");
}

const STYLE = `
body{font:15px/1.5 system-ui,sans-serif;color:#111827;background:#f9fafb;margin:0}
main{max-width:1180px;margin:0 auto;padding:24px}
h1{margin:0 0 4px}h2{margin-top:36px;border-bottom:1px solid #e5e7eb;padding-bottom:4px}
.meta{color:#6b7280;font-size:13px}.warn{background:#fef3c7;padding:8px 12px;border-radius:6px}
.note{color:#374151;font-style:italic}
table{border-collapse:collapse;width:100%;margin:12px 0;font-size:13px;background:#fff}
th,td{border:1px solid #e5e7eb;padding:4px 8px;text-align:left;vertical-align:top}
thead th{background:#f3f4f6}td{font-variant-numeric:tabular-nums}
tr.do th:first-child{border-left:4px solid #2563eb}tr.d1 th:first-child{border-left:4px solid #d97706}tr.baseline th:first-child{border-left:4px solid #6b7280}
td.met{color:#047857;font-weight:600}td.missed{color:#b91c1c;font-weight:600}td.na{color:#6b7280}
.whyrow td{background:#fff7ed}.why{margin:2px 0;font-size:13px}.of{color:#6b7280;font-weight:400}
.chart{background:#fff;border:1px solid #e5e7eb;border-radius:6px;padding:8px;margin:12px 0}
.chart h3{margin:0 0 6px;font-size:14px}`;

// Draws every chart from the JSON above: lines for series over time, percentiles and sizes; bars for ratios.
const DRAW = `
for (const c of JSON.parse(document.getElementById("charts-data").textContent)) {
  const box = document.createElement("div"); box.className = "chart";
  box.innerHTML = "<h3></h3>"; box.firstChild.textContent = c.title;
  document.getElementById("charts").append(box);
  const width = Math.min(1120, document.querySelector("main").clientWidth - 20);
  const bars = c.kind === "bars";
  const x = c.categories ? c.categories.map((_, i) => i) : c.x;
  const n = c.series.length;
  const series = [{ label: c.xLabel ?? "" }].concat(c.series.map((s, i) => ({
    label: s.label, stroke: s.color, width: 2, dash: s.dash, spanGaps: true,
    fill: bars ? s.color + "cc" : undefined,
    points: { show: bars ? false : (c.points ?? x.length < 20) },
    paths: bars ? uPlot.paths.bars({ size: [0.35, 80], align: n === 1 ? 0 : i === 0 ? -1 : 1 }) : undefined,
  })));
  const axes = [
    { label: c.xLabel, values: c.categories ? (u, ticks) => ticks.map((t) => Number.isInteger(t) ? (c.categories[t] ?? "") : "") : undefined, size: bars ? 60 : undefined },
    { label: c.yLabel },
  ];
  const scales = { x: bars ? { time: false, range: [-0.6, x.length - 0.4] } : { time: false }, y: { range: (u, min, max) => [0, max * 1.1 || 1] } };
  new uPlot({ width, height: 300, series, axes, scales, legend: { live: false } }, [x, ...c.series.map((s) => s.values)], box);
}`;
