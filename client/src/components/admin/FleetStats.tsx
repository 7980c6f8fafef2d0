// The fleet's period in four numbers: billed, cost to serve, what is left, and how many tenants.
import { PLANS } from "../../../../shared/plans";
import { formatCents } from "../../billing-format";
import type { PlanFilter, TenantEconomics } from "../../fleet-view";

export function FleetStats({ tenants, plan }: { tenants: TenantEconomics[]; plan: PlanFilter }) {
	const revenue = tenants.reduce((sum, t) => sum + t.revenueCents, 0);
	const cost = tenants.reduce((sum, t) => sum + t.costCents, 0);
	const scope = plan === "all" ? "all plans" : `the ${PLANS[plan].label} plan`;
	return (
		<dl className="stats" data-testid="fleet-stats">
			<div className="stat">
				<dt>Revenue</dt>
				<dd className="stat-value" data-testid="fleet-revenue">
					{formatCents(revenue)}
				</dd>
				<dd className="stat-note">invoices of the months this period touches, {scope}</dd>
			</div>
			<div className="stat">
				<dt>Cost to serve</dt>
				<dd className="stat-value">{formatCents(cost)}</dd>
				<dd className="stat-note">Cloudflare list prices for the metered work</dd>
			</div>
			<div className="stat">
				<dt>Revenue − cost</dt>
				<dd className={`stat-value ${revenue - cost < 0 ? "negative" : ""}`}>{formatCents(revenue - cost)}</dd>
				<dd className="stat-note">before fixed costs and free allowances</dd>
			</div>
			<div className="stat">
				<dt>Tenants</dt>
				<dd className="stat-value">{tenants.length}</dd>
				<dd className="stat-note">on {scope}</dd>
			</div>
		</dl>
	);
}
