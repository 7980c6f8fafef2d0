// A card in a column: opens on click or Enter, drags with the mouse, moves with Alt+arrows or its Move menu.
import { type DragEvent, type KeyboardEvent, useEffect, useRef } from "react";
import type { Card } from "../../../shared/api";
import { useBoard } from "../board-context";
import { isTempId } from "../board-state";
import { type CardTarget, isNoop, type Step, stepTarget } from "../card-moves";
import { MoveMenu } from "./MoveMenu";
import { Avatar, uniquePeople } from "./Presence";

/** Our own drag type, so a dragged file or link from elsewhere is not mistaken for a card. */
export const CARD_MIME = "application/x-boardroom-card";

const STEP_KEYS: Record<string, Step> = { ArrowUp: "up", ArrowDown: "down", ArrowLeft: "left", ArrowRight: "right" };

export function CardItem({ card }: { card: Card }) {
	const { board, canWrite, send, openCard, others, setDragging, focusCardId, setFocusCardId } = useBoard();
	const button = useRef<HTMLButtonElement>(null);
	const pending = isTempId(card.id);
	const viewers = uniquePeople(others.filter((p) => p.cardId === card.id));

	// After a keyboard move the card re-mounts in its new place; give it focus back there.
	useEffect(() => {
		if (focusCardId === card.id) {
			button.current?.focus();
			setFocusCardId(null);
		}
	}, [focusCardId, card.id, setFocusCardId]);

	const moveTo = (target: CardTarget | null) => {
		if (!target || isNoop(board, card, target)) return;
		send({ type: "card.move", boardId: board.id, cardId: card.id, ...target });
		setFocusCardId(card.id);
	};
	const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
		const step = STEP_KEYS[event.key];
		if (!step || !event.altKey || !canWrite || pending) return;
		event.preventDefault();
		moveTo(stepTarget(board, card, step));
	};
	const onDragStart = (event: DragEvent<HTMLLIElement>) => {
		event.dataTransfer.setData(CARD_MIME, card.id);
		event.dataTransfer.setData("text/plain", card.title);
		event.dataTransfer.effectAllowed = "move";
		setDragging(card.id);
	};

	return (
		<li
			className={`card${pending ? " card-pending" : ""}${viewers.length ? " card-watched" : ""}`}
			data-testid="card"
			data-card-id={card.id}
			data-card-title={card.title}
			draggable={canWrite && !pending}
			onDragStart={onDragStart}
			onDragEnd={() => setDragging(null)}
		>
			<button
				ref={button}
				type="button"
				className="card-open"
				onClick={() => openCard(card.id)}
				onKeyDown={onKeyDown}
				aria-keyshortcuts={canWrite ? "Alt+ArrowUp Alt+ArrowDown Alt+ArrowLeft Alt+ArrowRight" : undefined}
				aria-description={canWrite ? "Alt plus arrow keys moves the card" : undefined}
			>
				<span className="card-title">{card.title}</span>
				<CardMeta card={card} pending={pending} />
			</button>
			{viewers.length > 0 && (
				<span
					className="card-viewers"
					data-testid="card-viewers"
					title={`${viewers.map((v) => v.name).join(", ")} viewing`}
				>
					{viewers.slice(0, 3).map((v) => (
						<Avatar key={v.userId} userId={v.userId} name={v.name} size="sm" />
					))}
				</span>
			)}
			{canWrite && !pending && <MoveMenu card={card} onMove={moveTo} />}
		</li>
	);
}

function CardMeta({ card, pending }: { card: Card; pending: boolean }) {
	if (!pending && card.commentCount === 0 && card.attachmentCount === 0 && !card.description) return null;
	return (
		<span className="card-meta">
			{pending && <span className="muted">Saving…</span>}
			{card.description && <Icon glyph="≡" label="has a description" />}
			{card.commentCount > 0 && <Icon glyph="💬" label="comments" count={card.commentCount} />}
			{card.attachmentCount > 0 && <Icon glyph="📎" label="attachments" count={card.attachmentCount} />}
		</span>
	);
}

/** A glyph for the eye, words for screen readers. */
function Icon({ glyph, label, count }: { glyph: string; label: string; count?: number }) {
	return (
		<span>
			<span aria-hidden="true">{glyph}</span>
			{count !== undefined && ` ${count}`}
			<span className="visually-hidden"> {label}</span>
		</span>
	);
}
