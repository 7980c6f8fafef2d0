// A list column: its header (drag handle and menu), its cards (a drop target for dragged cards)
// and the add-card input.
import { type DragEvent, type ReactNode, useState } from "react";
import type { List } from "../../../shared/api";
import { useBoard } from "../board-context";
import { cardsIn, isTempId } from "../board-state";
import { isNoop, targetAtIndex } from "../card-moves";
import { CARD_MIME, CardItem } from "./Card";
import { type ListDrag, ListHeader } from "./ListHeader";
import { AddCard } from "./QuickAdd";

export function ListColumn({ list, drag }: { list: List; drag: ListDrag }) {
	const { board, canWrite, send, dragging, setDragging } = useBoard();
	const cards = cardsIn(board, list.id);
	const [dropIndex, setDropIndex] = useState<number | null>(null);
	const others = cards.filter((c) => c.id !== dragging);

	const onDragOver = (event: DragEvent<HTMLOListElement>) => {
		if (!dragging || isTempId(list.id)) return;
		event.preventDefault();
		event.dataTransfer.dropEffect = "move";
		setDropIndex(indexAt(event.currentTarget, event.clientY, dragging));
	};
	const onDrop = (event: DragEvent<HTMLOListElement>) => {
		event.preventDefault();
		const cardId = event.dataTransfer.getData(CARD_MIME) || dragging;
		const card = board.cards.find((c) => c.id === cardId);
		setDropIndex(null);
		setDragging(null);
		if (!card || dropIndex === null) return;
		const target = targetAtIndex(board, list.id, card.id, dropIndex);
		if (!isNoop(board, card, target)) send({ type: "card.move", boardId: board.id, cardId: card.id, ...target });
	};
	const onDragLeave = (event: DragEvent<HTMLOListElement>) => {
		if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDropIndex(null);
	};

	return (
		<section
			className={`column${drag.active ? " column-dragging" : ""}`}
			data-testid="list"
			data-list-id={list.id}
			data-list-title={list.title}
			aria-label={list.title}
		>
			<ListHeader list={list} count={cards.length} drag={drag} />
			<ol
				className={`card-list${dropIndex !== null ? " drop-active" : ""}`}
				onDragOver={onDragOver}
				onDrop={onDrop}
				onDragLeave={onDragLeave}
			>
				{/* The dragged card stays in the DOM (dimmed): removing a drag source mid-drag makes
				    Chromium drop its dragend, which would leave the card hidden for good. */}
				{cards.map((card) => (
					<CardSlot key={card.id} showIndicator={dropIndex !== null && dropIndex === others.indexOf(card)}>
						<CardItem card={card} />
					</CardSlot>
				))}
				{dropIndex === others.length && <li className="drop-indicator" aria-hidden="true" />}
				{cards.length === 0 && dropIndex === null && (
					<li className="column-empty">{canWrite ? "No cards yet — add one below." : "No cards."}</li>
				)}
			</ol>
			{canWrite && !isTempId(list.id) && <AddCard listId={list.id} />}
		</section>
	);
}

function CardSlot({ showIndicator, children }: { showIndicator: boolean; children: ReactNode }) {
	return (
		<>
			{showIndicator && <li className="drop-indicator" aria-hidden="true" />}
			{children}
		</>
	);
}

/** How many of the list's other cards sit above the pointer: the index the dragged card would take. */
function indexAt(listElement: HTMLElement, clientY: number, draggingId: string): number {
	const cards = [...listElement.querySelectorAll<HTMLElement>("[data-testid=card]")].filter(
		(el) => el.dataset.cardId !== draggingId,
	);
	return cards.filter((el) => {
		const rect = el.getBoundingClientRect();
		return rect.top + rect.height / 2 < clientY;
	}).length;
}
