// The open month against what the plan includes, one billed line each: a bar with a tick at 80%,
// and the level in words and a symbol, so nobody has to tell amber from red to know where they stand.
import type { Allowance } from "../../../../shared/billing";
import { BILLING_LINES, type OveragePrice, PLANS } from "../../../../shared/plans";
import type { Plan } from "../../../../shared/tenant";
import { formatCents, formatPercent, formatQuantity } from "../../billing-format";

const LEVELS: Record<Allowance["level"], { symbol: string; text: string }> = {
	ok: { symbol: "✓", text: "Within plan" },
	warning: { symbol: "!", text: "80% or more used" },
	exceeded: { symbol: "✕", text: "Over the included amount" },
};

export function AllowanceList({ allowance, plan }: { allowance: readonly Allowance[]; plan: Plan }) {
	return (
		<ul className="allowances" data-testid="allowances">
			{allowance.map((item) => (
				<AllowanceRow key={item.line} item={item} plan={plan} />
			))}
		</ul>
	);
}

function AllowanceRow({ item, plan }: { item: Allowance; plan: Plan }) {
	const info = BILLING_LINES[item.line];
	const share = item.included > 0 ? item.used / item.included : item.used > 0 ? 1 : 0;
	const level = LEVELS[item.level];
	return (
		<li className={`allowance level-${item.level}`} data-testid={`allowance-${item.line}`} data-used={item.used}>
			<div className="allowance-head">
				<span className="allowance-label">{info.label}</span>
				<span className="allowance-level">
					<span className="allowance-symbol" aria-hidden="true">
						{level.symbol}
					</span>
					{level.text}
				</span>
			</div>
			<div className="allowance-bar" aria-hidden="true">
				<span className="allowance-fill" style={{ width: `${Math.min(share, 1) * 100}%` }} />
				<span className="allowance-tick" />
			</div>
			<p className="allowance-numbers">
				<strong data-testid="allowance-used">{formatQuantity(item.used)}</strong> of {formatQuantity(item.included)}{" "}
				{info.unit} · {formatPercent(share)}
			</p>
			<p className="allowance-note muted small">{overageNote(PLANS[plan].overage[item.line], info.unit, plan)}</p>
		</li>
	);
}

function overageNote(price: OveragePrice, unit: string, plan: Plan): string {
	if (!price) return `The ${PLANS[plan].label} plan never bills more: past this, Boardroom warns and limits hold.`;
	const per = price.per === 1 ? unit.replace(/s$/, "") : `${formatQuantity(price.per)} ${unit}`;
	return `Beyond it: ${formatCents(price.cents)} per ${per}.`;
}
