// Plans: limits, and the price list an invoice is computed from. One table read by the Worker,
// the objects and the client. Money is integer US cents; see invoice.ts for the rounding rules.
import type { Meter } from "./meters";
import { toGbMonths } from "./meters";
import type { Plan } from "./tenant";

/** What an invoice bills, each line summing one or more meters into the unit people are billed in. */
export type BillingLine = "requests" | "operations" | "live_messages" | "storage" | "egress" | "members";

export interface BillingLineInfo {
	label: string;
	unit: string;
	meters: readonly Meter[];
	/** From the meters' summed quantity to billed units (bytes to GB, byte-seconds to GB-months). */
	toUnits(quantity: number): number;
}

const same = (quantity: number) => quantity;

export const BILLING_LINES: Record<BillingLine, BillingLineInfo> = {
	requests: {
		label: "API requests",
		unit: "requests",
		meters: ["requests.read", "requests.write", "requests.upload", "requests.download", "requests.ws_connect"],
		toUnits: same,
	},
	operations: { label: "Committed changes", unit: "changes", meters: ["operations"], toUnits: same },
	live_messages: {
		label: "Live messages",
		unit: "messages",
		meters: ["ws.messages_in", "ws.messages_out"],
		toUnits: same,
	},
	storage: { label: "Attachment storage", unit: "GB-month", meters: ["storage.byte_seconds"], toUnits: toGbMonths },
	egress: { label: "Downloads", unit: "GB", meters: ["bytes.downloaded"], toUnits: (bytes) => bytes / 1e9 },
	members: { label: "Active members", unit: "members", meters: ["members.active"], toUnits: same },
};

export const BILLING_LINE_IDS = Object.keys(BILLING_LINES) as BillingLine[];

/** `cents` for every `per` units past what the plan includes; null when the plan never bills more. */
export type OveragePrice = { cents: number; per: number } | null;

export interface PlanLimits {
	/** Display name. */
	label: string;
	/** Base price per month, in US cents. */
	priceCents: number;
	/** Quantities the base price covers each month, in billed units. */
	included: Record<BillingLine, number>;
	overage: Record<BillingLine, OveragePrice>;
	maxMembers: number;
	maxBoards: number;
	/** Largest single attachment, in bytes. */
	maxFileBytes: number;
	/** All attachments of the tenant together, in bytes. */
	maxStorageBytes: number;
	/**
	 * API requests and socket connections the tenant may start in each RATE_LIMIT_PERIOD_SECONDS,
	 * counted by the Rate Limiting binding of the same name in wrangler.jsonc (which must match).
	 */
	requestsPerPeriod: number;
}

/** The Rate Limiting binding counts in windows of 10 or 60 seconds; Boardroom's are 10. */
export const RATE_LIMIT_PERIOD_SECONDS = 10;

const MB = 1024 * 1024;
const GB = 1024 * MB;

export const PLANS: Record<Plan, PlanLimits> = {
	free: {
		label: "Free",
		priceCents: 0,
		included: {
			requests: 100_000,
			operations: 10_000,
			live_messages: 200_000,
			storage: 1,
			egress: 5,
			members: 5,
		},
		// The free plan never sends a bill: past its allowance it warns, and its limits hold.
		overage: { requests: null, operations: null, live_messages: null, storage: null, egress: null, members: null },
		maxMembers: 5,
		maxBoards: 10,
		maxFileBytes: 25 * MB,
		maxStorageBytes: 1 * GB,
		requestsPerPeriod: 100,
	},
	team: {
		label: "Team",
		priceCents: 4900,
		included: {
			requests: 1_000_000,
			operations: 200_000,
			live_messages: 5_000_000,
			storage: 100,
			egress: 200,
			members: 50,
		},
		overage: {
			requests: { cents: 50, per: 100_000 },
			operations: { cents: 100, per: 100_000 },
			live_messages: { cents: 50, per: 1_000_000 },
			storage: { cents: 5, per: 1 },
			egress: { cents: 5, per: 1 },
			members: { cents: 800, per: 1 },
		},
		maxMembers: 50,
		maxBoards: 500,
		maxFileBytes: 2 * GB,
		maxStorageBytes: 100 * GB,
		requestsPerPeriod: 600,
	},
	business: {
		label: "Business",
		priceCents: 19900,
		included: {
			requests: 10_000_000,
			operations: 2_000_000,
			live_messages: 50_000_000,
			storage: 1000,
			egress: 2000,
			members: 250,
		},
		overage: {
			requests: { cents: 30, per: 100_000 },
			operations: { cents: 60, per: 100_000 },
			live_messages: { cents: 30, per: 1_000_000 },
			storage: { cents: 3, per: 1 },
			egress: { cents: 3, per: 1 },
			members: { cents: 600, per: 1 },
		},
		maxMembers: 1000,
		maxBoards: 10000,
		maxFileBytes: 5 * GB,
		maxStorageBytes: 1024 * GB,
		requestsPerPeriod: 3000,
	},
};
