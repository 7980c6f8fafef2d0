// Create a tenant: slug checked with the shared schema before the server sees it.
import { type FormEvent, useState } from "react";
import type { Tenant } from "../../../../shared/api";
import { PLANS } from "../../../../shared/plans";
import { type Plan, planSchema, slugSchema } from "../../../../shared/tenant";
import { adminApi } from "../../admin-api";
import { ApiError, describeError } from "../../api";
import { useToast } from "../../toasts";
import { ChoiceField, TextField } from "./fields";

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
			<TextField
				id="tenant-slug"
				label="Slug"
				placeholder="acme"
				value={slug}
				onChange={(e) => setSlug(e.target.value)}
				required
			/>
			<TextField
				id="tenant-name"
				label="Name"
				placeholder="Acme Inc."
				value={name}
				onChange={(e) => setName(e.target.value)}
			/>
			<ChoiceField
				id="tenant-plan"
				label="Plan"
				value={plan}
				options={planSchema.options}
				labelOf={(p) => PLANS[p].label}
				onChange={setPlan}
			/>
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
