// The period picker's model: presets and a custom range turned into the query the billing routes
// take, and the buckets of a range (so a chart shows quiet hours and days as zeros, not gaps).
import { useRef } from "react";
import type { Granularity } from "../../shared/billing";
import type { BillingParams } from "../../shared/paths";

export type Preset = "this-month" | "last-month" | "last-7-days" | "custom";

export interface PeriodChoice {
	preset: Preset;
	/** Custom range as the date inputs hold it (YYYY-MM-DD), both days included. */
	fromDay: string;
	toDay: string;
	granularity: Granularity;
}

export const PRESET_LABELS: Record<Preset, string> = {
	"this-month": "This month",
	"last-month": "Last month",
	"last-7-days": "Last 7 days",
	custom: "Custom range",
};

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const monthStart = (at: Date, offset = 0) => Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + offset, 1);

export function defaultPeriod(now = new Date()): PeriodChoice {
	return { preset: "this-month", fromDay: day(monthStart(now)), toDay: day(now.getTime()), granularity: "day" };
}

/**
 * The query for a choice. "This month" leaves `to` out so the server reads up to its own now;
 * a custom range runs to the end of its last day. Returns a message instead when the range is
 * backwards, so the form can say so before asking the server.
 */
export function toParams(choice: PeriodChoice, now = new Date()): BillingParams | { invalid: string } {
	const { granularity } = choice;
	switch (choice.preset) {
		case "this-month":
			return { from: new Date(monthStart(now)).toISOString(), granularity };
		case "last-month":
			return {
				from: new Date(monthStart(now, -1)).toISOString(),
				to: new Date(monthStart(now)).toISOString(),
				granularity,
			};
		case "last-7-days": {
			const hour = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
			return { from: new Date(hour - 7 * DAY_MS).toISOString(), granularity };
		}
		case "custom": {
			if (!choice.fromDay || !choice.toDay) return { invalid: "Choose both dates." };
			if (choice.toDay < choice.fromDay) return { invalid: "The end date comes before the start date." };
			const to = new Date(Date.parse(`${choice.toDay}T00:00:00Z`) + DAY_MS).toISOString();
			return { from: `${choice.fromDay}T00:00:00.000Z`, to, granularity };
		}
	}
}

/** The start of every bucket from the one holding `from` up to `to` (exclusive), as ISO strings. */
export function bucketStarts(from: string, to: string, granularity: Granularity): string[] {
	const end = Date.parse(to);
	const starts: string[] = [];
	const first = new Date(from);
	let at =
		granularity === "month"
			? monthStart(first)
			: granularity === "day"
				? Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), first.getUTCDate())
				: Math.floor(first.getTime() / HOUR_MS) * HOUR_MS;
	while (at < end) {
		starts.push(new Date(at).toISOString());
		at = granularity === "month" ? monthStart(new Date(at), 1) : at + (granularity === "day" ? DAY_MS : HOUR_MS);
	}
	return starts;
}

/**
 * The last query that made sense: while a custom range is being typed (or runs backwards) the
 * page keeps showing the last good one, with the problem beside the picker.
 */
export function useLastValid(params: BillingParams | null): BillingParams | null {
	const last = useRef(params);
	if (params) last.current = params;
	return last.current;
}
