// The exact usage ledger in the tenant's own SQLite: meters in hourly buckets, who was active in
// each hour, gauges (bytes stored) integrated into byte-seconds, and the plan history. Invoices
// are computed from these rows; Analytics Engine is only the sampled, fleet-wide view.
import type { UsagePoint, UsageRange } from "../../shared/billing";
import { bucketOf } from "../../shared/billing";
import { isMeter, type Meter } from "../../shared/meters";
import type { Plan } from "../../shared/tenant";
import type { Sql } from "./sql";

const HOUR_MS = 3_600_000;

/** The ledger's key for the hour holding `ms`: "2026-11-25T18:00:00.000Z". */
export function hourOf(ms: number): string {
	return new Date(Math.floor(ms / HOUR_MS) * HOUR_MS).toISOString();
}

export function addToLedger(sql: Sql, hour: string, meter: Meter, quantity: number): void {
	if (quantity === 0) return;
	sql.run(
		`INSERT INTO usage_ledger (hour, meter, quantity) VALUES (?, ?, ?)
		ON CONFLICT (hour, meter) DO UPDATE SET quantity = quantity + excluded.quantity`,
		hour,
		meter,
		Math.round(quantity),
	);
}

/** Records that a member did something this hour; true the first time in that hour. */
export function markActive(sql: Sql, hour: string, memberId: string): boolean {
	return sql.run("INSERT OR IGNORE INTO member_activity (hour, member_id) VALUES (?, ?)", hour, memberId) > 0;
}

/**
 * Integrates a gauge up to `nowMs` (level × seconds, split over the hours it spans, into the
 * ledger) and moves it to `level`. Returns the byte-seconds added, for Analytics Engine.
 */
export function accrueGauge(sql: Sql, meter: Meter, nowMs: number, level?: number): number {
	const gauge = sql.one<{ level: number; since: number }>("SELECT level, since FROM gauges WHERE meter = ?", meter);
	const since = gauge?.since ?? nowMs;
	const current = gauge?.level ?? 0;
	let added = 0;
	for (let start = since; start < nowMs; start = Math.floor(start / HOUR_MS) * HOUR_MS + HOUR_MS) {
		const end = Math.min(nowMs, Math.floor(start / HOUR_MS) * HOUR_MS + HOUR_MS);
		const byteSeconds = Math.round((current * (end - start)) / 1000);
		addToLedger(sql, hourOf(start), meter, byteSeconds);
		added += byteSeconds;
	}
	sql.run(
		`INSERT INTO gauges (meter, level, since) VALUES (?, ?, ?)
		ON CONFLICT (meter) DO UPDATE SET level = excluded.level, since = excluded.since`,
		meter,
		level ?? current,
		nowMs,
	);
	return added;
}

/** The gauge's current level (bytes), or 0. */
export function gaugeLevel(sql: Sql, meter: Meter): number {
	return sql.one<{ level: number }>("SELECT level FROM gauges WHERE meter = ?", meter)?.level ?? 0;
}

/** Usage per bucket and meter over a range; active members counted distinct within each bucket. */
export function readLedger(sql: Sql, { from, to, granularity }: UsageRange): UsagePoint[] {
	const sums = new Map<string, UsagePoint>();
	const rows = sql.all<{ hour: string; meter: string; quantity: number }>(
		"SELECT hour, meter, quantity FROM usage_ledger WHERE hour >= ? AND hour < ? ORDER BY hour",
		hourOf(Date.parse(from)),
		to,
	);
	for (const { hour, meter, quantity } of rows) {
		if (!isMeter(meter)) continue;
		const bucket = bucketOf(hour, granularity);
		const key = `${bucket}|${meter}`;
		const point = sums.get(key) ?? { bucket, meter, quantity: 0 };
		point.quantity += quantity;
		sums.set(key, point);
	}
	const active = new Map<string, Set<string>>();
	for (const { hour, member_id } of activity(sql, hourOf(Date.parse(from)), to)) {
		const bucket = bucketOf(hour, granularity);
		active.set(bucket, (active.get(bucket) ?? new Set()).add(member_id));
	}
	for (const [bucket, members] of active)
		sums.set(`${bucket}|members.active`, { bucket, meter: "members.active", quantity: members.size });
	return [...sums.values()].sort((a, b) => (a.bucket < b.bucket ? -1 : a.bucket > b.bucket ? 1 : 0));
}

/**
 * Each meter's total over the hours from `fromHour` up to (not including) `toHour`, both hour
 * keys; active members counted distinct over the whole stretch.
 */
export function ledgerTotals(sql: Sql, fromHour: string, toHour: string): Partial<Record<Meter, number>> {
	const totals: Partial<Record<Meter, number>> = {};
	const rows = sql.all<{ meter: string; quantity: number }>(
		"SELECT meter, sum(quantity) AS quantity FROM usage_ledger WHERE hour >= ? AND hour < ? GROUP BY meter",
		fromHour,
		toHour,
	);
	for (const { meter, quantity } of rows) if (isMeter(meter)) totals[meter] = quantity;
	const members = new Set(activity(sql, fromHour, toHour).map((row) => row.member_id));
	if (members.size > 0) totals["members.active"] = members.size;
	return totals;
}

/** The hour key after the hour holding `ms` (or `ms` itself, on the hour). */
export function hourAfter(ms: number): string {
	return hourOf(Math.ceil(ms / HOUR_MS) * HOUR_MS);
}

function activity(sql: Sql, fromHour: string, toHour: string) {
	return sql.all<{ hour: string; member_id: string }>(
		"SELECT hour, member_id FROM member_activity WHERE hour >= ? AND hour < ?",
		fromHour,
		toHour,
	);
}

export function recordPlanChange(sql: Sql, plan: Plan, at: string): void {
	sql.run("INSERT OR REPLACE INTO plan_changes (effective_at, plan) VALUES (?, ?)", at, plan);
}

export function planHistory(sql: Sql): { effectiveAt: string; plan: Plan }[] {
	return sql.all<{ effectiveAt: string; plan: Plan }>(
		"SELECT effective_at AS effectiveAt, plan FROM plan_changes ORDER BY effective_at",
	);
}
