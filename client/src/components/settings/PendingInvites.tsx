// Invites sent and not yet accepted, each of which can be withdrawn: its link stops working at once.

import { isRoleAtMost } from "../../../../shared/roles";
import type { Invite } from "../../../../shared/self-service";
import { formatWhen } from "../../format";
import { selfService } from "../../self-service-api";
import { useSession } from "../../tenant-session";
import { useToast } from "../../toasts";
import { EmptyState } from "../Feedback";
import { ConfirmButton } from "./ConfirmButton";
import { useFailure } from "./use-failure";

export function PendingInvites({ invites, onChanged }: { invites: Invite[]; onChanged: () => void }) {
	const { slug, me } = useSession();
	const notify = useToast();
	const failed = useFailure();
	if (invites.length === 0)
		return <EmptyState title="No pending invites">Invites you create show here until they are accepted.</EmptyState>;
	const withdraw = async (invite: Invite) => {
		try {
			await selfService.revokeInvite(slug, invite.id);
			notify(`The invite for ${invite.email} was withdrawn.`, "success");
		} catch (error) {
			failed(error);
		}
		onChanged();
	};
	return (
		<ul className="settings-list" data-testid="invite-list">
			{invites.map((invite) => (
				<li key={invite.id} className="settings-row" data-testid="pending-invite" data-email={invite.email}>
					<div className="settings-row-main">
						<span className="settings-row-title">
							{invite.email}
							<span className={`badge role-badge role-${invite.role}`}>{invite.role}</span>
						</span>
						<span className="muted small settings-row-detail">
							Invited by {invite.invitedBy} {formatWhen(invite.createdAt)} · expires{" "}
							{new Date(invite.expiresAt).toLocaleDateString(undefined, { dateStyle: "medium" })}
						</span>
					</div>
					<div className="settings-row-actions">
						{isRoleAtMost(invite.role, me.user.role) && (
							<ConfirmButton
								label="Withdraw"
								name={`Withdraw the invite for ${invite.email}`}
								question={`Withdraw ${invite.email}'s invite?`}
								confirm="Withdraw"
								onConfirm={() => withdraw(invite)}
								testId="withdraw-invite"
							/>
						)}
					</div>
				</li>
			))}
		</ul>
	);
}
