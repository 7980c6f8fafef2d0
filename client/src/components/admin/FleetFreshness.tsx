// How fresh the operator's billing numbers are, and what the Analytics Engine column really is:
// said in words, because "0" from an unconfigured AE looks just like a quiet fleet.
import type { FleetUsage } from "../../../../shared/billing";
import { formatDateTime } from "../../billing-format";
import { analyticsState } from "../../fleet-view";
import { formatWhen } from "../../format";

export function FleetFreshness({ fleet }: { fleet: FleetUsage }) {
	const state = analyticsState(fleet);
	const newest = fleet.analyticsNewest;
	return (
		<div className={`freshness freshness-${state}`} data-testid="fleet-freshness">
			<p>
				<strong>Ledger</strong> read from every tenant at {formatDateTime(fleet.generatedAt)} (
				{formatWhen(fleet.generatedAt)}). It is exact: invoices are computed from it.
			</p>
			<p data-testid="analytics-source">
				<strong>Analytics Engine</strong>{" "}
				{state === "local" &&
					"is the local stand-in here: wrangler dev drops Analytics Engine writes, so the same writer records each point in a local store with AE's columns. It is not sampled, and trails the ledger by a few seconds."}
				{state === "live" &&
					"is Cloudflare's dataset boardroom_usage, read through its SQL API. It samples under load and trails the ledger by a minute or two."}
				{state === "unavailable" &&
					"is not configured here, or its SQL API did not answer (it needs the AE_ACCOUNT_ID and AE_API_TOKEN secrets): every number in its column is 0, so the differences below are the whole ledger."}{" "}
				{newest ? `Newest point: ${formatDateTime(newest)} (${formatWhen(newest)}).` : "No point has arrived yet."}
			</p>
		</div>
	);
}
