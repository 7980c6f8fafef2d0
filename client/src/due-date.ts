// Due dates are calendar days ("2027-03-31") with no time zone: a card is due on that day
// wherever its people are, so they are compared with the viewer's own today.

/** Today as the viewer's calendar says, in the same form. */
export function today(now = new Date()): string {
	const pad = (n: number) => String(n).padStart(2, "0");
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export type DueState = "overdue" | "today" | "upcoming";

export function dueState(dueDate: string, now = new Date()): DueState {
	const day = today(now);
	return dueDate < day ? "overdue" : dueDate === day ? "today" : "upcoming";
}

/** "31 Mar", or "31 Mar 2028" when it is not this year. */
export function formatDay(dueDate: string, now = new Date()): string {
	const [year, month, day] = dueDate.split("-").map(Number);
	const date = new Date(year ?? 0, (month ?? 1) - 1, day ?? 1);
	const options: Intl.DateTimeFormatOptions = { day: "numeric", month: "short" };
	if (date.getFullYear() !== now.getFullYear()) options.year = "numeric";
	return date.toLocaleDateString(undefined, options);
}
