// The exact ledger beside Analytics Engine, per meter and per tenant and meter, with the
// difference: the check that the sampled, fleet-wide view tells the same story as the numbers
// invoices are computed from.
import { useId, useState } from "react";
import type { FleetRow } from "../../../../shared/billing";
import { METERS } from "../../../../shared/meters";
import { formatPercent, formatQuantity } from "../../billing-format";
import { compareByMeter } from "../../fleet-view";

/** `perTenant` adds the table of every tenant and meter (the fleet view); one tenant needs only its meters. */
export function Reconciliation({ rows, perTenant = true }: { rows: readonly FleetRow[]; perTenant?: boolean }) {
	const different = rows.filter((row) => row.analytics !== row.ledger);
	return (
		<>
			<p className="muted" data-testid="reconciliation-summary">
				{rows.length === 0
					? "No usage in this period to compare."
					: different.length === 0
						? `All ${rows.length} tenant and meter pairs match exactly.`
						: `${rows.length - different.length} of ${rows.length} tenant and meter pairs match exactly; ${different.length} differ.`}
			</p>
			{rows.length > 0 && <MeterTable rows={rows} caption={perTenant ? "By meter, all tenants shown" : "By meter"} />}
			{perTenant && rows.length > 0 && <PairTable rows={rows} different={different} />}
		</>
	);
}

function MeterTable({ rows, caption }: { rows: readonly FleetRow[]; caption: string }) {
	return (
		<div className="table-scroll">
			<table className="table compact-table" data-testid="reconciliation-meters">
				<caption className="billing-caption">{caption}</caption>
				<thead>
					<Header first={["Meter"]} />
				</thead>
				<tbody>
					{compareByMeter(rows).map((m) => (
						<tr key={m.meter}>
							<th scope="row">{METERS[m.meter].label}</th>
							<Numbers ledger={m.ledger} analytics={m.analytics} />
						</tr>
					))}
				</tbody>
			</table>
		</div>
	);
}

function PairTable({ rows, different }: { rows: readonly FleetRow[]; different: readonly FleetRow[] }) {
	const [onlyDifferent, setOnlyDifferent] = useState(true);
	const checkbox = useId();
	const shown = onlyDifferent ? different : rows;
	return (
		<>
			<div className="reconciliation-filter">
				<input
					id={checkbox}
					type="checkbox"
					checked={onlyDifferent}
					onChange={(e) => setOnlyDifferent(e.target.checked)}
				/>
				<label htmlFor={checkbox}>Only pairs that differ</label>
			</div>
			{shown.length === 0 ? (
				<p className="muted small">Every tenant and meter pair matches.</p>
			) : (
				<div className="table-scroll">
					<table className="table compact-table" data-testid="reconciliation-rows">
						<caption className="billing-caption">By tenant and meter</caption>
						<thead>
							<Header first={["Tenant", "Meter"]} />
						</thead>
						<tbody>
							{shown.map((row) => (
								<tr
									key={`${row.tenantId}|${row.meter}`}
									data-testid="reconciliation-row"
									data-slug={row.slug ?? ""}
									data-meter={row.meter}
								>
									<th scope="row">{row.slug ?? `${row.tenantId} (gone)`}</th>
									<td>{METERS[row.meter].label}</td>
									<Numbers ledger={row.ledger} analytics={row.analytics} />
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
		</>
	);
}

function Header({ first }: { first: string[] }) {
	return (
		<tr>
			{first.map((label) => (
				<th key={label} scope="col">
					{label}
				</th>
			))}
			<th scope="col" className="numeric">
				Ledger
			</th>
			<th scope="col" className="numeric">
				Analytics Engine
			</th>
			<th scope="col" className="numeric">
				Difference
			</th>
		</tr>
	);
}

/** Both counts and their difference: "match", or signed with its share of the ledger (words and sign, not colour alone). */
function Numbers({ ledger, analytics }: { ledger: number; analytics: number }) {
	const difference = analytics - ledger;
	const sign = difference > 0 ? "+" : "−";
	const share = ledger > 0 ? ` (${sign}${formatPercent(Math.abs(difference) / ledger)})` : "";
	return (
		<>
			<td className="numeric" data-testid="reconciliation-ledger">
				{formatQuantity(ledger)}
			</td>
			<td className="numeric" data-testid="reconciliation-analytics">
				{formatQuantity(analytics)}
			</td>
			<td className="numeric">
				{difference === 0 ? (
					<span className="difference match">match</span>
				) : (
					<span className={`difference ${difference > 0 ? "over" : "under"}`}>
						{sign}
						{formatQuantity(Math.abs(difference))}
						{share}
					</span>
				)}
			</td>
		</>
	);
}
