// Attachments once stored: who may download one, deleting one (object first, then metadata and
// its event), and the alarm's sweep that removes expired uploads and the files of archived cards.
import type { Attachment } from "../../shared/api";
import { fail, ok, type Result } from "../../shared/errors";
import type { BoardEvent } from "../../shared/protocol";
import { canWrite } from "../../shared/tenant";
import { getAttachment } from "./attachment-rows";
import { type AttachmentScope, attachmentKey } from "./attachment-scope";
import { commitWithRetry } from "./commit-retry";
import { statement } from "./db";
import type { Actor } from "./operations";
import { discardUpload, type UploadRow } from "./uploads";

/** R2 deletes at most this many keys per call. */
const DELETE_BATCH = 1000;

/**
 * Archiving is undoable, so an archived card keeps its files (and they count against the quota)
 * for this long; then the sweep deletes them. The card itself stays restorable, without them.
 */
export const ARCHIVE_RETENTION_MS = 30 * 24 * 3600 * 1000;

/** When each card was archived, by itself or with its list or board; null while it is live. */
const ARCHIVED_AT = `SELECT c.id, coalesce(c.archived_at, l.archived_at, b.archived_at) AS archived_at FROM cards c
	LEFT JOIN lists l ON l.id = c.list_id AND @tenant(l) LEFT JOIN boards b ON b.id = c.board_id AND @tenant(b)
	WHERE @tenant(c)`;

/** An attachment any member (viewers too) may download, and the R2 key it lives at. */
export async function attachmentForDownload(
	scope: AttachmentScope,
	attachmentId: string,
): Promise<Result<{ attachment: Attachment; key: string }>> {
	const attachment = await liveAttachment(scope, attachmentId);
	if (!attachment) return fail("not_found", "No such attachment.");
	scope.meter.count("cost.r2_class_b", 1, "GetObject");
	return ok({ attachment, key: attachmentKey(scope.tenant.id, attachment.id) });
}

export async function removeAttachment(
	scope: AttachmentScope,
	actor: Actor,
	attachmentId: string,
): Promise<Result<null>> {
	if (!canWrite(actor.role)) return fail("forbidden", "Viewers can download attachments but not delete them.");
	if (!(await liveAttachment(scope, attachmentId))) return fail("not_found", "No such attachment.");
	// The object goes first: if this fails, the row still says what to delete.
	await scope.bucket.delete(attachmentKey(scope.tenant.id, attachmentId));
	await commitWithRetry(scope.store, async () => {
		const attachment = await getAttachment(scope.db, attachmentId);
		const card = attachment && (await scope.store.card(attachment.cardId));
		if (!card) return undefined; // removed by someone else while R2 answered
		return {
			changes: [{ remove: "attachment", id: attachmentId }],
			expects: [{ count: "attachments", cardId: card.id, is: card.attachmentCount }],
			boardId: card.boardId,
			actorId: actor.userId,
			opId: null,
			fingerprint: null,
			event: { type: "attachment.removed", attachmentId, card: { ...card, attachmentCount: card.attachmentCount - 1 } },
		};
	});
	return ok(null);
}

/** Archiving a card, list or board starts its files' retention; the alarm comes back when it ends. */
export function purgeTime(event: BoardEvent, nowMs: number): number | undefined {
	const archiving = event.type === "card.archived" || event.type === "list.archived" || event.type === "board.archived";
	return archiving ? nowMs + ARCHIVE_RETENTION_MS : undefined;
}

/**
 * The sweep: abort uploads past their expiry or on archived cards (they can never complete),
 * delete the files of cards archived longer than the retention; returns when the next sweep is
 * due. A failure throws, and the runtime retries the alarm that ran it, so nothing is forgotten.
 */
export async function sweepAttachments(scope: AttachmentScope, nowMs: number): Promise<number | undefined> {
	const uploads = await scope.db.all<UploadRow>(
		`SELECT * FROM uploads WHERE @tenant AND (expires_at <= ?
		OR card_id IN (SELECT id FROM (${ARCHIVED_AT}) WHERE archived_at IS NOT NULL))`,
		nowMs,
	);
	for (const upload of uploads) await discardUpload(scope, upload);
	const cutoff = new Date(nowMs - ARCHIVE_RETENTION_MS).toISOString();
	const doomed = await scope.db.all<{ id: string; size: number }>(
		`SELECT id, size FROM attachments WHERE @tenant AND card_id IN (SELECT id FROM (${ARCHIVED_AT}) WHERE archived_at <= ?)`,
		cutoff,
	);
	for (let i = 0; i < doomed.length; i += DELETE_BATCH) {
		const batch = doomed.slice(i, i + DELETE_BATCH);
		await scope.bucket.delete(batch.map((a) => attachmentKey(scope.tenant.id, a.id)));
		await scope.db.batch(batch.map((a) => statement("DELETE FROM attachments WHERE @tenant AND id = ?", a.id)));
		await scope.meter.storageChanged(-batch.reduce((sum, a) => sum + a.size, 0));
	}
	return nextSweep(scope);
}

/** The earliest upload expiry or end of an archived file's retention, if any is pending. */
async function nextSweep(scope: AttachmentScope): Promise<number | undefined> {
	const upload = (await scope.db.one<{ at: number | null }>("SELECT min(expires_at) AS at FROM uploads WHERE @tenant"))
		?.at;
	const archived = (
		await scope.db.one<{ at: string | null }>(
			`SELECT min(archived_at) AS at FROM (${ARCHIVED_AT}) WHERE id IN (SELECT card_id FROM attachments WHERE @tenant)`,
		)
	)?.at;
	const purge = archived ? Date.parse(archived) + ARCHIVE_RETENTION_MS : null;
	const times = [upload ?? null, purge].filter((t): t is number => t !== null);
	return times.length > 0 ? Math.min(...times) : undefined;
}

/** An attachment whose card is still on the board; files of archived cards are already gone to the user. */
async function liveAttachment(scope: AttachmentScope, attachmentId: string): Promise<Attachment | undefined> {
	const attachment = await getAttachment(scope.db, attachmentId);
	return attachment && (await scope.store.card(attachment.cardId)) ? attachment : undefined;
}
