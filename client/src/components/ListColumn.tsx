// A list column: title, its cards (a drop target for dragged cards) and the add-card input.
import { type DragEvent, type FormEvent, type ReactNode, useState } from "react";
import type { List } from "../../../shared/api";
import { useBoard } from "../board-context";
import { cardsIn, isTempId } from "../board-state";
import { isNoop, targetAtIndex } from "../card-moves";
import { CARD_MIME, CardItem } from "./Card";
import { InlineEdit } from "./InlineEdit";

export function ListColumn({ list }: { list: List }) {
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
			className="column"
			data-testid="list"
			data-list-id={list.id}
			data-list-title={list.title}
			aria-label={list.title}
		>
			<ListHeader list={list} count={cards.length} />
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

function ListHeader({ list, count }: { list: List; count: number }) {
	const { board, canWrite, send } = useBoard();
	const archive = () => {
		if (window.confirm(`Archive the list “${list.title}” and its ${count} cards?`))
			send({ type: "list.archive", boardId: board.id, listId: list.id });
	};
	return (
		<header className="column-header">
			<h2 className="column-title">
				<InlineEdit
					value={list.title}
					label="List title"
					readOnly={!canWrite || isTempId(list.id)}
					onSave={(title) =>
						send({ type: "list.rename", boardId: board.id, listId: list.id, title, version: list.version })
					}
				/>
			</h2>
			<span className="count">
				{count}
				<span className="visually-hidden"> cards</span>
			</span>
			{canWrite && !isTempId(list.id) && (
				<button type="button" className="icon-button" aria-label={`Archive list ${list.title}`} onClick={archive}>
					<svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
						<path d="M2 3h12v3H2zM3 6h10v7H3zM6 8h4" fill="none" stroke="currentColor" strokeWidth="1.4" />
					</svg>
				</button>
			)}
		</header>
	);
}

function AddCard({ listId }: { listId: string }) {
	const { board, send } = useBoard();
	return (
		<QuickAdd
			label="Add a card"
			testId="add-card-input"
			className="add-card"
			onAdd={(title) => send({ type: "card.create", boardId: board.id, listId, title })}
		/>
	);
}

export function AddList() {
	const { board, send } = useBoard();
	return (
		<QuickAdd
			label="Add a list"
			testId="add-list-input"
			className="column column-add"
			onAdd={(title) => send({ type: "list.create", boardId: board.id, title })}
		/>
	);
}

/** A one-line form: type a title, press Enter, and it is added and the field clears. */
function QuickAdd(props: { label: string; testId: string; className: string; onAdd: (title: string) => void }) {
	const [title, setTitle] = useState("");
	const submit = (event: FormEvent) => {
		event.preventDefault();
		const trimmed = title.trim();
		if (!trimmed) return;
		props.onAdd(trimmed);
		setTitle("");
	};
	return (
		<form className={props.className} onSubmit={submit}>
			<input
				data-testid={props.testId}
				aria-label={props.label}
				placeholder={`+ ${props.label}`}
				maxLength={200}
				value={title}
				onChange={(e) => setTitle(e.target.value)}
			/>
		</form>
	);
}
