// Attachments once stored: who may download one, deleting one (object first, then metadata and
// its event), and the alarm's sweep that removes expired uploads and the files of archived cards.
import type { Attachment } from "../../shared/api";
import { fail, ok, type Result } from "../../shared/errors";
import type { BoardEvent } from "../../shared/protocol";
import { canWrite } from "../../shared/tenant";
import { getAttachment } from "./attachment-rows";
import type { AttachmentScope } from "./attachment-scope";
import type { Actor } from "./operations";
import { attachmentKey } from "./tenant-record";
import { discardUpload, type UploadRow } from "./uploads";

/** R2 deletes at most this many keys per call. */
const DELETE_BATCH = 1000;

/** Cards whose files should go: archived, or on an archived list or board. */
const DEAD_CARDS = `SELECT c.id FROM cards c LEFT JOIN lists l ON l.id = c.list_id LEFT JOIN boards b ON b.id = c.board_id
	WHERE c.archived = 1 OR l.archived = 1 OR b.archived = 1`;

/** An attachment any member (viewers too) may download, and the R2 key it lives at. */
export function attachmentForDownload(
	scope: AttachmentScope,
	attachmentId: string,
): Result<{ attachment: Attachment; key: string }> {
	const attachment = liveAttachment(scope, attachmentId);
	if (!attachment) return fail("not_found", "No such attachment.");
	return ok({ attachment, key: attachmentKey(scope.tenant.id, attachment.id) });
}

export async function removeAttachment(
	scope: AttachmentScope,
	actor: Actor,
	attachmentId: string,
): Promise<Result<null>> {
	if (!canWrite(actor.role)) return fail("forbidden", "Viewers can download attachments but not delete them.");
	if (!liveAttachment(scope, attachmentId)) return fail("not_found", "No such attachment.");
	// The object goes first: if this fails, the row still says what to delete.
	await scope.bucket.delete(attachmentKey(scope.tenant.id, attachmentId));
	const attachment = getAttachment(scope.sql, attachmentId);
	const card = attachment && scope.store.card(attachment.cardId);
	if (!card) return ok(null); // removed by someone else while R2 answered
	const committed = scope.store.commit({
		changes: [{ remove: "attachment", id: attachmentId }],
		boardId: card.boardId,
		actorId: actor.userId,
		opId: null,
		event: { type: "attachment.removed", attachmentId, card: { ...card, attachmentCount: card.attachmentCount - 1 } },
	});
	scope.afterCommit(committed);
	return ok(null);
}

/** Archiving a card, list or board makes its files garbage; the alarm collects them right away. */
export function needsSweep(event: BoardEvent): boolean {
	return event.type === "card.archived" || event.type === "list.archived";
}

/**
 * The alarm's work: abort uploads past their expiry or on dead cards, delete the files of dead
 * cards, then set the alarm for the next expiry. A failure throws, and the runtime retries the
 * alarm, so nothing is forgotten.
 */
export async function sweepAttachments(scope: AttachmentScope, nowMs: number): Promise<void> {
	const uploads = scope.sql.all<UploadRow>(
		`SELECT * FROM uploads WHERE expires_at <= ? OR card_id IN (${DEAD_CARDS})`,
		nowMs,
	);
	for (const upload of uploads) await discardUpload(scope, upload);
	const doomed = scope.sql.all<{ id: string }>(`SELECT id FROM attachments WHERE card_id IN (${DEAD_CARDS})`);
	for (let i = 0; i < doomed.length; i += DELETE_BATCH) {
		const batch = doomed.slice(i, i + DELETE_BATCH).map((a) => a.id);
		await scope.bucket.delete(batch.map((id) => attachmentKey(scope.tenant.id, id)));
		scope.storage.transactionSync(() => {
			for (const id of batch) scope.sql.run("DELETE FROM attachments WHERE id = ?", id);
		});
	}
	const next = scope.sql.one<{ at: number | null }>("SELECT min(expires_at) AS at FROM uploads")?.at;
	// Inside the alarm handler no alarm is pending, so set the next one outright.
	if (next !== null && next !== undefined) await scope.storage.setAlarm(next);
}

/** An attachment whose card is still on the board; files of archived cards are already gone to the user. */
function liveAttachment(scope: AttachmentScope, attachmentId: string): Attachment | undefined {
	const attachment = getAttachment(scope.sql, attachmentId);
	return attachment && scope.store.card(attachment.cardId) ? attachment : undefined;
}
