// The member's name as others see it (on members lists, boards and comments); their email and role,
// which only the workspace's owners and admins change, read only.
import { type FormEvent, useState } from "react";
import { selfService } from "../../self-service-api";
import { useSession } from "../../tenant-session";
import { useToast } from "../../toasts";
import { useFormAction } from "../settings/use-form-action";

export function ProfileForm() {
	const { slug, me, update } = useSession();
	const notify = useToast();
	const [name, setName] = useState(me.user.name);
	const { busy, error, run } = useFormAction();

	const submit = (event: FormEvent) =>
		run(event, async () => {
			const next = await selfService.updateProfile(slug, name);
			update(next);
			setName(next.user.name);
			notify("Your name was saved.", "success");
		});

	return (
		<form className="settings-stack" onSubmit={submit} aria-label="Profile">
			<div className="field">
				<label htmlFor="profile-name">Name</label>
				<input
					id="profile-name"
					required
					maxLength={100}
					autoComplete="name"
					value={name}
					data-testid="profile-name"
					aria-describedby={error ? "profile-error" : undefined}
					onChange={(e) => setName(e.target.value)}
				/>
			</div>
			{error && (
				<p id="profile-error" className="field-error" role="alert">
					{error}
				</p>
			)}
			<dl className="settings-facts">
				<div>
					<dt>Email</dt>
					<dd>{me.user.email}</dd>
				</div>
				<div>
					<dt>Role</dt>
					<dd className="capitalize">{me.user.role}</dd>
				</div>
			</dl>
			<div>
				<button
					type="submit"
					className="button button-primary"
					disabled={busy || !name.trim() || name.trim() === me.user.name}
					data-testid="profile-save"
				>
					{busy ? "Saving…" : "Save name"}
				</button>
			</div>
		</form>
	);
}
