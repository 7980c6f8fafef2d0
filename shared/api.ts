// The HTTP contract: entity and request schemas (types inferred from them) and URL paths.
import { z } from "zod";
import { LABEL_COLORS, type LabelColor, MAX_LABEL_NAME_LENGTH } from "./labels";
import { MAX_TEXT_LENGTH, MAX_TITLE_LENGTH } from "./limits";
import { planSchema, roleSchema, settableStatusSchema, type tenantStatusSchema } from "./tenant";
import { storedText } from "./text";

/** Ids are ours ("c_…"), so anything else is refused before it reaches a query or a socket tag. */
const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Not an id.");
const title = storedText(MAX_TITLE_LENGTH, { min: 1, what: "A title" });
const text = storedText(MAX_TEXT_LENGTH, { what: "A description" });
const body = storedText(MAX_TEXT_LENGTH, { min: 1, what: "A comment" });
const name = storedText(100, { min: 1, what: "A name" });
const labelName = storedText(MAX_LABEL_NAME_LENGTH, { min: 1, what: "A label name" });
const color = z.enum(LABEL_COLORS);
/** A calendar day, "2027-03-31": due dates have no time of day and no time zone. */
const day = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, "A date looks like 2027-03-31.")
	.refine(isCalendarDay, "That day is not in the calendar.");

// ── Entities ────────────────────────────────────────────────────────────────

export const userSchema = z.object({ id, email: z.string(), name: z.string(), role: roleSchema });
export type User = z.infer<typeof userSchema>;
export type Member = User & { createdAt: string };

export interface Board {
	id: string;
	title: string;
	version: number;
	createdAt: string;
	updatedAt: string;
}

/** A board's label: cards of that board carry any of them. */
export interface Label {
	id: string;
	boardId: string;
	name: string;
	color: LabelColor;
	version: number;
	createdAt: string;
}

export interface List {
	id: string;
	boardId: string;
	title: string;
	position: string;
	version: number;
}

export interface Card {
	id: string;
	boardId: string;
	listId: string;
	title: string;
	description: string;
	position: string;
	version: number;
	createdBy: string;
	createdAt: string;
	updatedAt: string;
	commentCount: number;
	attachmentCount: number;
	/** Ids of the board's labels the card carries, sorted. */
	labelIds: string[];
	/** Ids of the members the card is assigned to, sorted; members since removed drop out. */
	assigneeIds: string[];
	/** The day it is due ("2027-03-31"), or null. */
	dueDate: string | null;
}

export interface Comment {
	id: string;
	cardId: string;
	authorId: string;
	authorName: string;
	body: string;
	createdAt: string;
}

export interface Attachment {
	id: string;
	cardId: string;
	name: string;
	size: number;
	contentType: string;
	/**
	 * Hex SHA-256 of the file for single-request uploads. For multipart uploads it is the
	 * composite form S3 uses: hex SHA-256 of the concatenated binary SHA-256 of each part, then
	 * "-" and the part count ("9f86…-3"), so completing never reads the file back.
	 */
	sha256: string;
	uploadedBy: string;
	createdAt: string;
}

/** A board with its live lists and cards, ordered by position, and the sequence it reflects. */
export interface BoardDetail extends Board {
	lists: List[];
	cards: Card[];
	/** The board's labels, oldest first. */
	labels: Label[];
	members: User[];
	seq: number;
}

/** A board taken off the boards page, and when: GET /boards?archived=true. */
export interface ArchivedBoard extends Board {
	archivedAt: string;
}

/**
 * What a board's archive holds: lists archived with the cards they took along, and cards archived
 * by themselves from lists still on the board (the ones that can come back on their own).
 */
export interface BoardArchive {
	lists: (List & { archivedAt: string; cardCount: number })[];
	cards: (Card & { archivedAt: string })[];
}

/**
 * One search hit: a card (its title or description matched) or a comment on a card. `snippet`
 * is plain text with each match between the markers of shared/search.ts; `rank` is FTS5's bm25
 * (smaller is better), and results come best first.
 */
export interface SearchResult {
	kind: "card" | "comment";
	boardId: string;
	boardTitle: string;
	cardId: string;
	cardTitle: string;
	commentId: string | null;
	snippet: string;
	rank: number;
}

export interface CardDetail extends Card {
	comments: Comment[];
	attachments: Attachment[];
}

export interface Activity {
	seq: number;
	boardId: string;
	actorId: string;
	type: string;
	summary: string;
	at: string;
}

export interface UsageSummary {
	members: number;
	boards: number;
	cards: number;
	storageBytes: number;
}

export interface Tenant {
	id: string;
	slug: string;
	name: string;
	plan: z.infer<typeof planSchema>;
	status: z.infer<typeof tenantStatusSchema>;
	schemaVersion: number;
	createdAt: string;
	lastActiveAt: string | null;
	usage?: UsageSummary;
}

/** Who is signed in, and to which tenant: GET /api/t/:slug/me. */
export interface Me {
	user: User;
	tenant: Pick<Tenant, "slug" | "name" | "plan" | "status">;
}

export interface ApiKey {
	id: string;
	name: string;
	role: z.infer<typeof roleSchema>;
	createdAt: string;
	lastUsedAt: string | null;
}

// ── Requests ────────────────────────────────────────────────────────────────

export const createTenantSchema = z.object({
	slug: z.string(),
	name: storedText(MAX_TITLE_LENGTH, { min: 1, what: "A name" }),
	plan: planSchema.default("free"),
	/** An export's id: the new tenant starts as a copy of that export (see shared/fleet.ts). */
	importFrom: id.optional(),
});

export const updateTenantSchema = z
	.object({ plan: planSchema.optional(), status: settableStatusSchema.optional() })
	.refine((body) => body.plan !== undefined || body.status !== undefined, "Give a plan or a status to change.");
export type TenantUpdate = z.infer<typeof updateTenantSchema>;

export const createMemberSchema = z.object({
	email: z.string().trim().toLowerCase().email().max(254),
	name: name.optional(),
	password: z.string().min(8, "A password has at least 8 characters.").max(200),
	role: roleSchema,
});
export type NewMember = z.infer<typeof createMemberSchema>;

export const signInSchema = z.object({
	email: z.string().trim().toLowerCase().max(254),
	password: z.string().max(200),
});

export const createApiKeySchema = z.object({
	name,
	role: roleSchema.exclude(["owner"]),
});
export type NewApiKey = z.infer<typeof createApiKeySchema>;

/** A WebSocket ticket opens one socket, on the board it names. */
export const wsTicketSchema = z.object({ boardId: id });

export const createBoardSchema = z.object({ title });
export const createListSchema = z.object({ title });
export const createCardSchema = z.object({ listId: id, title, description: text.optional() });
export const updateCardSchema = z
	.object({
		version: z.number().int().nonnegative(),
		title: title.optional(),
		description: text.optional(),
		listId: id.optional(),
		afterId: id.nullable().optional(),
		archived: z.literal(true).optional(),
		dueDate: day.nullable().optional(),
	})
	.refine(
		(b) =>
			b.title !== undefined ||
			b.description !== undefined ||
			b.dueDate !== undefined ||
			b.listId !== undefined ||
			b.archived,
		"Nothing to change.",
	);
/** Archives a board (true) or brings it back (false). */
export const updateBoardSchema = z.object({ archived: z.boolean() });
export const createCommentSchema = z.object({ body });

/** A file's display name: metadata only, never part of a storage key. */
export const fileNameSchema = storedText(255, { min: 1, what: "A file name" })
	// biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point.
	.refine((name) => !/[\u0000-\u001f\u007f/\\]/.test(name), "A file name cannot hold slashes or control characters.");

/** A MIME type without parameters ("image/png"), lowercased. */
export const contentTypeSchema = z
	.string()
	.trim()
	.toLowerCase()
	.regex(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/, "Give a MIME type such as image/png.");

export const createUploadSchema = z.object({
	name: fileNameSchema,
	size: z.number().int().positive("Send empty files with a single PUT."),
	contentType: contentTypeSchema.default("application/octet-stream"),
});
export type NewUpload = z.infer<typeof createUploadSchema>;

/** A multipart upload as created: send parts 1..partCount of partSize bytes (the last may be smaller). */
export interface UploadCreated {
	uploadId: string;
	partSize: number;
	partCount: number;
}

/** What arrived of a multipart upload, so a client can resume by sending only the rest. */
export interface UploadStatus extends UploadCreated {
	name: string;
	size: number;
	parts: { partNumber: number; etag: string; size: number }[];
}

export const fields = { id, title, text, body, labelName, color, day };

/** True for a real day: Date rolls "2027-02-30" over into March, which is how it is caught. */
function isCalendarDay(s: string): boolean {
	const date = new Date(`${s}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(s);
}

// ── Paths: the client builds URLs only through these (shared/paths.ts, which has no zod). ──

export { paths } from "./paths";
