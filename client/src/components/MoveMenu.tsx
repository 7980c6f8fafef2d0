// The keyboard- and touch-friendly way to move a card: a small menu of destinations.
// On a phone it is the only way, since touch screens do not start HTML drag and drop.
import type { Card } from "../../../shared/api";
import { byPosition } from "../../../shared/events";
import { useBoard } from "../board-context";
import { type CardTarget, stepTarget, toEndOf } from "../card-moves";
import { type MenuAction, PopupMenu } from "./PopupMenu";

export function MoveMenu({ card, onMove }: { card: Card; onMove: (target: CardTarget | null) => void }) {
	const { board } = useBoard();
	const up = stepTarget(board, card, "up");
	const down = stepTarget(board, card, "down");
	const actions: MenuAction[] = [
		{ label: "Move up", disabled: !up, onSelect: () => onMove(up) },
		{ label: "Move down", disabled: !down, onSelect: () => onMove(down) },
		...[...board.lists]
			.sort(byPosition)
			.filter((l) => l.id !== card.listId)
			.map((list) => ({
				key: list.id,
				label: `Move to ${list.title}`,
				onSelect: () => onMove(toEndOf(board, list.id, card.id)),
			})),
	];
	return (
		<div className="move-menu">
			<PopupMenu label={`Move card ${card.title}`} actions={actions} buttonClassName="card-move-button">
				<span aria-hidden="true">⋮</span>
			</PopupMenu>
		</div>
	);
}
