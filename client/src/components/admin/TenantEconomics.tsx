// Every tenant's period in money: what it was billed, what serving it cost at Cloudflare's list
// prices, and the difference; sortable by any column, and each tenant opens its billing detail.
import { useState } from "react";
import { PLANS } from "../../../../shared/plans";
import { PRICES_READ_ON } from "../../../../shared/prices";
import { formatCents, formatQuantity } from "../../billing-format";
import type { TenantEconomics as Economics } from "../../fleet-view";
import { EmptyState } from "../Feedback";

type Column = "slug" | "plan" | "requests" | "operations" | "revenueCents" | "costCents" | "marginCents";
const COLUMNS: { id: Column; label: string; numeric: boolean }[] = [
	{ id: "slug", label: "Tenant", numeric: false },
	{ id: "plan", label: "Plan", numeric: false },
	{ id: "requests", label: "API requests", numeric: true },
	{ id: "operations", label: "Changes", numeric: true },
	{ id: "revenueCents", label: "Revenue", numeric: true },
	{ id: "costCents", label: "Cost to serve", numeric: true },
	{ id: "marginCents", label: "Revenue − cost", numeric: true },
];

const cellValue = (t: Economics, column: Column): string | number =>
	column === "requests" || column === "operations" ? t.usage[column] : t[column];

interface TenantEconomicsProps {
	tenants: Economics[];
	selected: string | null;
	onOpen: (slug: string) => void;
}

export function TenantEconomicsTable({ tenants, selected, onOpen }: TenantEconomicsProps) {
	const [sort, setSort] = useState<{ column: Column; descending: boolean }>({
		column: "revenueCents",
		descending: true,
	});
	if (tenants.length === 0) return <EmptyState title="No tenants on this plan" />;
	const sorted = [...tenants].sort((a, b) => {
		const x = cellValue(a, sort.column);
		const y = cellValue(b, sort.column);
		const order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
		return sort.descending ? -order : order;
	});
	return (
		<div className="table-scroll">
			<table className="table economics-table" data-testid="tenant-economics">
				<caption className="visually-hidden">
					Revenue and cost to serve per tenant; costs at Cloudflare list prices read on {PRICES_READ_ON}
				</caption>
				<thead>
					<tr>
						{COLUMNS.map((column) => {
							const active = sort.column === column.id;
							return (
								<th
									key={column.id}
									scope="col"
									className={column.numeric ? "numeric" : undefined}
									aria-sort={active ? (sort.descending ? "descending" : "ascending") : undefined}
								>
									<button
										type="button"
										className="sort-button"
										onClick={() =>
											setSort({ column: column.id, descending: active ? !sort.descending : column.numeric })
										}
									>
										{column.label}
										<span aria-hidden="true">{active ? (sort.descending ? " ▾" : " ▴") : ""}</span>
									</button>
								</th>
							);
						})}
					</tr>
				</thead>
				<tbody>
					{sorted.map((t) => (
						<tr
							key={t.tenantId}
							className={t.slug === selected ? "selected" : undefined}
							data-testid="economics-row"
							data-slug={t.slug}
						>
							<th scope="row">
								<button type="button" className="link-button" onClick={() => onOpen(t.slug)}>
									{t.slug}
								</button>
							</th>
							<td>{PLANS[t.plan].label}</td>
							<td className="numeric">{formatQuantity(t.usage.requests)}</td>
							<td className="numeric" data-testid="economics-operations">
								{formatQuantity(t.usage.operations)}
							</td>
							<td className="numeric">{formatCents(t.revenueCents)}</td>
							<td className="numeric">{formatCents(t.costCents)}</td>
							<td className={`numeric ${t.marginCents < 0 ? "negative" : ""}`}>{formatCents(t.marginCents)}</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	);
}
