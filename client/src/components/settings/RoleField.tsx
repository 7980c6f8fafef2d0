// Choosing a role: only the roles the signed-in person may hand out, each with what it allows.
import { isRoleAtMost, ROLES, type Role } from "../../../../shared/roles";
import { ROLE_HINTS } from "../../self-service-api";

/** The roles someone with `ceiling` may give (`withOwner` false: never owner, as for API keys). */
export function grantableRoles(ceiling: Role, withOwner = true): Role[] {
	return ROLES.filter((role) => isRoleAtMost(role, ceiling) && (withOwner || role !== "owner"));
}

export function roleLabel(role: Role): string {
	return role.charAt(0).toUpperCase() + role.slice(1);
}

export function RoleField(props: {
	id: string;
	label: string;
	value: Role;
	roles: readonly Role[];
	onChange: (role: Role) => void;
	testId?: string;
}) {
	const { id, label, value, roles, onChange, testId } = props;
	return (
		<div className="field">
			<label htmlFor={id}>{label}</label>
			<select
				id={id}
				value={value}
				data-testid={testId}
				onChange={(e) => onChange(roles.find((r) => r === e.target.value) ?? value)}
			>
				{roles.map((role) => (
					<option key={role} value={role}>
						{roleLabel(role)}
					</option>
				))}
			</select>
		</div>
	);
}

/** What each role on offer may do, in a line under a form that offers them. */
export function RoleHints({ roles }: { roles: readonly Role[] }) {
	return (
		<p className="small muted role-hints">
			{roles.map((role, i) => (
				<span key={role}>
					<strong>{roleLabel(role)}</strong>: {ROLE_HINTS[role]}
					{i < roles.length - 1 ? ". " : "."}
				</span>
			))}
		</p>
	);
}
