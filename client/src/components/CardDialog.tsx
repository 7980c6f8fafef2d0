// A card's detail: editable title and description, comments and attachments, in a modal dialog.
import { useEffect, useRef, useState } from "react";
import type { Attachment, CardDetail, Comment } from "../../../shared/api";
import { paths } from "../../../shared/paths";
import { describeError, request } from "../api";
import { useBoard } from "../board-context";
import { isTempId } from "../board-state";
import { useToast } from "../toasts";
import { Attachments } from "./Attachments";
import { Comments } from "./Comments";
import { Avatar, uniquePeople } from "./Presence";

interface CardDialogProps {
	cardId: string;
	onClose: () => void;
	setViewing: (cardId: string | null) => void;
}

export function CardDialog({ cardId, onClose, setViewing }: CardDialogProps) {
	const { board, others } = useBoard();
	const dialog = useRef<HTMLDialogElement>(null);
	const card = board.cards.find((c) => c.id === cardId);
	const detail = useCardDetail(cardId);
	const viewers = uniquePeople(others.filter((p) => p.cardId === cardId));

	// showModal() gives a real modal: the page behind is inert, focus stays inside, Escape fires "cancel".
	useEffect(() => {
		const element = dialog.current;
		if (element && !element.open) element.showModal();
		const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
		return () => opener?.focus();
	}, []);
	useEffect(() => {
		if (isTempId(cardId)) return;
		setViewing(cardId);
		return () => setViewing(null);
	}, [cardId, setViewing]);

	return (
		<dialog
			ref={dialog}
			className="dialog"
			data-testid="card-dialog"
			aria-label={card ? `Card: ${card.title}` : "Card"}
			onCancel={(e) => {
				e.preventDefault();
				onClose();
			}}
			onPointerDown={(e) => {
				// The dialog element itself is only hit on its backdrop: a mouse shortcut, Escape is the keyboard path.
				if (e.target === dialog.current) onClose();
			}}
		>
			<div className="dialog-header">
				<span className="dialog-eyebrow">{board.lists.find((l) => l.id === card?.listId)?.title ?? "Card"}</span>
				{viewers.map((v) => (
					<Avatar key={v.userId} userId={v.userId} name={`${v.name} is viewing`} size="sm" />
				))}
				<div className="topbar-spacer" />
				<button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
					×
				</button>
			</div>
			{card ? (
				<div className="dialog-body">
					<CardFields key={card.id} cardId={card.id} />
					<Attachments cardId={card.id} detail={detail} />
					<Comments cardId={card.id} detail={detail} />
				</div>
			) : (
				<p className="dialog-body muted">This card was archived or moved off the board.</p>
			)}
		</dialog>
	);
}

export interface LiveDetail {
	loading: boolean;
	comments: Comment[];
	attachments: Attachment[];
	addAttachment: (attachment: Attachment) => void;
}

/** Loads comments and attachments once, then follows the board's events for this card. */
function useCardDetail(cardId: string): LiveDetail {
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

/** Title and description, saved as card.update with the version the user was looking at. */
function CardFields({ cardId }: { cardId: string }) {
	const { board, canWrite, send } = useBoard();
	const card = board.cards.find((c) => c.id === cardId);
	const [title, setTitle] = useState(card?.title ?? "");
	const [description, setDescription] = useState(card?.description ?? "");
	const focused = useRef<string | null>(null);
	// Follow remote edits and rollbacks, except in the field the user is typing in.
	useEffect(() => {
		if (card && focused.current !== "title") setTitle(card.title);
		if (card && focused.current !== "description") setDescription(card.description);
	}, [card]);
	if (!card) return null;
	const readOnly = !canWrite || isTempId(card.id);
	const save = (field: "title" | "description") => {
		focused.current = null;
		const value = field === "title" ? title.trim() : description;
		if (readOnly || value === card[field]) return;
		if (field === "title" && !value) return setTitle(card.title);
		const change = field === "title" ? { title: value } : { description: value };
		send({ type: "card.update", boardId: board.id, cardId: card.id, version: card.version, ...change });
	};
	return (
		<div className="card-fields">
			<label className="visually-hidden" htmlFor="card-title-input">
				Title
			</label>
			<textarea
				id="card-title-input"
				data-testid="card-title-input"
				className="card-title-input"
				rows={1}
				maxLength={200}
				readOnly={readOnly}
				value={title}
				onFocus={() => {
					focused.current = "title";
				}}
				onChange={(e) => setTitle(e.target.value.replace(/\n/g, ""))}
				onBlur={() => save("title")}
				onKeyDown={(e) => {
					if (e.key === "Enter") {
						e.preventDefault();
						e.currentTarget.blur();
					}
				}}
			/>
			<label htmlFor="card-description">Description</label>
			<textarea
				id="card-description"
				data-testid="card-description-input"
				rows={4}
				maxLength={10_000}
				readOnly={readOnly}
				placeholder={readOnly ? "No description." : "Add more detail…"}
				value={description}
				onFocus={() => {
					focused.current = "description";
				}}
				onChange={(e) => setDescription(e.target.value)}
				onBlur={() => save("description")}
			/>
			{!readOnly && <ArchiveButton cardId={card.id} />}
		</div>
	);
}

function ArchiveButton({ cardId }: { cardId: string }) {
	const { board, send } = useBoard();
	return (
		<button
			type="button"
			className="button button-danger-ghost"
			onClick={() => {
				if (window.confirm("Archive this card? It disappears from the board for everyone."))
					send({ type: "card.archive", boardId: board.id, cardId });
			}}
		>
			Archive card
		</button>
	);
}
