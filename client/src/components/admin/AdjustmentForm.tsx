// A correction to a tenant's bill: a credit or a charge, added as a line to the open invoice.
// Closed invoices never change, so this is the only way to fix one after the fact.
import { type FormEvent, useState } from "react";
import { describeError } from "../../api";
import { formatCents, formatMonth } from "../../billing-format";
import { addAdjustment } from "../../operator-billing";
import { useToast } from "../../toasts";
import { ChoiceField, TextField } from "./fields";

const KINDS = ["credit", "charge"] as const;
type Kind = (typeof KINDS)[number];

export function AdjustmentForm({ slug, period, onAdded }: { slug: string; period: string; onAdded: () => void }) {
	const [description, setDescription] = useState("");
	const [amount, setAmount] = useState("");
	const [kind, setKind] = useState<Kind>("credit");
	const [error, setError] = useState<string | null>(null);
	const [busy, setBusy] = useState(false);
	const notify = useToast();

	const submit = async (event: FormEvent) => {
		event.preventDefault();
		if (!description.trim()) return setError("Say what the adjustment is for; the tenant sees it on the invoice.");
		if (!/^\d{1,7}(\.\d{1,2})?$/.test(amount.trim()) || Number(amount) === 0)
			return setError("Give an amount in dollars greater than zero, such as 12.50.");
		const cents = Math.round(Number(amount) * 100) * (kind === "credit" ? -1 : 1);
		setBusy(true);
		try {
			await addAdjustment(slug, description.trim(), cents);
			notify(`Added ${formatCents(cents)} to ${slug}'s ${formatMonth(period)} invoice`, "success");
			setDescription("");
			setAmount("");
			setError(null);
			onAdded();
		} catch (err) {
			setError(describeError(err));
		} finally {
			setBusy(false);
		}
	};
	return (
		<form className="adjustment-form" onSubmit={submit} aria-labelledby="adjustment-title">
			<h4 id="adjustment-title">Add an adjustment</h4>
			<p className="muted small">
				Adds a line to the open {formatMonth(period)} invoice. A credit lowers the bill; a charge raises it.
			</p>
			<div className="form-grid">
				<TextField
					id="adjustment-description"
					label="Description"
					placeholder="Credit for the 3 Nov outage"
					maxLength={200}
					value={description}
					onChange={(e) => setDescription(e.target.value)}
				/>
				<ChoiceField
					id="adjustment-kind"
					label="Kind"
					value={kind}
					options={KINDS}
					labelOf={(k) => (k === "credit" ? "Credit (−)" : "Charge (+)")}
					onChange={setKind}
				/>
				<TextField
					id="adjustment-amount"
					label="Amount (USD)"
					inputMode="decimal"
					placeholder="10.00"
					value={amount}
					onChange={(e) => setAmount(e.target.value)}
				/>
				<button type="submit" className="button button-primary" disabled={busy}>
					Add to invoice
				</button>
			</div>
			{error && (
				<p className="field-error" role="alert">
					{error}
				</p>
			)}
		</form>
	);
}
