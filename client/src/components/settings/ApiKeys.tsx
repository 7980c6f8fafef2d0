// API keys: made here for scripts and integrations, shown once (the server keeps only a hash),
// listed with when each was last used, and revoked at once.
import { type FormEvent, useState } from "react";
import type { ApiKey } from "../../../../shared/api";
import type { Role } from "../../../../shared/roles";
import { formatWhen } from "../../format";
import { type NewApiKey, selfService } from "../../self-service-api";
import { useSession } from "../../tenant-session";
import { useToast } from "../../toasts";
import { EmptyState } from "../Feedback";
import { ConfirmButton } from "./ConfirmButton";
import { CopyField } from "./CopyField";
import { grantableRoles, RoleField, RoleHints } from "./RoleField";
import { useFailure } from "./use-failure";
import { useFormAction } from "./use-form-action";

export function NewKeyForm({ onCreated }: { onCreated: () => void }) {
	const { slug, me } = useSession();
	const [name, setName] = useState("");
	const [role, setRole] = useState<Role>("member");
	const { busy, error, run } = useFormAction();
	const [created, setCreated] = useState<NewApiKey | null>(null);

	const submit = (event: FormEvent) =>
		run(event, async () => {
			setCreated(await selfService.createApiKey(slug, name, role));
			setName("");
			onCreated();
		});

	if (created)
		return (
			<div className="settings-result settings-secret" data-testid="api-key-secret">
				<p>
					<strong>Copy the key for “{created.name}” now.</strong> It is shown this once: Boardroom keeps only a
					fingerprint of it. Send it as <code>Authorization: Bearer &lt;key&gt;</code>.
				</p>
				<CopyField id="api-key-value" label="API key" value={created.key} testId="api-key-value" autoFocus />
				<button
					type="button"
					className="button button-secondary"
					data-testid="api-key-done"
					onClick={() => setCreated(null)}
				>
					I have copied it
				</button>
			</div>
		);
	return (
		<>
			<form className="settings-form" onSubmit={submit} aria-label="Create an API key">
				<div className="field settings-form-grow">
					<label htmlFor="api-key-name">Name</label>
					<input
						id="api-key-name"
						required
						maxLength={100}
						placeholder="Deploy script"
						value={name}
						data-testid="api-key-name"
						aria-describedby={error ? "api-key-error" : undefined}
						onChange={(e) => setName(e.target.value)}
					/>
				</div>
				<RoleField
					id="api-key-role"
					label="Acts as"
					value={role}
					roles={grantableRoles(me.user.role, false)}
					onChange={setRole}
				/>
				<button
					type="submit"
					className="button button-primary"
					disabled={busy || !name.trim()}
					data-testid="api-key-create"
				>
					{busy ? "Creating…" : "Create key"}
				</button>
			</form>
			<RoleHints roles={grantableRoles(me.user.role, false)} />
			{error && (
				<p id="api-key-error" className="field-error" role="alert">
					{error}
				</p>
			)}
		</>
	);
}

export function KeyList({ keys, onChanged }: { keys: ApiKey[]; onChanged: () => void }) {
	const { slug } = useSession();
	const notify = useToast();
	const failed = useFailure();
	if (keys.length === 0)
		return <EmptyState title="No API keys">Create one above for a script or an integration.</EmptyState>;
	const revoke = async (key: ApiKey) => {
		try {
			await selfService.revokeApiKey(slug, key.id);
			notify(`“${key.name}” was revoked. It no longer works.`, "success");
		} catch (error) {
			failed(error);
		}
		onChanged();
	};
	return (
		<ul className="settings-list" data-testid="api-key-list">
			{keys.map((key) => (
				<li key={key.id} className="settings-row" data-testid="api-key-row" data-name={key.name}>
					<div className="settings-row-main">
						<span className="settings-row-title">
							{key.name}
							<span className={`badge role-badge role-${key.role}`}>{key.role}</span>
						</span>
						<span className="muted small settings-row-detail">
							Created {formatWhen(key.createdAt)} ·{" "}
							{key.lastUsedAt ? `last used ${formatWhen(key.lastUsedAt)}` : "never used"}
						</span>
					</div>
					<div className="settings-row-actions">
						<ConfirmButton
							label="Revoke"
							name={`Revoke ${key.name}`}
							question={`Revoke “${key.name}”?`}
							confirm="Revoke"
							onConfirm={() => revoke(key)}
							testId="revoke-api-key"
						/>
					</div>
				</li>
			))}
		</ul>
	);
}
