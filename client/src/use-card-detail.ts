// An open card's comments and attachments: loaded once, then kept current from the board's events.
import { useEffect, useRef, useState } from "react";
import type { Attachment, CardDetail, Comment } from "../../shared/api";
import type { BoardEvent } from "../../shared/events";
import { paths } from "../../shared/paths";
import { describeError, request } from "./api";
import { useBoard } from "./board-context";
import { isTempId } from "./board-state";
import { useToast } from "./toasts";

export interface LiveDetail {
	loading: boolean;
	comments: Comment[];
	attachments: Attachment[];
	addAttachment: (attachment: Attachment) => void;
	removeAttachment: (attachmentId: string) => void;
}

/**
 * Loads comments and attachments once, then follows the board's events for this card. Events that
 * arrive while the first load is still on its way are kept and applied to what it brings (it may
 * have been read before them): on the D1 design that read can take a while.
 */
export function useCardDetail(cardId: string): LiveDetail {
	const { slug, subscribe } = useBoard();
	const notify = useToast();
	const [detail, setDetail] = useState<Detail | null>(null);
	/** Events seen before the first load answered; null once it has. */
	const early = useRef<BoardEvent[] | null>([]);
	useEffect(() => {
		early.current = [];
		if (isTempId(cardId)) return setDetail({ comments: [], attachments: [] });
		const controller = new AbortController();
		request<CardDetail>(paths.card(slug, cardId), { signal: controller.signal })
			.then((d) => {
				const loaded = { comments: d.comments, attachments: d.attachments };
				setDetail((early.current ?? []).reduce(follow(cardId), loaded));
				early.current = null;
			})
			.catch((error: unknown) => {
				if (!controller.signal.aborted) notify(describeError(error));
			});
		return () => controller.abort();
	}, [slug, cardId, notify]);
	useEffect(
		() =>
			subscribe(({ event }) => {
				early.current?.push(event);
				setDetail((d) => d && follow(cardId)(d, event));
			}),
		[cardId, subscribe],
	);
	return {
		loading: detail === null,
		comments: detail?.comments ?? [],
		attachments: detail?.attachments ?? [],
		addAttachment: (a) => setDetail((d) => d && { ...d, attachments: upsert(d.attachments, a) }),
		removeAttachment: (id) => setDetail((d) => d && { ...d, attachments: d.attachments.filter((a) => a.id !== id) }),
	};
}

type Detail = { comments: Comment[]; attachments: Attachment[] };

/** What one of the board's events changes in this card's comments and attachments. */
function follow(cardId: string) {
	return (d: Detail, event: BoardEvent): Detail => {
		if (event.type === "comment.created" && event.comment.cardId === cardId)
			return { ...d, comments: upsert(d.comments, event.comment) };
		if (event.type === "comment.deleted" && event.card.id === cardId)
			return { ...d, comments: d.comments.filter((c) => c.id !== event.commentId) };
		if (event.type === "attachment.added" && event.attachment.cardId === cardId)
			return { ...d, attachments: upsert(d.attachments, event.attachment) };
		if (event.type === "attachment.removed" && event.card.id === cardId)
			return { ...d, attachments: d.attachments.filter((a) => a.id !== event.attachmentId) };
		return d;
	};
}

function upsert<T extends { id: string }>(items: T[], item: T): T[] {
	return items.some((i) => i.id === item.id) ? items : [...items, item];
}
