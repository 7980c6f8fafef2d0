// How the billing pages write money, quantities and times. Money arrives as integer US cents and
// is shown as dollars with cents; times are UTC, because billing periods are UTC months.
import type { Granularity } from "../../shared/billing";

const dollars = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
const whole = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** 12345 → "$123.45"; -1000 → "-$10.00". */
export function formatCents(cents: number): string {
	return dollars.format(cents / 100);
}

/**
 * A quantity in a billed unit: whole numbers with separators, fractions (GB, prorated
 * allowances) with enough digits to tell them from zero.
 */
export function formatQuantity(value: number): string {
	if (Number.isInteger(value) || Math.abs(value) >= 100) return whole.format(value);
	if (value === 0) return "0";
	const digits = Math.abs(value) >= 1 ? 2 : Math.min(6, 1 - Math.floor(Math.log10(Math.abs(value))));
	return value.toLocaleString("en-US", { maximumFractionDigits: digits });
}

/** "1 member", "2 members"; units without a plural (GB-month) stay as they are. */
export function withUnit(quantity: number, unit: string): string {
	return `${formatQuantity(quantity)} ${quantity === 1 && unit.endsWith("s") ? unit.slice(0, -1) : unit}`;
}

/** Bytes in decimal units, as they are billed (1 GB = 10⁹ bytes). */
export function formatDecimalBytes(bytes: number): string {
	const units = ["B", "kB", "MB", "GB", "TB"];
	let value = bytes;
	let unit = 0;
	while (Math.abs(value) >= 1000 && unit < units.length - 1) {
		value /= 1000;
		unit++;
	}
	return `${unit === 0 ? whole.format(value) : value.toFixed(value >= 100 ? 0 : 1)} ${units[unit]}`;
}

export function formatPercent(share: number): string {
	if (share === 0) return "0%";
	return `${(share * 100).toFixed(share > 0 && share < 0.01 ? 2 : share < 0.1 ? 1 : 0)}%`;
}

const utc = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat("en-US", { ...options, timeZone: "UTC" });
const monthYear = utc({ month: "long", year: "numeric" });
const dayMonth = utc({ day: "numeric", month: "short" });
const dayMonthYear = utc({ day: "numeric", month: "short", year: "numeric" });
const dateTime = utc({ day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" });
const dayHour = utc({ day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });

/** "2026-11" or an ISO time in that month → "November 2026". */
export function formatMonth(iso: string): string {
	return monthYear.format(new Date(iso.length === 7 ? `${iso}-01T00:00:00Z` : iso));
}

export function formatDay(iso: string, withYear = false): string {
	return (withYear ? dayMonthYear : dayMonth).format(new Date(iso));
}

/** "25 Nov 2026, 18:49 UTC". */
export function formatDateTime(iso: string): string {
	return `${dateTime.format(new Date(iso))} UTC`;
}

/** A bucket's start, as precise as its granularity. */
export function formatBucket(iso: string, granularity: Granularity): string {
	if (granularity === "month") return formatMonth(iso);
	if (granularity === "day") return formatDay(iso);
	return `${dayHour.format(new Date(iso))} UTC`;
}
