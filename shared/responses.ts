// The bodies of responses that wrap or acknowledge entities: lists, sign-in, tickets, uploads'
// parts, started fleet jobs. Schemas with their component names (for worker/openapi/), the types
// inferred from them.
import { z } from "zod";
import {
	activitySchema,
	apiKeySchema,
	boardSchema,
	cardSchema,
	isoTime,
	memberSchema,
	searchResultSchema,
	tenantSchema,
	userSchema,
} from "./entities";
import { exportStatusSchema } from "./fleet";

export const healthSchema = z
	.object({ ok: z.literal(true), variant: z.enum(["do", "d1"]).meta({ description: "Which design answers." }) })
	.meta({ id: "Health" });

export const tenantPageSchema = z
	.object({
		tenants: z.array(tenantSchema),
		cursor: z.string().nullable().meta({ description: "Pass it back for the next page; null on the last." }),
	})
	.meta({ id: "TenantPage" });
export type TenantPage = z.infer<typeof tenantPageSchema>;

export const boardListSchema = z
	.object({
		boards: z.array(
			boardSchema.extend({
				archivedAt: isoTime.optional().meta({ description: "With ?archived=true: when the board was archived." }),
			}),
		),
	})
	.meta({ id: "BoardList", description: "The boards page, or with ?archived=true the archived boards." });

export const searchResultsSchema = z
	.object({ results: z.array(searchResultSchema).meta({ description: "Best match first, at most 50." }) })
	.meta({ id: "SearchResults" });

export const activityListSchema = z
	.object({ activity: z.array(activitySchema).meta({ description: "The board's last 100 events, newest first." }) })
	.meta({ id: "ActivityList" });

export const memberListSchema = z.object({ members: z.array(memberSchema) }).meta({ id: "MemberList" });

export const apiKeyListSchema = z.object({ apiKeys: z.array(apiKeySchema) }).meta({ id: "ApiKeyList" });

export const apiKeyCreatedSchema = apiKeySchema
	.extend({ key: z.string().meta({ description: "The key itself (brk_…): shown in this response only." }) })
	.meta({ id: "ApiKeyCreated" });

export const signedInSchema = z
	.object({
		token: z.string().meta({ description: "The session token: send it as a Bearer token, or rely on the cookie." }),
		user: userSchema,
	})
	.meta({ id: "SignedIn" });

export const wsTicketIssuedSchema = z
	.object({
		ticket: z
			.string()
			.nullable()
			.meta({ description: "Opens one socket on one board within a minute; null for an API key (no session)." }),
	})
	.meta({ id: "WsTicket" });

/** PATCH a card: the card as committed, flagged when the change archived it. */
export const cardUpdatedSchema = cardSchema
	.extend({ archived: z.literal(true).optional().meta({ description: "Present when the change archived the card." }) })
	.meta({ id: "CardUpdated" });

export const partReceiptSchema = z
	.object({ partNumber: z.number().int(), etag: z.string() })
	.meta({ id: "PartReceipt", description: "A part that R2 acknowledged." });

export const exportStartedSchema = z
	.object({ id: z.string(), status: exportStatusSchema, download: z.string() })
	.meta({ id: "ExportStarted" });

export const rolloutStartedSchema = z.object({ id: z.string() }).meta({ id: "RolloutStarted" });

export const restoreReceiptSchema = z
	.object({
		slug: z.string(),
		at: isoTime,
		bookmark: z.string().meta({ description: "The state the object comes back in." }),
		undoBookmark: z.string().meta({ description: "The state it had just before: restoring to it undoes the restore." }),
	})
	.meta({ id: "RestoreReceipt" });
