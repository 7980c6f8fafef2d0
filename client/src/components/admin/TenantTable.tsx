// All tenants, a page at a time: the directory hands back a cursor for "Load more".
import { useEffect, useState } from "react";
import type { Tenant } from "../../../../shared/api";
import { PLANS } from "../../../../shared/plans";
import { adminApi } from "../../admin-api";
import { ApiError, describeError } from "../../api";
import { formatWhen } from "../../format";
import { EmptyState, Spinner } from "../Feedback";

interface TenantTableProps {
	revision: number;
	selected: string | null;
	onSelect: (slug: string) => void;
	onUnauthorized: () => void;
}

export function TenantTable({ revision, selected, onSelect, onUnauthorized }: TenantTableProps) {
	const [tenants, setTenants] = useState<Tenant[] | null>(null);
	const [cursor, setCursor] = useState<string | null>(null);
	const [error, setError] = useState<string | null>(null);
	const [loadingMore, setLoadingMore] = useState(false);

	const load = async (from: string | null) => {
		try {
			const page = await adminApi.listTenants(from);
			setTenants((all) => (from && all ? [...all, ...page.tenants] : page.tenants));
			setCursor(page.cursor);
			setError(null);
		} catch (err) {
			if (err instanceof ApiError && err.status === 401) return onUnauthorized();
			setError(describeError(err));
			setTenants((all) => all ?? []);
		}
	};
	// biome-ignore lint/correctness/useExhaustiveDependencies: reload from the first page whenever the revision changes.
	useEffect(() => {
		void load(null);
	}, [revision]);

	if (tenants === null) return <Spinner label="Loading tenants…" />;
	return (
		<div className="panel table-panel">
			{error && <p className="field-error">{error}</p>}
			{tenants.length === 0 && !error ? (
				<EmptyState title="No tenants yet">Create the first one with the form above.</EmptyState>
			) : (
				<table className="table" data-testid="tenants-table">
					<thead>
						<tr>
							<th scope="col">Tenant</th>
							<th scope="col">Plan</th>
							<th scope="col">Status</th>
							<th scope="col" className="column-last-active">
								Last active
							</th>
						</tr>
					</thead>
					<tbody>
						{tenants.map((t) => (
							<tr key={t.id} className={t.slug === selected ? "selected" : undefined} data-testid="tenant-row">
								<td>
									<button type="button" className="link-button" onClick={() => onSelect(t.slug)}>
										{t.name}
									</button>
									<span className="muted small"> {t.slug}</span>
								</td>
								<td>{PLANS[t.plan]?.label ?? t.plan}</td>
								<td>
									<span className={`badge status-${t.status}`}>{t.status}</span>
								</td>
								<td className="muted column-last-active">{t.lastActiveAt ? formatWhen(t.lastActiveAt) : "Never"}</td>
							</tr>
						))}
					</tbody>
				</table>
			)}
			{cursor && (
				<button
					type="button"
					className="button button-secondary"
					disabled={loadingMore}
					onClick={async () => {
						setLoadingMore(true);
						await load(cursor);
						setLoadingMore(false);
					}}
				>
					{loadingMore ? "Loading…" : "Load more"}
				</button>
			)}
		</div>
	);
}
