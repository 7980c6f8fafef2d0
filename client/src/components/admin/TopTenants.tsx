// The five tenants that use the most of one billed line, and the five that cost the most to
// serve, as ranked bars: where the fleet's load and Cloudflare bill come from.
import { useId, useState } from "react";
import { BILLING_LINE_IDS, BILLING_LINES, type BillingLine } from "../../../../shared/plans";
import { formatCents, formatQuantity } from "../../billing-format";
import type { TenantEconomics } from "../../fleet-view";

const TOP = 5;

export function TopTenants({ tenants, onOpen }: { tenants: TenantEconomics[]; onOpen: (slug: string) => void }) {
	const [line, setLine] = useState<BillingLine>("requests");
	const id = useId();
	const unit = BILLING_LINES[line].unit;
	return (
		<div className="top-tenants">
			<div className="panel billing-section" data-testid="top-by-usage">
				<div className="billing-section-head">
					<h2 className="billing-section-title">Top tenants by usage</h2>
					<div className="inline-field">
						<label htmlFor={id}>Ranked by</label>
						<select
							id={id}
							value={line}
							onChange={(e) => setLine(BILLING_LINE_IDS.find((l) => l === e.target.value) ?? line)}
						>
							{BILLING_LINE_IDS.map((l) => (
								<option key={l} value={l}>
									{BILLING_LINES[l].label}
								</option>
							))}
						</select>
					</div>
				</div>
				<Ranking
					items={tenants.map((t) => ({ slug: t.slug, value: t.usage[line] }))}
					format={(v) => `${formatQuantity(v)} ${unit}`}
					empty="No tenant used any in this period."
					onOpen={onOpen}
				/>
			</div>
			<div className="panel billing-section" data-testid="top-by-cost">
				<div className="billing-section-head">
					<h2 className="billing-section-title">Top tenants by cost to serve</h2>
				</div>
				<Ranking
					items={tenants.map((t) => ({ slug: t.slug, value: t.costCents }))}
					format={formatCents}
					empty="No tenant cost a whole cent to serve in this period."
					onOpen={onOpen}
				/>
			</div>
		</div>
	);
}

function Ranking(props: {
	items: { slug: string; value: number }[];
	format: (value: number) => string;
	empty: string;
	onOpen: (slug: string) => void;
}) {
	const top = props.items
		.filter((item) => item.value > 0)
		.sort((a, b) => b.value - a.value)
		.slice(0, TOP);
	if (top.length === 0) return <p className="muted">{props.empty}</p>;
	const max = top[0]?.value ?? 1;
	return (
		<ol className="ranking">
			{top.map((item) => (
				<li key={item.slug}>
					<button type="button" className="link-button" onClick={() => props.onOpen(item.slug)}>
						{item.slug}
					</button>
					<span className="ranking-value">{props.format(item.value)}</span>
					<span className="ranking-bar" aria-hidden="true">
						<span style={{ width: `${(item.value / max) * 100}%` }} />
					</span>
				</li>
			))}
		</ol>
	);
}
