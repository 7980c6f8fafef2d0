// The HTTP contract: request schemas (types inferred from them), the entities answered with
// (entities.ts, re-exported), and URL paths.
import { z } from "zod";
import { LABEL_COLORS, MAX_LABEL_NAME_LENGTH } from "./labels";
import { MAX_TEXT_LENGTH, MAX_TITLE_LENGTH } from "./limits";
import { planSchema, roleSchema, settableStatusSchema } from "./tenant";
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

// ── Entities: what the API answers with, in entities.ts; re-exported so `shared/api` stays the one import.

export * from "./entities";

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

export const fields = { id, title, text, body, labelName, color, day };

/** True for a real day: Date rolls "2027-02-30" over into March, which is how it is caught. */
function isCalendarDay(s: string): boolean {
	const date = new Date(`${s}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(s);
}

// ── Paths: the client builds URLs only through these (shared/paths.ts, which has no zod). ──

export { paths } from "./paths";
