// Restore an export into a new workspace: a slug and a name; members, boards and files come along.
import { type FormEvent, useState } from "react";
import { slugSchema } from "../../../../shared/tenant";
import { adminApi } from "../../admin-api";
import { describeError } from "../../api";
import { tenantHref } from "../../router";
import { useToast } from "../../toasts";
import { Link } from "../Link";
import { TextField } from "./fields";

export function RestoreForm({ exportId, onRestored }: { exportId: string; onRestored: () => void }) {
	const [slug, setSlug] = useState("");
	const [name, setName] = useState("");
	const [error, setError] = useState<string | null>(null);
	const [busy, setBusy] = useState(false);
	const [restored, setRestored] = useState<string | null>(null);
	const notify = useToast();

	const submit = async (event: FormEvent) => {
		event.preventDefault();
		const parsed = slugSchema.safeParse(slug.trim());
		if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "Invalid slug.");
		setBusy(true);
		setError(null);
		try {
			const tenant = await adminApi.importTenant(parsed.data, name.trim() || parsed.data, "team", exportId);
			notify(`Restored into ${tenant.slug}`, "success");
			setRestored(tenant.slug);
			onRestored();
		} catch (err) {
			setError(describeError(err));
		} finally {
			setBusy(false);
		}
	};

	return (
		<form className="form-grid restore-form" onSubmit={submit} aria-label="Restore into a new workspace">
			<h4 className="form-grid-full">Restore into a new workspace</h4>
			<TextField id="restore-slug" label="New slug" value={slug} onChange={(e) => setSlug(e.target.value)} required />
			<TextField id="restore-name" label="Workspace name" value={name} onChange={(e) => setName(e.target.value)} />
			<button type="submit" className="button button-primary" disabled={busy}>
				{busy ? "Restoring…" : "Restore"}
			</button>
			{error && (
				<p className="field-error form-grid-full" role="alert">
					{error}
				</p>
			)}
			{restored && (
				<p className="form-grid-full small" role="status">
					Restored: <Link href={tenantHref(restored)}>open {restored}</Link>
				</p>
			)}
		</form>
	);
}
