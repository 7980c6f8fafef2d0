// Closed invoices, newest first, each opening to its lines; and the plan changes they were billed on.
import type { InvoiceList } from "../../../../shared/billing";
import { PLANS } from "../../../../shared/plans";
import { formatCents, formatDateTime, formatDay, formatMonth } from "../../billing-format";
import { EmptyState } from "../Feedback";
import { InvoiceTable } from "./InvoiceTable";

export function InvoiceHistory({ list }: { list: InvoiceList }) {
	if (list.closed.length === 0)
		return (
			<EmptyState title="No closed invoices yet">
				{formatMonth(list.preview.period.id)} closes at midnight UTC on {formatDay(list.preview.period.to, true)}; its
				invoice will appear here then.
			</EmptyState>
		);
	return (
		<ul className="invoice-history" data-testid="closed-invoices">
			{list.closed.map((invoice) => (
				<li key={invoice.period.id}>
					<details>
						<summary>
							<span className="invoice-period">{formatMonth(invoice.period.id)}</span>
							<span className="badge">closed</span>
							<span className="invoice-amount">{formatCents(invoice.totalCents)}</span>
						</summary>
						<InvoiceTable invoice={invoice} />
					</details>
				</li>
			))}
		</ul>
	);
}

export function PlanHistory({ list }: { list: InvoiceList }) {
	if (list.planHistory.length === 0) return <p className="muted">No plan changes recorded.</p>;
	// Newest first, like the invoices beside it.
	const changes = [...list.planHistory].reverse();
	return (
		<ol className="plan-history" data-testid="plan-history">
			{changes.map((change, i) => (
				<li key={change.effectiveAt}>
					<span className={`badge plan-badge plan-${change.plan}`}>{PLANS[change.plan].label}</span>
					<span>
						{i === 0 ? "since" : "from"} {formatDateTime(change.effectiveAt)}
					</span>
					<span className="muted small">{formatCents(PLANS[change.plan].priceCents)} a month</span>
				</li>
			))}
		</ol>
	);
}
