// The workspace's members: each with their role, which owners and admins may change, and a way to
// remove them. What one may do to whom follows the server's rules (it checks them again).
import { useEffect, useState } from "react";
import type { Member } from "../../../../shared/api";
import { canManage, type Role } from "../../../../shared/roles";
import { selfService } from "../../self-service-api";
import { useSession } from "../../tenant-session";
import { useToast } from "../../toasts";
import { Avatar } from "../Presence";
import { ConfirmButton } from "./ConfirmButton";
import { grantableRoles, roleLabel } from "./RoleField";
import { useFailure } from "./use-failure";

export function MemberList({ members, onChanged }: { members: Member[]; onChanged: () => void }) {
	return (
		<ul className="settings-list" data-testid="member-list">
			{members.map((member) => (
				<MemberRow key={member.id} member={member} onChanged={onChanged} />
			))}
		</ul>
	);
}

function MemberRow({ member, onChanged }: { member: Member; onChanged: () => void }) {
	const { slug, me, update, signOut } = useSession();
	const notify = useToast();
	const failed = useFailure();
	const actor = me.user.role;
	const isMe = member.id === me.user.id;
	// Only an owner touches an owner; an admin manages everyone below.
	const mayManage = canManage(actor) && (member.role !== "owner" || actor === "owner");

	// The role just chosen, shown until the reloaded list agrees (or the change failed).
	const [pending, setPending] = useState<Role | null>(null);
	useEffect(() => {
		if (member.role === pending) setPending(null);
	}, [member.role, pending]);

	const changeRole = async (role: Role) => {
		setPending(role);
		try {
			const changed = await selfService.changeRole(slug, member.id, role);
			notify(`${changed.name} is now ${role === "admin" || role === "owner" ? "an" : "a"} ${role}.`, "success");
			if (isMe) update({ ...me, user: { ...me.user, role: changed.role } });
		} catch (error) {
			setPending(null);
			failed(error);
		}
		onChanged();
	};
	const remove = async () => {
		try {
			await selfService.removeMember(slug, member.id);
		} catch (error) {
			return failed(error);
		}
		// Removing yourself ends your own sessions too.
		if (isMe) return void (await signOut().catch(() => undefined));
		notify(`${member.name} was removed. Their sessions have ended.`, "success");
		onChanged();
	};

	return (
		<li className="settings-row member-row" data-testid="member-row" data-email={member.email}>
			<Avatar userId={member.id} name={member.name} label={member.name} />
			<div className="settings-row-main">
				<span className="settings-row-title">
					{member.name}
					{isMe && <span className="badge">You</span>}
				</span>
				<span className="muted small settings-row-detail">{member.email}</span>
			</div>
			<div className="settings-row-actions">
				{mayManage ? (
					<>
						<label htmlFor={`role-${member.id}`} className="visually-hidden">
							Role of {member.name}
						</label>
						<select
							id={`role-${member.id}`}
							className="role-select"
							value={pending ?? member.role}
							aria-busy={pending !== null}
							data-testid="member-role"
							onChange={(e) => {
								const role = grantableRoles(actor).find((r) => r === e.target.value);
								if (role) void changeRole(role);
							}}
						>
							{grantableRoles(actor).map((role) => (
								<option key={role} value={role}>
									{roleLabel(role)}
								</option>
							))}
						</select>
						<ConfirmButton
							label={isMe ? "Leave" : "Remove"}
							name={isMe ? "Leave the workspace" : `Remove ${member.name}`}
							question={isMe ? "Leave this workspace?" : `Remove ${member.name}?`}
							confirm={isMe ? "Leave" : "Remove"}
							onConfirm={remove}
							testId="remove-member"
						/>
					</>
				) : (
					<span className={`badge role-badge role-${member.role}`}>{member.role}</span>
				)}
			</div>
		</li>
	);
}
