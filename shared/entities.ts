// What the API answers with: the entities of a tenant (boards, lists, cards, comments, files,
// members, keys) and of the fleet (tenants), as zod schemas with the types inferred from them.
// Each schema carries a component name (`.meta({ id })`), which the OpenAPI document
// (worker/openapi/) uses to describe it once and refer to it everywhere else.
import { z } from "zod";
import { LABEL_COLORS } from "./labels";
import { planSchema, roleSchema, tenantStatusSchema } from "./tenant";

/** An ISO 8601 time as the server writes it ("2026-11-20T09:30:00.000Z"). */
export const isoTime = z.string().meta({ format: "date-time" });
/** A row's version: a write names the version it read, and a stale one is answered 409. */
const version = z.number().int().meta({ description: "Bumped by every change; a write names the one it read." });
/** A fractional ordering key (shared/ordering.ts): sorting by it as a string gives the order. */
const position = z.string().meta({ description: "Fractional ordering key: sort by it as a plain string." });

export const userSchema = z
	.object({ id: z.string(), email: z.string(), name: z.string(), role: roleSchema })
	.meta({ id: "User", description: "A member as others see them: who they are and their role." });
export type User = z.infer<typeof userSchema>;

export const memberSchema = userSchema.extend({ createdAt: isoTime }).meta({ id: "Member" });
export type Member = z.infer<typeof memberSchema>;

export const boardSchema = z
	.object({ id: z.string(), title: z.string(), version, createdAt: isoTime, updatedAt: isoTime })
	.meta({ id: "Board" });
export type Board = z.infer<typeof boardSchema>;

export const labelSchema = z
	.object({
		id: z.string(),
		boardId: z.string(),
		name: z.string(),
		color: z.enum(LABEL_COLORS),
		version,
		createdAt: isoTime,
	})
	.meta({ id: "Label", description: "A board's label: cards of that board carry any of them." });
export type Label = z.infer<typeof labelSchema>;

export const listSchema = z
	.object({ id: z.string(), boardId: z.string(), title: z.string(), position, version })
	.meta({ id: "List" });
export type List = z.infer<typeof listSchema>;

export const cardSchema = z
	.object({
		id: z.string(),
		boardId: z.string(),
		listId: z.string(),
		title: z.string(),
		description: z.string(),
		position,
		version,
		createdBy: z.string(),
		createdAt: isoTime,
		updatedAt: isoTime,
		commentCount: z.number().int(),
		attachmentCount: z.number().int(),
		labelIds: z.array(z.string()).meta({ description: "Ids of the board's labels the card carries, sorted." }),
		assigneeIds: z
			.array(z.string())
			.meta({ description: "Ids of the members the card is assigned to, sorted; members since removed drop out." }),
		dueDate: z.string().nullable().meta({ description: 'The day it is due ("2027-03-31"), or null.' }),
	})
	.meta({ id: "Card" });
export type Card = z.infer<typeof cardSchema>;

export const commentSchema = z
	.object({
		id: z.string(),
		cardId: z.string(),
		authorId: z.string(),
		authorName: z.string(),
		body: z.string(),
		createdAt: isoTime,
	})
	.meta({ id: "Comment" });
export type Comment = z.infer<typeof commentSchema>;

export const attachmentSchema = z
	.object({
		id: z.string(),
		cardId: z.string(),
		name: z.string(),
		size: z.number().int(),
		contentType: z.string(),
		// The composite form for multipart uploads is S3's, so completing never reads the file back.
		sha256: z.string().meta({
			description:
				'Hex SHA-256 of the file. For a multipart upload: hex SHA-256 of the concatenated binary SHA-256 of each part, then "-" and the part count ("9f86…-3").',
		}),
		uploadedBy: z.string(),
		createdAt: isoTime,
	})
	.meta({ id: "Attachment" });
export type Attachment = z.infer<typeof attachmentSchema>;

export const boardDetailSchema = boardSchema
	.extend({
		lists: z.array(listSchema),
		cards: z.array(cardSchema),
		labels: z.array(labelSchema).meta({ description: "The board's labels, oldest first." }),
		members: z.array(userSchema),
		seq: z.number().int().meta({ description: "The tenant-wide event sequence this snapshot reflects." }),
	})
	.meta({
		id: "BoardDetail",
		description: "A board with its live lists and cards, ordered by position, and the sequence it reflects.",
	});
export type BoardDetail = z.infer<typeof boardDetailSchema>;

export const archivedBoardSchema = boardSchema
	.extend({ archivedAt: isoTime })
	.meta({ id: "ArchivedBoard", description: "A board taken off the boards page, and when." });
export type ArchivedBoard = z.infer<typeof archivedBoardSchema>;

/**
 * What a board's archive holds: lists archived with the cards they took along, and cards archived
 * by themselves from lists still on the board (the ones that can come back on their own).
 */
export const boardArchiveSchema = z
	.object({
		lists: z.array(listSchema.extend({ archivedAt: isoTime, cardCount: z.number().int() })),
		cards: z.array(cardSchema.extend({ archivedAt: isoTime })),
	})
	.meta({ id: "BoardArchive", description: "A board's archived lists (with their cards) and archived cards." });
export type BoardArchive = z.infer<typeof boardArchiveSchema>;

/**
 * One search hit: a card (its title or description matched) or a comment on a card. `snippet`
 * is plain text with each match between the markers of shared/search.ts; `rank` is FTS5's bm25
 * (smaller is better), and results come best first.
 */
export const searchResultSchema = z
	.object({
		kind: z.enum(["card", "comment"]),
		boardId: z.string(),
		boardTitle: z.string(),
		cardId: z.string(),
		cardTitle: z.string(),
		commentId: z.string().nullable(),
		snippet: z.string().meta({ description: "Plain text; each matched word sits between U+0002 and U+0003." }),
		rank: z.number().meta({ description: "FTS5's bm25: smaller is better." }),
	})
	.meta({ id: "SearchResult" });
export type SearchResult = z.infer<typeof searchResultSchema>;

export const cardDetailSchema = cardSchema
	.extend({ comments: z.array(commentSchema), attachments: z.array(attachmentSchema) })
	.meta({ id: "CardDetail" });
export type CardDetail = z.infer<typeof cardDetailSchema>;

export const activitySchema = z
	.object({
		seq: z.number().int(),
		boardId: z.string(),
		actorId: z.string(),
		type: z.string(),
		summary: z.string(),
		at: isoTime,
	})
	.meta({ id: "Activity" });
export type Activity = z.infer<typeof activitySchema>;

export const usageSummarySchema = z
	.object({ members: z.number(), boards: z.number(), cards: z.number(), storageBytes: z.number() })
	.meta({ id: "UsageSummary" });
export type UsageSummary = z.infer<typeof usageSummarySchema>;

export const tenantSchema = z
	.object({
		id: z.string(),
		slug: z.string(),
		name: z.string(),
		plan: planSchema,
		status: tenantStatusSchema,
		schemaVersion: z.number().int(),
		createdAt: isoTime,
		lastActiveAt: isoTime.nullable(),
		usage: usageSummarySchema.optional(),
	})
	.meta({ id: "Tenant" });
export type Tenant = z.infer<typeof tenantSchema>;

export const meSchema = z
	.object({ user: userSchema, tenant: tenantSchema.pick({ slug: true, name: true, plan: true, status: true }) })
	.meta({ id: "Me", description: "Who is signed in, and to which tenant." });
export type Me = z.infer<typeof meSchema>;

export const apiKeySchema = z
	.object({
		id: z.string(),
		name: z.string(),
		role: roleSchema,
		createdAt: isoTime,
		lastUsedAt: isoTime.nullable(),
	})
	.meta({ id: "ApiKey" });
export type ApiKey = z.infer<typeof apiKeySchema>;

export const uploadCreatedSchema = z
	.object({ uploadId: z.string(), partSize: z.number().int(), partCount: z.number().int() })
	.meta({
		id: "UploadCreated",
		description: "A multipart upload as created: send parts 1..partCount of partSize bytes (the last may be smaller).",
	});
export type UploadCreated = z.infer<typeof uploadCreatedSchema>;

export const uploadStatusSchema = uploadCreatedSchema
	.extend({
		name: z.string(),
		size: z.number().int(),
		parts: z.array(z.object({ partNumber: z.number().int(), etag: z.string(), size: z.number().int() })),
	})
	.meta({
		id: "UploadStatus",
		description: "What arrived of a multipart upload, so a client can resume by sending only the rest.",
	});
export type UploadStatus = z.infer<typeof uploadStatusSchema>;
