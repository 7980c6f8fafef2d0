// The keyboard- and touch-friendly way to move a card: a small menu of destinations.
import { useEffect, useRef, useState } from "react";
import type { Card } from "../../../shared/api";
import { byPosition } from "../../../shared/events";
import { useBoard } from "../board-context";
import { type CardTarget, stepTarget, toEndOf } from "../card-moves";

export function MoveMenu({ card, onMove }: { card: Card; onMove: (target: CardTarget | null) => void }) {
	const { board } = useBoard();
	const [open, setOpen] = useState(false);
	const menu = useRef<HTMLDivElement>(null);
	useEffect(() => {
		if (!open) return;
		menu.current?.querySelector<HTMLButtonElement>("button:not([disabled])")?.focus();
		const onPointer = (e: PointerEvent) => {
			if (!menu.current?.parentElement?.contains(e.target as Node)) setOpen(false);
		};
		document.addEventListener("pointerdown", onPointer);
		return () => document.removeEventListener("pointerdown", onPointer);
	}, [open]);

	const choose = (target: CardTarget | null) => {
		setOpen(false);
		onMove(target);
	};
	const lists = [...board.lists].sort(byPosition).filter((l) => l.id !== card.listId);
	const up = stepTarget(board, card, "up");
	const down = stepTarget(board, card, "down");
	return (
		<div className="move-menu">
			<button
				type="button"
				className="icon-button card-move-button"
				aria-haspopup="menu"
				aria-expanded={open}
				aria-label={`Move card ${card.title}`}
				onClick={() => setOpen((o) => !o)}
			>
				⋮
			</button>
			{open && (
				<div
					className="menu menu-right"
					role="menu"
					ref={menu}
					onKeyDown={(e) => {
						if (e.key === "Escape") {
							e.stopPropagation();
							setOpen(false);
						}
					}}
				>
					<button type="button" role="menuitem" className="menu-item" disabled={!up} onClick={() => choose(up)}>
						Move up
					</button>
					<button type="button" role="menuitem" className="menu-item" disabled={!down} onClick={() => choose(down)}>
						Move down
					</button>
					{lists.map((list) => (
						<button
							key={list.id}
							type="button"
							role="menuitem"
							className="menu-item"
							onClick={() => choose(toEndOf(board, list.id, card.id))}
						>
							Move to {list.title}
						</button>
					))}
				</div>
			)}
		</div>
	);
}
