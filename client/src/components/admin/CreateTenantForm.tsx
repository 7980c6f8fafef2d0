// Create a tenant: slug checked with the shared schema before the server sees it.
import { type FormEvent, useState } from "react";
import type { Tenant } from "../../../../shared/api";
import { PLANS } from "../../../../shared/plans";
import { type Plan, planSchema, slugSchema } from "../../../../shared/tenant";
import { adminApi } from "../../admin-api";
import { ApiError, describeError } from "../../api";
import { useToast } from "../../toasts";

export function CreateTenantForm({ onCreated }: { onCreated: (tenant: Tenant) => void }) {
	const [slug, setSlug] = useState("");
	const [name, setName] = useState("");
	const [plan, setPlan] = useState<Plan>("free");
	const [error, setError] = useState<string | null>(null);
	const [busy, setBusy] = useState(false);
	const notify = useToast();

	const submit = async (event: FormEvent) => {
		event.preventDefault();
		const parsed = slugSchema.safeParse(slug.trim());
		if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "Invalid slug.");
		setBusy(true);
		try {
			const tenant = await adminApi.createTenant(parsed.data, name.trim() || parsed.data, plan);
			notify(`Created ${tenant.name}`, "success");
			setSlug("");
			setName("");
			setError(null);
			onCreated(tenant);
		} catch (err) {
			setError(err instanceof ApiError && err.code === "slug_taken" ? "That slug is taken." : describeError(err));
		} finally {
			setBusy(false);
		}
	};
	return (
		<form className="panel form-grid" onSubmit={submit} aria-label="Create a tenant">
			<div className="field">
				<label htmlFor="tenant-slug">Slug</label>
				<input id="tenant-slug" placeholder="acme" value={slug} onChange={(e) => setSlug(e.target.value)} required />
			</div>
			<div className="field">
				<label htmlFor="tenant-name">Name</label>
				<input id="tenant-name" placeholder="Acme Inc." value={name} onChange={(e) => setName(e.target.value)} />
			</div>
			<div className="field">
				<label htmlFor="tenant-plan">Plan</label>
				<select id="tenant-plan" value={plan} onChange={(e) => setPlan(planSchema.parse(e.target.value))}>
					{planSchema.options.map((p) => (
						<option key={p} value={p}>
							{PLANS[p].label}
						</option>
					))}
				</select>
			</div>
			<button type="submit" className="button button-primary" disabled={busy}>
				Create tenant
			</button>
			{error && (
				<p className="field-error form-grid-full" role="alert">
					{error}
				</p>
			)}
		</form>
	);
}
