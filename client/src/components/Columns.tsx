// The board's lists side by side, and a drop target for lists dragged by their header.
import { type DragEvent, Fragment, useState } from "react";
import { byPosition } from "../../../shared/events";
import { useBoard } from "../board-context";
import { isListNoop, listAtIndex } from "../list-moves";
import { ListColumn } from "./ListColumn";
import { LIST_MIME } from "./ListHeader";
import { AddList } from "./QuickAdd";

export function Columns() {
	const { board, canWrite, send } = useBoard();
	const lists = [...board.lists].sort(byPosition);
	// Read during dragover, when dataTransfer's contents are hidden from the page.
	const [dragging, setDragging] = useState<string | null>(null);
	const [dropIndex, setDropIndex] = useState<number | null>(null);
	const others = lists.filter((l) => l.id !== dragging);

	const onDragOver = (event: DragEvent<HTMLElement>) => {
		if (!dragging) return;
		event.preventDefault();
		event.dataTransfer.dropEffect = "move";
		setDropIndex(indexAt(event.currentTarget, event.clientX, dragging));
	};
	const onDrop = (event: DragEvent<HTMLElement>) => {
		const listId = event.dataTransfer.getData(LIST_MIME) || dragging;
		if (!listId || dropIndex === null) return end();
		event.preventDefault();
		const target = listAtIndex(board, listId, dropIndex);
		if (!isListNoop(board, listId, target))
			send({ type: "list.move", boardId: board.id, listId, afterId: target.afterId });
		end();
	};
	const end = () => {
		setDragging(null);
		setDropIndex(null);
	};
	const indicator = <div className="list-drop-indicator" aria-hidden="true" />;

	return (
		<section className="columns" aria-label="Lists" onDragOver={onDragOver} onDrop={onDrop}>
			{lists.map((list) => (
				<Fragment key={list.id}>
					{dropIndex !== null && dropIndex === others.indexOf(list) && indicator}
					<ListColumn list={list} drag={{ start: setDragging, end, active: dragging === list.id }} />
				</Fragment>
			))}
			{dropIndex !== null && dropIndex === others.length && indicator}
			{canWrite && <AddList />}
			{lists.length === 0 && !canWrite && <p className="muted">This board has no lists yet.</p>}
		</section>
	);
}

/** How many of the other lists sit left of the pointer: the index the dragged list would take. */
function indexAt(columns: HTMLElement, clientX: number, draggingId: string): number {
	const lists = [...columns.querySelectorAll<HTMLElement>(":scope > [data-testid=list]")].filter(
		(el) => el.dataset.listId !== draggingId,
	);
	return lists.filter((el) => {
		const rect = el.getBoundingClientRect();
		return rect.left + rect.width / 2 < clientX;
	}).length;
}
