// The audit log: every operator action, newest first, a page at a time ("Show older").
import { useCallback, useEffect, useState } from "react";
import type { AuditAction, AuditEntry } from "../../../../shared/fleet";
import { adminApi } from "../../admin-api";
import { describeError } from "../../api";
import { formatWhen } from "../../format";
import { Spinner } from "../Feedback";

/** Each action in words an operator reads at a glance. */
const ACTION_LABELS: Record<AuditAction, string> = {
	"tenant.create": "Created",
	"tenant.import": "Restored from an export",
	"tenant.plan": "Changed plan",
	"tenant.suspend": "Suspended",
	"tenant.resume": "Resumed",
	"tenant.delete": "Deleted",
	"tenant.purged": "Purged",
	"tenant.purge_failed": "Purge failed",
	"tenant.restore": "Restored to a point in time",
	"member.add": "Added a member",
	"export.start": "Started an export",
	"export.failed": "Export failed",
	"rollout.start": "Started a schema rollout",
	"billing.adjust": "Adjusted an invoice",
};

/** The details worth a line: "from free to team", an email and role, an export's id. */
function detailsOf(entry: AuditEntry): string {
	const d = entry.details;
	if (entry.action === "tenant.plan") return `${String(d.from)} → ${String(d.to)}`;
	if (entry.action === "member.add") return `${String(d.email)} (${String(d.role)})`;
	if (entry.action === "tenant.import") return `from ${String(d.sourceSlug)}, export ${String(d.importFrom)}`;
	return Object.entries(d)
		.map(([key, value]) => `${key}: ${typeof value === "object" ? JSON.stringify(value) : String(value)}`)
		.join(" · ");
}

export function AuditLog() {
	const [entries, setEntries] = useState<AuditEntry[] | null>(null);
	const [cursor, setCursor] = useState<string | null>(null);
	const [error, setError] = useState<string | null>(null);
	const [busy, setBusy] = useState(false);

	const load = useCallback(async (from: string | null) => {
		setBusy(true);
		try {
			const page = await adminApi.audit(from);
			setEntries((previous) => [...(from && previous ? previous : []), ...page.entries]);
			setCursor(page.cursor);
			setError(null);
		} catch (err) {
			setError(describeError(err));
		} finally {
			setBusy(false);
		}
	}, []);
	useEffect(() => void load(null), [load]);

	return (
		<section className="panel table-panel" aria-labelledby="audit-heading">
			<h2 id="audit-heading">Audit log</h2>
			{error && (
				<p className="field-error" role="alert">
					{error}
				</p>
			)}
			{entries === null ? (
				<Spinner label="Loading the audit log…" />
			) : entries.length === 0 ? (
				<p className="empty-state muted">No operator actions yet.</p>
			) : (
				<table className="table audit-table">
					<thead>
						<tr>
							<th scope="col">When</th>
							<th scope="col">Who</th>
							<th scope="col">What</th>
							<th scope="col">Workspace</th>
							<th scope="col">Details</th>
						</tr>
					</thead>
					<tbody>
						{entries.map((entry) => (
							<tr key={entry.id} data-testid="audit-entry">
								<td>
									<time dateTime={entry.at}>{formatWhen(entry.at)}</time>
								</td>
								<td>
									{entry.actor}
									{entry.client && <span className="muted small"> · {entry.client}</span>}
								</td>
								<td>{ACTION_LABELS[entry.action] ?? entry.action}</td>
								<td>{entry.slug ?? "All tenants"}</td>
								<td className="small">{detailsOf(entry)}</td>
							</tr>
						))}
					</tbody>
				</table>
			)}
			{cursor && (
				<button type="button" className="button button-secondary" disabled={busy} onClick={() => void load(cursor)}>
					Show older
				</button>
			)}
		</section>
	);
}
