// The workspace's name, which its people and the operator see; its address and plan, read only.
import { type FormEvent, useState } from "react";
import { PLANS } from "../../../../shared/plans";
import { workspaceAddress } from "../../router";
import { selfService } from "../../self-service-api";
import { useSession } from "../../tenant-session";
import { useToast } from "../../toasts";
import { useFormAction } from "./use-form-action";

export function WorkspaceForm() {
	const { slug, me, update } = useSession();
	const notify = useToast();
	const [name, setName] = useState(me.tenant.name);
	const { busy, error, run } = useFormAction();
	const unchanged = name.trim() === me.tenant.name;

	const submit = (event: FormEvent) =>
		run(event, async () => {
			const tenant = await selfService.renameWorkspace(slug, name);
			update({ ...me, tenant });
			setName(tenant.name);
			notify("The workspace's name was saved.", "success");
		});

	return (
		<form className="settings-stack" onSubmit={submit} aria-label="Workspace">
			<div className="field">
				<label htmlFor="workspace-name">Name</label>
				<input
					id="workspace-name"
					required
					maxLength={200}
					value={name}
					data-testid="workspace-name"
					aria-describedby={error ? "workspace-error" : "workspace-name-hint"}
					onChange={(e) => setName(e.target.value)}
				/>
				<span id="workspace-name-hint" className="small muted">
					Shown to everyone in the workspace, at the top of every page.
				</span>
			</div>
			{error && (
				<p id="workspace-error" className="field-error" role="alert">
					{error}
				</p>
			)}
			<dl className="settings-facts">
				<div>
					<dt>Address</dt>
					<dd>{workspaceAddress(slug)}</dd>
				</div>
				<div>
					<dt>Plan</dt>
					<dd>{PLANS[me.tenant.plan].label}</dd>
				</div>
			</dl>
			<div>
				<button
					type="submit"
					className="button button-primary"
					disabled={busy || unchanged || !name.trim()}
					data-testid="workspace-save"
				>
					{busy ? "Saving…" : "Save"}
				</button>
			</div>
		</form>
	);
}
