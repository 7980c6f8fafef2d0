// One tenant's billing as the operator sees it: the tenant's own overview (with cost meters),
// its ledger against Analytics Engine, and a way to correct its open invoice.
import { useEffect, useId, useMemo, useRef } from "react";
import type { FleetRow } from "../../../../shared/billing";
import type { PeriodChoice } from "../../billing-period";
import { operatorBilling } from "../../operator-billing";
import { BillingOverview } from "../billing/BillingOverview";
import { Section } from "../billing/Section";
import { Link } from "../Link";
import { AdjustmentForm } from "./AdjustmentForm";
import { Reconciliation } from "./Reconciliation";

interface TenantBillingProps {
	slug: string;
	choice: PeriodChoice;
	/** The fleet answer's rows for this tenant. */
	rows: readonly FleetRow[];
	onClose: () => void;
	onUnauthorized: () => void;
}

export function TenantBilling({ slug, choice, rows, onClose, onUnauthorized }: TenantBillingProps) {
	const titleId = useId();
	const heading = useRef<HTMLHeadingElement>(null);
	const source = useMemo(() => operatorBilling(slug), [slug]);
	// Opening a tenant moves the reader to it: focus (and the screen) goes to its heading.
	// biome-ignore lint/correctness/useExhaustiveDependencies: runs when another tenant is opened.
	useEffect(() => {
		heading.current?.focus();
		heading.current?.scrollIntoView({ block: "start" });
	}, [slug]);
	return (
		<section className="tenant-billing" aria-labelledby={titleId} data-testid="tenant-billing">
			<div className="tenant-billing-head">
				<h2 id={titleId} ref={heading} tabIndex={-1}>
					{slug}
				</h2>
				<Link href={`/t/${encodeURIComponent(slug)}`} className="small">
					Open workspace
				</Link>
				<div className="topbar-spacer" />
				<button type="button" className="button button-secondary" onClick={onClose}>
					Close
				</button>
			</div>
			<BillingOverview
				source={source}
				sourceKey={`operator:${slug}`}
				choice={choice}
				audience="all"
				level={3}
				onUnauthorized={onUnauthorized}
				invoiceTools={(list, reload) => <AdjustmentForm slug={slug} period={list.preview.period.id} onAdded={reload} />}
			/>
			<Section title="Ledger against Analytics Engine" level={3}>
				<Reconciliation rows={rows} perTenant={false} />
			</Section>
		</section>
	);
}
