// Small display helpers: sizes, dates, initials and a stable colour per user.

export function formatBytes(bytes: number): string {
	if (bytes < 1024) return `${bytes} B`;
	const units = ["KB", "MB", "GB", "TB"];
	let value = bytes / 1024;
	let unit = 0;
	while (value >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit++;
	}
	return `${value >= 10 ? value.toFixed(0) : value.toFixed(1)} ${units[unit]}`;
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });

/** "3 minutes ago", falling back to a date for anything older than a week. */
export function formatWhen(iso: string): string {
	const then = new Date(iso).getTime();
	if (Number.isNaN(then)) return "";
	const seconds = Math.round((then - Date.now()) / 1000);
	if (Math.abs(seconds) < 60) return "just now";
	if (Math.abs(seconds) < 3600) return relative.format(Math.round(seconds / 60), "minute");
	if (Math.abs(seconds) < 86400) return relative.format(Math.round(seconds / 3600), "hour");
	if (Math.abs(seconds) < 7 * 86400) return relative.format(Math.round(seconds / 86400), "day");
	return new Date(iso).toLocaleDateString();
}

export function initials(name: string): string {
	const words = name
		.trim()
		.split(/[\s@._-]+/)
		.filter(Boolean);
	const letters = words.length > 1 ? `${words[0]?.[0] ?? ""}${words[1]?.[0] ?? ""}` : name.slice(0, 2);
	return letters.toUpperCase() || "?";
}

/** The same user gets the same hue on every screen, so people can be recognised at a glance. */
export function userColour(userId: string): string {
	let hash = 0;
	for (const char of userId) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
	return `hsl(${hash % 360} 55% 45%)`;
}
