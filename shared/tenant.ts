// Tenant identity: slugs (validated in one place), plans and statuses.
import { z } from "zod";

/** Words a tenant may not take because they collide with routes or look official. */
const RESERVED_SLUGS = new Set([
	"admin",
	"api",
	"app",
	"assets",
	"auth",
	"billing",
	"boardroom",
	"dashboard",
	"help",
	"login",
	"new",
	"root",
	"static",
	"status",
	"support",
	"system",
	"t",
	"www",
]);

export const slugSchema = z
	.string()
	.min(3, "A tenant slug has 3 to 63 characters.")
	.max(63, "A tenant slug has 3 to 63 characters.")
	.regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, "A tenant slug uses lowercase letters, digits and inner hyphens only.")
	.refine((slug) => !RESERVED_SLUGS.has(slug), "That slug is reserved.")
	.brand<"TenantSlug">();

export type TenantSlug = z.infer<typeof slugSchema>;

export const planSchema = z.enum(["free", "team", "business"]);
export type Plan = z.infer<typeof planSchema>;

export const tenantStatusSchema = z.enum(["active", "suspended"]);
export type TenantStatus = z.infer<typeof tenantStatusSchema>;

export const roleSchema = z.enum(["owner", "admin", "member", "viewer"]);
export type Role = z.infer<typeof roleSchema>;

/** Roles that may change board content. Viewers read and watch only. */
export function canWrite(role: Role): boolean {
	return role !== "viewer";
}

/** Roles that manage members and API keys. */
export function canManage(role: Role): boolean {
	return role === "owner" || role === "admin";
}

const ROLE_RANK: Record<Role, number> = { viewer: 0, member: 1, admin: 2, owner: 3 };

/** True when `role` grants no more than `ceiling` does: nobody hands out more than they hold. */
export function isRoleAtMost(role: Role, ceiling: Role): boolean {
	return ROLE_RANK[role] <= ROLE_RANK[ceiling];
}
