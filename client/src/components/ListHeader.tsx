// A list's header: its title (renamed in place), card count, and the ways to move it: drag the
// header, Alt+Left/Right, or the list's menu (which also archives it).
import { type DragEvent, type KeyboardEvent, useEffect, useRef } from "react";
import type { List } from "../../../shared/api";
import { useBoard } from "../board-context";
import { isTempId } from "../board-state";
import { isListNoop, type ListTarget, stepList } from "../list-moves";
import { InlineEdit } from "./InlineEdit";
import { type MenuAction, PopupMenu } from "./PopupMenu";

/** Our own drag type for lists, distinct from cards and from files dragged in from elsewhere. */
export const LIST_MIME = "application/x-boardroom-list";

/** How a column tells the board that its list is being dragged. */
export interface ListDrag {
	start: (listId: string) => void;
	end: () => void;
	/** This column is the one being dragged (it stays in place, dimmed). */
	active: boolean;
}

/** Drag by the header, or move one step with Alt+Left/Right or the list's menu. */
export function ListHeader({ list, count, drag }: { list: List; count: number; drag: ListDrag }) {
	const { board, canWrite, send } = useBoard();
	const movable = canWrite && !isTempId(list.id);
	const refocus = useRef<HTMLElement | null>(null);
	// The column is re-ordered in the DOM when it moves, which drops focus; put it back where it was.
	// biome-ignore lint/correctness/useExhaustiveDependencies: the list's position changing is the trigger.
	useEffect(() => {
		if (refocus.current && document.activeElement !== refocus.current) refocus.current.focus();
		refocus.current = null;
	}, [list.position]);

	const move = (target: ListTarget | null) => {
		if (!target || isListNoop(board, list.id, target)) return;
		refocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
		send({ type: "list.move", boardId: board.id, listId: list.id, afterId: target.afterId });
	};
	const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
		const step = event.key === "ArrowLeft" ? "left" : event.key === "ArrowRight" ? "right" : null;
		if (!step || !event.altKey) return;
		event.preventDefault();
		move(stepList(board, list.id, step));
	};
	const onDragStart = (event: DragEvent<HTMLElement>) => {
		event.dataTransfer.setData(LIST_MIME, list.id);
		event.dataTransfer.setData("text/plain", list.title);
		event.dataTransfer.effectAllowed = "move";
		drag.start(list.id);
	};
	const archive = () => {
		if (window.confirm(`Archive the list “${list.title}” and its ${count} cards?`))
			send({ type: "list.archive", boardId: board.id, listId: list.id });
	};
	const left = stepList(board, list.id, "left");
	const right = stepList(board, list.id, "right");
	const actions: MenuAction[] = [
		{ label: "Move left", disabled: !left, onSelect: () => move(left) },
		{ label: "Move right", disabled: !right, onSelect: () => move(right) },
		{ label: "Archive list…", danger: true, onSelect: archive },
	];
	return (
		// biome-ignore lint/a11y/noStaticElementInteractions: dragging is the pointer's way; the list menu and Alt+arrows on it are the keyboard's.
		<header className="column-header" draggable={movable} onDragStart={onDragStart} onDragEnd={drag.end}>
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
			{movable && (
				<PopupMenu
					label={`List actions for ${list.title}`}
					actions={actions}
					buttonClassName="list-menu-button"
					onButtonKeyDown={onKeyDown}
					keyShortcuts="Alt+ArrowLeft Alt+ArrowRight"
				>
					<span aria-hidden="true">⋯</span>
				</PopupMenu>
			)}
		</header>
	);
}
