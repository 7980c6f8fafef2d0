// Signing out here, or everywhere: every session of the member, on every device, this one included.
import { useState } from "react";
import { describeError } from "../../api";
import { useSession } from "../../tenant-session";
import { useToast } from "../../toasts";
import { ConfirmButton } from "../settings/ConfirmButton";

export function SignOutPanel() {
	const { signOut } = useSession();
	const notify = useToast();
	const [busy, setBusy] = useState(false);
	const everywhere = async () => {
		try {
			await signOut({ everywhere: true });
		} catch (error) {
			notify(describeError(error));
		}
	};
	return (
		<div className="settings-stack">
			<div className="settings-row">
				<div className="settings-row-main">
					<span className="settings-row-title">This browser</span>
					<span className="muted small settings-row-detail">Ends this session only.</span>
				</div>
				<div className="settings-row-actions">
					<button
						type="button"
						className="button button-secondary"
						disabled={busy}
						data-testid="account-sign-out"
						onClick={() => {
							setBusy(true);
							void signOut();
						}}
					>
						Sign out
					</button>
				</div>
			</div>
			<div className="settings-row">
				<div className="settings-row-main">
					<span className="settings-row-title">Every device</span>
					<span className="muted small settings-row-detail">
						Ends all your sessions, on phones and other computers too, and this one.
					</span>
				</div>
				<div className="settings-row-actions">
					<ConfirmButton
						label="Sign out everywhere"
						name="Sign out everywhere"
						question="Sign out of every device?"
						confirm="Sign out everywhere"
						onConfirm={everywhere}
						testId="sign-out-everywhere"
					/>
				</div>
			</div>
		</div>
	);
}
