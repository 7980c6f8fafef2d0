// The four numbers a billing page opens with: the bill so far, where the month is heading, the
// plan, and when the period closes.
import type { InvoiceList } from "../../../../shared/billing";
import { PLANS } from "../../../../shared/plans";
import type { Plan } from "../../../../shared/tenant";
import { formatCents, formatDay, formatMonth } from "../../billing-format";

export function BillingSummary({ list, plan }: { list: InvoiceList; plan: Plan }) {
	const period = list.preview.period;
	const daysLeft = Math.max(0, Math.ceil((Date.parse(period.to) - Date.now()) / 86_400_000));
	return (
		<dl className="stats" data-testid="billing-summary">
			<div className="stat">
				<dt>Bill so far</dt>
				<dd className="stat-value" data-testid="bill-so-far">
					{formatCents(list.preview.totalCents)}
				</dd>
				<dd className="stat-note">{formatMonth(period.id)}, still open</dd>
			</div>
			<div className="stat">
				<dt>Projected for the month</dt>
				<dd className="stat-value" data-testid="bill-projected">
					{formatCents(list.projected.totalCents)}
				</dd>
				<dd className="stat-note">if usage goes on at this pace</dd>
			</div>
			<div className="stat">
				<dt>Plan</dt>
				<dd className="stat-value">{PLANS[plan].label}</dd>
				<dd className="stat-note">{formatCents(PLANS[plan].priceCents)} a month, plus usage beyond it</dd>
			</div>
			<div className="stat">
				<dt>Period closes</dt>
				<dd className="stat-value">{formatDay(period.to, true)}</dd>
				<dd className="stat-note">
					{daysLeft} {daysLeft === 1 ? "day" : "days"} left · months run in UTC
				</dd>
			</div>
		</dl>
	);
}
