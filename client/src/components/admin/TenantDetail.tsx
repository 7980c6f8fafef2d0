// One tenant for the operator: usage against its plan, and the levers (plan, suspend, delete,
// members, export and restore into a new workspace).
import { useEffect, useRef, useState } from "react";
import type { Tenant, TenantUpdate } from "../../../../shared/api";
import { PLANS } from "../../../../shared/plans";
import { planSchema } from "../../../../shared/tenant";
import { adminApi } from "../../admin-api";
import { describeError } from "../../api";
import { formatWhen } from "../../format";
import { tenantHref, workspaceAddress } from "../../router";
import { useToast } from "../../toasts";
import { Spinner } from "../Feedback";
import { Link } from "../Link";
import { AddMemberForm } from "./AddMemberForm";
import { TenantExport } from "./TenantExport";
import { UsageBars } from "./UsageBars";

interface TenantDetailProps {
	slug: string;
	onChanged: () => void;
	/** Another tenant joined the list (restored from this one's export). */
	onListed: () => void;
	onDeleted: () => void;
	onClose: () => void;
}

export function TenantDetail({ slug, onChanged, onListed, onDeleted, onClose }: TenantDetailProps) {
	const [tenant, setTenant] = useState<Tenant | null>(null);
	const notify = useToast();
	const panel = useRef<HTMLElement>(null);
	// On a phone the detail sits below the table: bring it into view when a tenant is chosen.
	useEffect(() => {
		panel.current?.scrollIntoView({ block: "nearest" });
	}, []);
	useEffect(() => {
		adminApi
			.getTenant(slug)
			.then(setTenant)
			.catch((error: unknown) => notify(describeError(error)));
	}, [slug, notify]);

	const update = async (change: TenantUpdate) => {
		try {
			setTenant(await adminApi.updateTenant(slug, change));
			onChanged();
		} catch (error) {
			notify(describeError(error));
		}
	};
	const remove = async () => {
		if (!window.confirm(`Delete ${slug} and everything in it? This cannot be undone.`)) return;
		try {
			await adminApi.deleteTenant(slug);
			notify(`Deleting ${slug}: it is closed now, and its data goes in a moment`, "success");
			onDeleted();
		} catch (error) {
			notify(describeError(error));
		}
	};

	return (
		<aside ref={panel} className="panel tenant-detail" aria-label={`Tenant ${slug}`} data-testid="tenant-detail">
			<div className="activity-header">
				<h2>{tenant?.name ?? slug}</h2>
				<button type="button" className="icon-button" aria-label="Close tenant" onClick={onClose}>
					×
				</button>
			</div>
			{!tenant ? (
				<Spinner label="Loading tenant…" />
			) : (
				<>
					<p className="muted small">
						<Link href={tenantHref(tenant.slug)}>{workspaceAddress(tenant.slug)}</Link> · created{" "}
						{formatWhen(tenant.createdAt)} · data format {tenant.schemaVersion}
					</p>
					{tenant.usage && <UsageBars usage={tenant.usage} limits={PLANS[tenant.plan]} />}
					<div className="detail-actions">
						<label htmlFor="detail-plan">Plan</label>
						<select
							id="detail-plan"
							value={tenant.plan}
							onChange={(e) => void update({ plan: planSchema.parse(e.target.value) })}
						>
							{planSchema.options.map((p) => (
								<option key={p} value={p}>
									{PLANS[p].label} — ${(PLANS[p].priceCents / 100).toFixed(0)}/mo
								</option>
							))}
						</select>
						<button
							type="button"
							className="button button-secondary"
							onClick={() => void update({ status: tenant.status === "active" ? "suspended" : "active" })}
						>
							{tenant.status === "active" ? "Suspend" : "Resume"}
						</button>
						<button type="button" className="button button-danger" onClick={() => void remove()}>
							Delete
						</button>
					</div>
					<h3>Add a member</h3>
					<AddMemberForm slug={slug} onAdded={onChanged} />
					{tenant.status !== "deleting" && <TenantExport slug={slug} onRestored={onListed} />}
				</>
			)}
		</aside>
	);
}
