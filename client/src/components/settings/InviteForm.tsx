// Inviting someone: an email and a role give a link that works once, for seven days. The link is
// shown here once (the server keeps no copy), to copy and send however suits.
import { type FormEvent, useState } from "react";
import type { Role } from "../../../../shared/roles";
import type { InviteCreated } from "../../../../shared/self-service";
import { selfService } from "../../self-service-api";
import { useSession } from "../../tenant-session";
import { CopyField } from "./CopyField";
import { grantableRoles, RoleField, RoleHints } from "./RoleField";
import { useFormAction } from "./use-form-action";

export function InviteForm({ onInvited }: { onInvited: () => void }) {
	const { slug, me } = useSession();
	const [email, setEmail] = useState("");
	const [role, setRole] = useState<Role>("member");
	const { busy, error, run } = useFormAction();
	const [created, setCreated] = useState<InviteCreated | null>(null);

	const submit = (event: FormEvent) =>
		run(event, async () => {
			setCreated(await selfService.invite(slug, email, role));
			setEmail("");
			onInvited();
		});

	return (
		<>
			<form className="settings-form" onSubmit={submit} aria-label="Invite someone">
				<div className="field settings-form-grow">
					<label htmlFor="invite-email">Email</label>
					<input
						id="invite-email"
						type="email"
						autoComplete="off"
						required
						placeholder="carol@example.com"
						value={email}
						data-testid="invite-email"
						aria-invalid={error !== null}
						aria-describedby={error ? "invite-error" : undefined}
						onChange={(e) => setEmail(e.target.value)}
					/>
				</div>
				<RoleField
					id="invite-role"
					label="Role"
					value={role}
					roles={grantableRoles(me.user.role)}
					onChange={setRole}
					testId="invite-role"
				/>
				<button type="submit" className="button button-primary" disabled={busy} data-testid="invite-submit">
					{busy ? "Creating…" : "Create invite link"}
				</button>
			</form>
			<RoleHints roles={grantableRoles(me.user.role)} />
			{error && (
				<p id="invite-error" className="field-error" role="alert">
					{error}
				</p>
			)}
			{created && (
				<div className="settings-result" data-testid="invite-result">
					<p>
						Send this link to <strong>{created.email}</strong>. It makes them {article(created.role)}{" "}
						<strong>{created.role}</strong>, works once, and expires on{" "}
						{new Date(created.expiresAt).toLocaleDateString(undefined, { dateStyle: "medium" })}.
					</p>
					<CopyField id="invite-link" label="Invite link" value={created.url} testId="invite-link" autoFocus />
				</div>
			)}
		</>
	);
}

function article(role: Role): string {
	return role === "admin" || role === "owner" ? "an" : "a";
}
