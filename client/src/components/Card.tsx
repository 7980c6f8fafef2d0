// A card in a column: opens on click or Enter, drags with the mouse, moves with Alt+arrows or its Move menu.
import { type DragEvent, type KeyboardEvent, useEffect, useRef } from "react";
import type { Card } from "../../../shared/api";
import { useBoard } from "../board-context";
import { isTempId } from "../board-state";
import { type CardTarget, isNoop, type Step, stepTarget } from "../card-moves";
import { dueState, formatDay } from "../due-date";
import { LabelChip, labelsOf } from "./Labels";
import { MoveMenu } from "./MoveMenu";
import { Avatar, uniquePeople } from "./Presence";

/** Our own drag type, so a dragged file or link from elsewhere is not mistaken for a card. */
export const CARD_MIME = "application/x-boardroom-card";

const STEP_KEYS: Record<string, Step> = { ArrowUp: "up", ArrowDown: "down", ArrowLeft: "left", ArrowRight: "right" };

export function CardItem({ card }: { card: Card }) {
	const { board, canWrite, send, openCard, others, dragging, setDragging, focusCardId, setFocusCardId } = useBoard();
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
			className={`card${pending ? " card-pending" : ""}${viewers.length ? " card-watched" : ""}${dragging === card.id ? " card-dragging" : ""}`}
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
				<CardLabels card={card} />
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

/** Shown above the title (CSS order), read after it: the title is what names the card. */
function CardLabels({ card }: { card: Card }) {
	const { board } = useBoard();
	const labels = labelsOf(board.labels, card.labelIds);
	if (labels.length === 0) return null;
	return (
		<span className="card-labels">
			<span className="visually-hidden">Labels: </span>
			{labels.map((label) => (
				<LabelChip key={label.id} label={label} size="sm" />
			))}
		</span>
	);
}

function CardMeta({ card, pending }: { card: Card; pending: boolean }) {
	const { board } = useBoard();
	const assignees = board.members.filter((m) => card.assigneeIds.includes(m.id));
	const empty = card.commentCount === 0 && card.attachmentCount === 0 && !card.description;
	if (!pending && empty && !card.dueDate && assignees.length === 0) return null;
	return (
		<span className="card-meta">
			{pending && <span className="muted">Saving…</span>}
			{card.dueDate && <DueBadge dueDate={card.dueDate} />}
			{card.description && <Icon path={ICONS.description} label="has a description" />}
			{card.commentCount > 0 && <Icon path={ICONS.comment} label="comments" count={card.commentCount} />}
			{card.attachmentCount > 0 && <Icon path={ICONS.attachment} label="attachments" count={card.attachmentCount} />}
			{assignees.length > 0 && (
				<span className="card-assignees" data-testid="card-assignees">
					<span className="visually-hidden">Assigned to </span>
					{assignees.slice(0, 3).map((m) => (
						<Avatar key={m.id} userId={m.id} name={m.name} size="sm" />
					))}
				</span>
			)}
		</span>
	);
}

function DueBadge({ dueDate }: { dueDate: string }) {
	const state = dueState(dueDate);
	const words = state === "overdue" ? "overdue since" : "due";
	return (
		<span className={`card-meta-item due due-${state}`} data-testid="card-due">
			<svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
				<path d={ICONS.due} fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
			</svg>
			<span className="visually-hidden">{words} </span>
			{formatDay(dueDate)}
		</span>
	);
}

// Inline SVG paths rather than emoji: emoji fonts vary by platform and may be missing entirely.
const ICONS = {
	description: "M3 4h10M3 8h10M3 12h6",
	comment: "M2.5 3.5h11v7h-6l-3 2.5v-2.5h-2z",
	attachment: "M10.5 5 6 9.5a1.4 1.4 0 0 0 2 2L12.5 7a2.8 2.8 0 0 0-4-4L4 7.5a4.2 4.2 0 0 0 6 6L13 10.5",
	due: "M3 3.5h10v9.5H3zM3 6.5h10M5.5 2v3M10.5 2v3",
};

/** An icon for the eye, words for screen readers. */
function Icon({ path, label, count }: { path: string; label: string; count?: number }) {
	return (
		<span className="card-meta-item">
			<svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
				<path
					d={path}
					fill="none"
					stroke="currentColor"
					strokeWidth="1.4"
					strokeLinecap="round"
					strokeLinejoin="round"
				/>
			</svg>
			{count}
			<span className="visually-hidden"> {label}</span>
		</span>
	);
}
