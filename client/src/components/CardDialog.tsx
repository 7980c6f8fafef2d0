// A card's detail: editable title and description, labels, assignees and due date, comments and
// attachments, in a modal dialog.
import { useEffect, useRef } from "react";
import { useBoard } from "../board-context";
import { isTempId } from "../board-state";
import { useCardDetail } from "../use-card-detail";
import { Attachments } from "./Attachments";
import { CardDetails } from "./CardDetails";
import { CardFields } from "./CardFields";
import { Comments } from "./Comments";
import { Avatar, uniquePeople } from "./Presence";

interface CardDialogProps {
	cardId: string;
	onClose: () => void;
	setViewing: (cardId: string | null) => void;
}

export function CardDialog({ cardId, onClose, setViewing }: CardDialogProps) {
	const { board, others, canWrite } = useBoard();
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
					<Avatar key={v.userId} userId={v.userId} name={v.name} label={`${v.name} is viewing`} size="sm" />
				))}
				<div className="topbar-spacer" />
				<button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
					×
				</button>
			</div>
			{card ? (
				<div className="dialog-body">
					<div className="card-fields-group">
						<CardFields key={card.id} cardId={card.id} />
						{canWrite && !isTempId(card.id) && <ArchiveButton cardId={card.id} />}
					</div>
					<CardDetails card={card} />
					<Attachments cardId={card.id} detail={detail} />
					<Comments cardId={card.id} detail={detail} />
				</div>
			) : (
				<p className="dialog-body muted">This card was archived or moved off the board.</p>
			)}
		</dialog>
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
