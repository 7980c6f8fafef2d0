// Writes the run's report: report.json (every figure, for tools) and index.html (for people).
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { chartsFor } from "./charts.mjs";
import { extrapolate } from "./extrapolate.mjs";
import { judgeGoals } from "./goals.mjs";
import { renderHtml } from "./html.mjs";

/** Adds goals, extrapolation and charts to the run's results, writes both files, returns their paths. */
export function writeReport(report, outDir) {
	const variants = report.options.variants ?? ["do", "d1"];
	report.goals = judgeGoals(report.scenarios, variants);
	report.extrapolation = extrapolate(report.scenarios);
	report.charts = chartsFor(report.scenarios);
	const dir = resolve(outDir);
	mkdirSync(dir, { recursive: true });
	const json = join(dir, "report.json");
	const html = join(dir, "index.html");
	writeFileSync(json, `${JSON.stringify(report, null, "\t")}\n`);
	writeFileSync(html, renderHtml(report));
	return { json, html };
}
