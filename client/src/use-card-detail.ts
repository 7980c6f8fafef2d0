// An open card's comments and attachments: loaded once, then kept current from the board's events.
import { useEffect, useState } from "react";
import type { Attachment, CardDetail, Comment } from "../../shared/api";
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
}

/** Loads comments and attachments once, then follows the board's events for this card. */
export function useCardDetail(cardId: string): LiveDetail {
	const { slug, subscribe } = useBoard();
	const notify = useToast();
	const [detail, setDetail] = useState<{ comments: Comment[]; attachments: Attachment[] } | null>(null);
	useEffect(() => {
		if (isTempId(cardId)) return setDetail({ comments: [], attachments: [] });
		const controller = new AbortController();
		request<CardDetail>(paths.card(slug, cardId), { signal: controller.signal })
			.then((d) => setDetail({ comments: d.comments, attachments: d.attachments }))
			.catch((error: unknown) => {
				if (!controller.signal.aborted) notify(describeError(error));
			});
		return () => controller.abort();
	}, [slug, cardId, notify]);
	useEffect(
		() =>
			subscribe(({ event }) => {
				if (event.type === "comment.created" && event.comment.cardId === cardId)
					setDetail((d) => d && { ...d, comments: upsert(d.comments, event.comment) });
				if (event.type === "attachment.added" && event.attachment.cardId === cardId)
					setDetail((d) => d && { ...d, attachments: upsert(d.attachments, event.attachment) });
				if (event.type === "attachment.removed" && event.card.id === cardId)
					setDetail((d) => d && { ...d, attachments: d.attachments.filter((a) => a.id !== event.attachmentId) });
			}),
		[cardId, subscribe],
	);
	return {
		loading: detail === null,
		comments: detail?.comments ?? [],
		attachments: detail?.attachments ?? [],
		addAttachment: (a) => setDetail((d) => d && { ...d, attachments: upsert(d.attachments, a) }),
	};
}

function upsert<T extends { id: string }>(items: T[], item: T): T[] {
	return items.some((i) => i.id === item.id) ? items : [...items, item];
}
