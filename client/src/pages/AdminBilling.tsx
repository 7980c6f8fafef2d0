// The operator's billing view: the fleet's revenue against what it costs to serve, usage over
// time, the heaviest tenants, the exact ledger reconciled with Analytics Engine, and any tenant's
// bill in detail. Behind the same admin token as the tenant list.
import "../billing.css";
import { useState } from "react";
import { PLANS } from "../../../shared/plans";
import { type Plan, planSchema } from "../../../shared/tenant";
import { readAdminToken, saveAdminToken } from "../admin-api";
import { defaultPeriod } from "../billing-period";
import { ConsoleHeader } from "../components/admin/ConsoleHeader";
import { ConsoleTabs } from "../components/admin/ConsoleTabs";
import { FleetOverview } from "../components/admin/FleetOverview";
import type { PlanFilter } from "../fleet-view";
import { TokenPrompt } from "./Admin";

export function AdminBillingPage() {
	const [token, setToken] = useState(readAdminToken);
	const [choice, setChoice] = useState(() => defaultPeriod());
	const [plan, setPlan] = useState<PlanFilter>("all");
	const forget = () => {
		saveAdminToken(null);
		setToken(null);
	};
	if (!token) return <TokenPrompt onToken={setToken} />;
	return (
		<div className="app">
			<ConsoleHeader onForget={forget} />
			<ConsoleTabs current="billing" />
			<main className="page admin-billing">
				<div className="page-header">
					<div>
						<h1>Billing</h1>
						<p className="muted">Revenue, cost to serve and usage across every tenant.</p>
					</div>
					<div className="field plan-filter">
						<label htmlFor="plan-filter">Plan</label>
						<select
							id="plan-filter"
							value={plan}
							onChange={(e) => setPlan(planSchema.options.find((p: Plan) => p === e.target.value) ?? "all")}
						>
							<option value="all">All plans</option>
							{planSchema.options.map((p) => (
								<option key={p} value={p}>
									{PLANS[p].label}
								</option>
							))}
						</select>
					</div>
				</div>
				<FleetOverview choice={choice} onChoice={setChoice} plan={plan} onUnauthorized={forget} />
			</main>
		</div>
	);
}
