// A tenant's usage and billing, for its owners and admins (the server refuses everyone else too).
import "../billing.css";
import { useMemo, useState } from "react";
import { PLANS } from "../../../shared/plans";
import { canManage } from "../../../shared/roles";
import { defaultPeriod } from "../billing-period";
import { tenantBilling } from "../billing-source";
import { BillingOverview } from "../components/billing/BillingOverview";
import { Link } from "../components/Link";
import { TopBar } from "../components/TopBar";
import { useSession } from "../tenant-session";

export function BillingPage() {
	const { slug, me, expire } = useSession();
	const [choice, setChoice] = useState(() => defaultPeriod());
	const source = useMemo(() => tenantBilling(slug), [slug]);
	const boards = `/t/${encodeURIComponent(slug)}`;
	return (
		<div className="app">
			<TopBar />
			<main className="page billing-page">
				<div className="page-header">
					<div>
						<Link href={boards} className="back-link">
							← Boards
						</Link>
						<h1>Usage &amp; billing</h1>
						<p className="muted">
							{me.tenant.name} on the {PLANS[me.tenant.plan].label} plan. Figures come from the workspace's exact usage
							ledger.
						</p>
					</div>
				</div>
				{canManage(me.user.role) ? (
					<BillingOverview
						source={source}
						sourceKey={`tenant:${slug}`}
						choice={choice}
						onChoice={setChoice}
						audience="usage"
						level={2}
						onUnauthorized={expire}
					/>
				) : (
					<div className="panel billing-refused" data-testid="billing-forbidden">
						<h2>Only owners and admins see usage and billing</h2>
						<p className="muted">
							You are signed in as a {me.user.role}. Ask an owner of {me.tenant.name} if you need these figures.
						</p>
						<Link href={boards} className="button button-secondary">
							Back to boards
						</Link>
					</div>
				)}
			</main>
		</div>
	);
}
