// The operator's billing view: the fleet's revenue against what it costs to serve, usage over
// time, the heaviest tenants, the exact ledger reconciled with Analytics Engine, and any tenant's
// bill in detail. Behind the same admin token as the tenant list.
import "../billing.css";
import { useState } from "react";
import { PLANS } from "../../../shared/plans";
import { type Plan, planSchema } from "../../../shared/tenant";
import { defaultPeriod } from "../billing-period";
import { FleetOverview } from "../components/admin/FleetOverview";
import type { PlanFilter } from "../fleet-view";
import { ConsolePage } from "./ConsolePage";

export function AdminBillingPage() {
	const [choice, setChoice] = useState(() => defaultPeriod());
	const [plan, setPlan] = useState<PlanFilter>("all");
	return (
		<ConsolePage
			view="billing"
			className="admin-billing"
			title="Billing"
			lead="Revenue, cost to serve and usage across every tenant."
			actions={
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
			}
		>
			{(forget) => <FleetOverview choice={choice} onChoice={setChoice} plan={plan} onUnauthorized={forget} />}
		</ConsolePage>
	);
}
