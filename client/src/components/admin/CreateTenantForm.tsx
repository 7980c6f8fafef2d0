// Create a tenant, or (given an export) restore that export into a new one: slug checked with the
// shared schema before the server sees it.
import { type FormEvent, useState } from "react";
import type { Tenant } from "../../../../shared/api";
import { PLANS } from "../../../../shared/plans";
import { type Plan, planSchema, slugSchema } from "../../../../shared/tenant";
import { adminApi } from "../../admin-api";
import { ApiError, describeError } from "../../api";
import { useToast } from "../../toasts";
import { ChoiceField, TextField } from "./fields";

export function CreateTenantForm({
	onCreated,
	importFrom,
}: {
	onCreated: (tenant: Tenant) => void;
	/** An export to restore into the new tenant. */
	importFrom?: string;
}) {
	const [slug, setSlug] = useState("");
	const [name, setName] = useState("");
	const [plan, setPlan] = useState<Plan>(importFrom ? "team" : "free");
	const [error, setError] = useState<string | null>(null);
	const [busy, setBusy] = useState(false);
	const notify = useToast();
	// Two of these forms can be on screen (the list's and a tenant's restore), so their ids differ.
	const id = importFrom ? "restore" : "tenant";

	const submit = async (event: FormEvent) => {
		event.preventDefault();
		const parsed = slugSchema.safeParse(slug.trim());
		if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "Invalid slug.");
		setBusy(true);
		try {
			const named = name.trim() || parsed.data;
			const tenant = importFrom
				? await adminApi.importTenant(parsed.data, named, plan, importFrom)
				: await adminApi.createTenant(parsed.data, named, plan);
			notify(importFrom ? `Restored into ${tenant.slug}` : `Created ${tenant.name}`, "success");
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
		<form
			className={importFrom ? "form-grid restore-form" : "panel form-grid"}
			onSubmit={submit}
			aria-label={importFrom ? "Restore into a new workspace" : "Create a tenant"}
		>
			{importFrom && <h4 className="form-grid-full">Restore into a new workspace</h4>}
			<TextField
				id={`${id}-slug`}
				label={importFrom ? "New slug" : "Slug"}
				placeholder="acme"
				value={slug}
				onChange={(e) => setSlug(e.target.value)}
				required
			/>
			<TextField
				id={`${id}-name`}
				label={importFrom ? "Workspace name" : "Name"}
				placeholder="Acme Inc."
				value={name}
				onChange={(e) => setName(e.target.value)}
			/>
			<ChoiceField
				id={`${id}-plan`}
				label="Plan"
				value={plan}
				options={planSchema.options}
				labelOf={(p) => PLANS[p].label}
				onChange={setPlan}
			/>
			<button type="submit" className="button button-primary" disabled={busy}>
				{importFrom ? (busy ? "Restoring…" : "Restore") : "Create tenant"}
			</button>
			{error && (
				<p className="field-error form-grid-full" role="alert">
					{error}
				</p>
			)}
		</form>
	);
}
