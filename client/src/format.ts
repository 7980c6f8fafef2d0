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

/**
 * What an avatar shows for a name: the first letters of its first and last words ("Ada King
 * Lovelace" → "AL"), one letter for a single word ("Bob" → "B"), and for a bare email address
 * the part before the @. Letters, not UTF-16 halves, so "Émile" and "😀 Team" come out whole.
 */
export function initials(name: string): string {
	const person = name.includes("@") ? (name.split("@")[0] ?? "") : name;
	const words = person.split(/[\s._-]+/).filter(Boolean);
	const first = words[0];
	const last = words.length > 1 ? words.at(-1) : undefined;
	const letters = [first, last].map((word) => (word ? ([...word][0] ?? "") : "")).join("");
	return letters.toLocaleUpperCase() || "?";
}

/** The same user gets the same hue on every screen, so people can be recognised at a glance. */
export function userColour(userId: string): string {
	let hash = 0;
	for (const char of userId) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
	return `hsl(${hash % 360} 55% 45%)`;
}
