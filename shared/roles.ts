// Roles and what each may do. Plain values, no zod: the board page asks canWrite, and loading the
// schema library for one comparison would cost its bundle a quarter of its budget.

export const ROLES = ["owner", "admin", "member", "viewer"] as const;
export type Role = (typeof ROLES)[number];

/** Roles that may change board content. Viewers read and watch only. */
export function canWrite(role: Role): boolean {
	return role !== "viewer";
}

/** Roles that manage members and API keys, and read the tenant's usage and invoices. */
export function canManage(role: Role): boolean {
	return role === "owner" || role === "admin";
}

const ROLE_RANK: Record<Role, number> = { viewer: 0, member: 1, admin: 2, owner: 3 };

/** True when `role` grants no more than `ceiling` does: nobody hands out more than they hold. */
export function isRoleAtMost(role: Role, ceiling: Role): boolean {
	return ROLE_RANK[role] <= ROLE_RANK[ceiling];
}
