// The exact usage ledger, in the tenant's database: meters in hourly buckets, who was active in
// each hour, gauges (bytes stored) integrated into byte-seconds, and the plan history. Invoices
// are computed from these rows; Analytics Engine is only the sampled, fleet-wide view.
import type { UsagePoint, UsageRange } from "../../shared/billing";
import { bucketOf } from "../../shared/billing";
import { isMeter, type Meter } from "../../shared/meters";
import type { Plan } from "../../shared/tenant";
import { type Db, type Statement, statement } from "./db";

const HOUR_MS = 3_600_000;

/** The ledger's key for the hour holding `ms`: "2026-11-25T18:00:00.000Z". */
export function hourOf(ms: number): string {
	return new Date(Math.floor(ms / HOUR_MS) * HOUR_MS).toISOString();
}

/** The hour key after the hour holding `ms` (or `ms` itself, on the hour). */
export function hourAfter(ms: number): string {
	return hourOf(Math.ceil(ms / HOUR_MS) * HOUR_MS);
}

/** Adds to a meter's hour. Additions commute, so writers that race (two Workers) both count. */
export function addToLedger(hour: string, meter: Meter, quantity: number): Statement {
	return statement(
		`INSERT INTO usage_ledger (@tenantColumn hour, meter, quantity) VALUES (@tenantValue ?, ?, ?)
		ON CONFLICT (@tenantColumn hour, meter) DO UPDATE SET quantity = quantity + excluded.quantity`,
		hour,
		meter,
		Math.round(quantity),
	);
}

/** Records that a member did something this hour (written once per member and hour). */
export function markActive(hour: string, memberId: string): Statement {
	return statement(
		"INSERT OR IGNORE INTO member_activity (@tenantColumn hour, member_id) VALUES (@tenantValue ?, ?)",
		hour,
		memberId,
	);
}

/** A gauge's accrual: the statements that integrate it up to now, and the byte-seconds they add. */
export interface Accrual {
	statements: Statement[];
	added: number;
}

/**
 * Integrates a gauge up to `nowMs` (level × seconds, split over the hours it spans) and moves it
 * to `level`. Every statement holds only if the gauge still reads as it did here, so two writers
 * accruing the same stretch at once (two Workers) add it once: the second one's statements do
 * nothing.
 */
export async function accrueGauge(db: Db, meter: Meter, nowMs: number, level?: number): Promise<Accrual> {
	const gauge = await db.one<{ level: number; since: number }>(
		"SELECT level, since FROM gauges WHERE @tenant AND meter = ?",
		meter,
	);
	const current = gauge?.level ?? 0;
	const since = gauge?.since ?? nowMs;
	const unchanged = gauge
		? { sql: "(SELECT since FROM gauges WHERE @tenant AND meter = ?) = ?", params: [meter, since] }
		: { sql: "NOT EXISTS (SELECT 1 FROM gauges WHERE @tenant AND meter = ?)", params: [meter] };
	const statements: Statement[] = [];
	let added = 0;
	for (let start = since; start < nowMs; start = Math.floor(start / HOUR_MS) * HOUR_MS + HOUR_MS) {
		const end = Math.min(nowMs, Math.floor(start / HOUR_MS) * HOUR_MS + HOUR_MS);
		const byteSeconds = Math.round((current * (end - start)) / 1000);
		if (byteSeconds === 0) continue;
		added += byteSeconds;
		statements.push(
			statement(
				`INSERT INTO usage_ledger (@tenantColumn hour, meter, quantity) SELECT @tenantValue ?, ?, ? WHERE ${unchanged.sql}
				ON CONFLICT (@tenantColumn hour, meter) DO UPDATE SET quantity = quantity + excluded.quantity`,
				hourOf(start),
				meter,
				byteSeconds,
				...unchanged.params,
			),
		);
	}
	statements.push(
		statement(
			`INSERT INTO gauges (@tenantColumn meter, level, since) SELECT @tenantValue ?, ?, ? WHERE ${unchanged.sql}
			ON CONFLICT (@tenantColumn meter) DO UPDATE SET level = excluded.level, since = excluded.since`,
			meter,
			level ?? current,
			nowMs,
			...unchanged.params,
		),
	);
	return { statements, added };
}

/** The gauge's current level (bytes), or 0. */
export async function gaugeLevel(db: Db, meter: Meter): Promise<number> {
	return (await db.one<{ level: number }>("SELECT level FROM gauges WHERE @tenant AND meter = ?", meter))?.level ?? 0;
}

/** Usage per bucket and meter over a range; active members counted distinct within each bucket. */
export async function readLedger(db: Db, { from, to, granularity }: UsageRange): Promise<UsagePoint[]> {
	const sums = new Map<string, UsagePoint>();
	const rows = await db.all<{ hour: string; meter: string; quantity: number }>(
		"SELECT hour, meter, quantity FROM usage_ledger WHERE @tenant AND hour >= ? AND hour < ? ORDER BY hour",
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
	for (const { hour, member_id } of await activity(db, hourOf(Date.parse(from)), to)) {
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
export async function ledgerTotals(db: Db, fromHour: string, toHour: string): Promise<Partial<Record<Meter, number>>> {
	const totals: Partial<Record<Meter, number>> = {};
	const rows = await db.all<{ meter: string; quantity: number }>(
		"SELECT meter, sum(quantity) AS quantity FROM usage_ledger WHERE @tenant AND hour >= ? AND hour < ? GROUP BY meter",
		fromHour,
		toHour,
	);
	for (const { meter, quantity } of rows) if (isMeter(meter)) totals[meter] = quantity;
	const members = new Set((await activity(db, fromHour, toHour)).map((row) => row.member_id));
	if (members.size > 0) totals["members.active"] = members.size;
	return totals;
}

function activity(db: Db, fromHour: string, toHour: string) {
	return db.all<{ hour: string; member_id: string }>(
		"SELECT hour, member_id FROM member_activity WHERE @tenant AND hour >= ? AND hour < ?",
		fromHour,
		toHour,
	);
}

export function recordPlanChange(plan: Plan, at: string): Statement {
	return statement(
		"INSERT OR REPLACE INTO plan_changes (@tenantColumn effective_at, plan) VALUES (@tenantValue ?, ?)",
		at,
		plan,
	);
}

export function planHistory(db: Db) {
	return db.all<{ effectiveAt: string; plan: Plan }>(
		"SELECT effective_at AS effectiveAt, plan FROM plan_changes WHERE @tenant ORDER BY effective_at",
	);
}
