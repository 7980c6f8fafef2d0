// The fleet for one period: freshness, money, usage over time, the heaviest tenants, every
// tenant's economics (each opens its own bill), and the ledger reconciled with Analytics Engine.
import { useEffect, useMemo, useState } from "react";
import type { FleetUsage } from "../../../../shared/billing";
import { paths } from "../../../../shared/paths";
import { PLANS } from "../../../../shared/plans";
import { PRICES_READ_ON } from "../../../../shared/prices";
import { ApiError, describeError } from "../../api";
import { type PeriodChoice, toParams, useLastValid } from "../../billing-period";
import { type PlanFilter, rowsFor, tenantEconomics } from "../../fleet-view";
import { fleetUsage, operatorHeaders } from "../../operator-billing";
import { useResource } from "../../use-resource";
import { CsvDownload } from "../billing/CsvDownload";
import { PeriodPicker } from "../billing/PeriodPicker";
import { Section } from "../billing/Section";
import { UsageCharts } from "../billing/UsageCharts";
import { Spinner } from "../Feedback";
import { FleetFreshness } from "./FleetFreshness";
import { FleetStats } from "./FleetStats";
import { Reconciliation } from "./Reconciliation";
import { TenantBilling } from "./TenantBilling";
import { TenantEconomicsTable } from "./TenantEconomics";
import { TopTenants } from "./TopTenants";

interface FleetOverviewProps {
	choice: PeriodChoice;
	onChoice: (choice: PeriodChoice) => void;
	plan: PlanFilter;
	onUnauthorized: () => void;
}

export function FleetOverview({ choice, onChoice, plan, onUnauthorized }: FleetOverviewProps) {
	const [selected, setSelected] = useState<string | null>(null);
	const params = toParams(choice);
	const valid = useLastValid("invalid" in params ? null : params);
	const fleet = useResource<FleetUsage | null>(JSON.stringify(valid), (signal) =>
		valid ? fleetUsage(valid, signal) : Promise.resolve(null),
	);
	const unauthorized = fleet.error instanceof ApiError && fleet.error.status === 401;
	useEffect(() => {
		if (unauthorized) onUnauthorized();
	}, [unauthorized, onUnauthorized]);
	const data = fleet.data;
	const tenants = useMemo(() => (data ? tenantEconomics(data, plan) : []), [data, plan]);
	const rows = useMemo(() => (data ? rowsFor(data, plan) : []), [data, plan]);
	const problem =
		"invalid" in params
			? params.invalid
			: fleet.error instanceof ApiError && fleet.error.status === 400
				? fleet.error.message
				: null;

	return (
		<div className="fleet-overview" aria-busy={fleet.loading}>
			<div className="panel fleet-controls">
				<PeriodPicker value={choice} onChange={onChoice} problem={problem} />
				{valid && (
					<CsvDownload
						href={paths.adminUsage({ ...valid, format: "csv" })}
						label="Download fleet usage (CSV)"
						headers={operatorHeaders}
					/>
				)}
			</div>
			{!data ? (
				fleet.error && !problem ? (
					<p className="field-error" role="alert">
						{describeError(fleet.error)}
					</p>
				) : (
					!problem && <Spinner label="Reading every tenant's ledger…" />
				)
			) : (
				<>
					<FleetFreshness fleet={data} />
					<FleetStats tenants={tenants} plan={plan} />
					<Section title="Fleet usage over time" level={2} busy={fleet.loading}>
						<p className="muted small">
							All plans together{plan === "all" ? "" : ` (the plan filter applies to the tables below, not this chart)`}
							; cost meters at Cloudflare list prices read on {PRICES_READ_ON}.
						</p>
						<UsageCharts range={data} series={data.series} audience="all" />
					</Section>
					<TopTenants tenants={tenants} onOpen={setSelected} />
					<Section title="Revenue and cost per tenant" level={2} busy={fleet.loading}>
						<TenantEconomicsTable tenants={tenants} selected={selected} onOpen={setSelected} />
					</Section>
					{selected && (
						<TenantBilling
							key={selected}
							slug={selected}
							choice={choice}
							rows={data.rows.filter((row) => row.slug === selected)}
							onClose={() => setSelected(null)}
							onUnauthorized={onUnauthorized}
						/>
					)}
					<Section title="Ledger against Analytics Engine" level={2} busy={fleet.loading}>
						<Reconciliation rows={rows} />
					</Section>
					{plan !== "all" && tenants.length === 0 && (
						<p className="muted">No tenant on the {PLANS[plan].label} plan billed anything in this period.</p>
					)}
				</>
			)}
		</div>
	);
}
