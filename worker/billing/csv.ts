// CSV for the billing routes (`?format=csv`): a header row, then one row per record, quoted only
// where a field needs it (RFC 4180).

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
	return [header, ...rows]
		.map((row) => row.map(field).join(","))
		.join("\r\n")
		.concat("\r\n");
}

export function csvResponse(filename: string, body: string): Response {
	return new Response(body, {
		headers: {
			"Content-Type": "text/csv; charset=utf-8",
			"Content-Disposition": `attachment; filename="${filename}"`,
		},
	});
}

function field(value: string | number | null): string {
	if (value === null) return "";
	const text = String(value);
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
