// An invoice's lines and its total. The server rounds each line to the cent and sums the rounded
// lines, so what this table shows adds up to the total it shows.
import type { Invoice, InvoiceLine } from "../../../../shared/invoice";
import { BILLING_LINES } from "../../../../shared/plans";
import { formatCents, formatMonth, formatQuantity, withUnit } from "../../billing-format";

export function InvoiceTable({ invoice, caption }: { invoice: Invoice; caption?: string }) {
	return (
		<table className="table invoice-table" data-testid="invoice-table">
			<caption className="visually-hidden">{caption ?? `Invoice for ${formatMonth(invoice.period.id)}`}</caption>
			<thead>
				<tr>
					<th scope="col">Line</th>
					<th scope="col">Usage</th>
					<th scope="col" className="numeric">
						Amount
					</th>
				</tr>
			</thead>
			<tbody>
				{invoice.lines.map((line, i) => (
					// Lines have no id; their order is fixed by the invoice and never changes.
					// biome-ignore lint/suspicious/noArrayIndexKey: see above.
					<tr key={i} className={`invoice-line line-${line.kind}`} data-testid="invoice-line">
						<th scope="row">{line.description}</th>
						<td>
							<LineUsage line={line} />
						</td>
						<td className="numeric" data-testid="invoice-line-amount">
							{formatCents(line.amountCents)}
						</td>
					</tr>
				))}
			</tbody>
			<tfoot>
				<tr>
					<th scope="row" colSpan={2}>
						Total
					</th>
					<td className="numeric" data-testid="invoice-total">
						{formatCents(invoice.totalCents)}
					</td>
				</tr>
			</tfoot>
		</table>
	);
}

function LineUsage({ line }: { line: InvoiceLine }) {
	if (line.kind === "base") return <span className="muted">Base price</span>;
	if (line.kind === "adjustment") return <span className="muted">Adjustment</span>;
	const unit = line.line ? BILLING_LINES[line.line].unit : "";
	return (
		<>
			{withUnit(line.quantity ?? 0, unit)}
			<span className="invoice-detail muted small">
				{formatQuantity(line.included ?? 0)} included · {formatQuantity(line.overage ?? 0)} over
			</span>
		</>
	);
}
