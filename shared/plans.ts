// Plans and their limits: one table read by the Worker, the objects and the client.
import type { Plan } from "./tenant";

export interface PlanLimits {
	/** Display name. */
	label: string;
	/** Monthly price in US cents. */
	priceCents: number;
	maxMembers: number;
	maxBoards: number;
	/** Largest single attachment, in bytes. */
	maxFileBytes: number;
	/** All attachments of the tenant together, in bytes. */
	maxStorageBytes: number;
}

const MB = 1024 * 1024;
const GB = 1024 * MB;

export const PLANS: Record<Plan, PlanLimits> = {
	free: { label: "Free", priceCents: 0, maxMembers: 5, maxBoards: 10, maxFileBytes: 25 * MB, maxStorageBytes: 1 * GB },
	team: {
		label: "Team",
		priceCents: 4900,
		maxMembers: 50,
		maxBoards: 500,
		maxFileBytes: 2 * GB,
		maxStorageBytes: 100 * GB,
	},
	business: {
		label: "Business",
		priceCents: 19900,
		maxMembers: 1000,
		maxBoards: 10000,
		maxFileBytes: 5 * GB,
		maxStorageBytes: 1024 * GB,
	},
};
