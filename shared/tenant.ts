// Tenant identity: slugs (validated in one place), plans and statuses.
import { z } from "zod";
import { ROLES, type Role } from "./roles";

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

/**
 * "deleting": the operator deleted the tenant and its purge waits on the fleet queue. From that
 * moment it is refused like a tenant that does not exist; only the purge still touches it.
 */
export const tenantStatusSchema = z.enum(["active", "suspended", "deleting"]);
export type TenantStatus = z.infer<typeof tenantStatusSchema>;
/** The statuses an operator may set; "deleting" is reached only by deleting. */
export const settableStatusSchema = tenantStatusSchema.exclude(["deleting"]);

export const roleSchema = z.enum(ROLES);
export { canManage, canWrite, isRoleAtMost } from "./roles";
export type { Role };
