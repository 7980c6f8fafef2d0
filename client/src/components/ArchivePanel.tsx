// A board's archive: lists archived with their cards, and cards archived by themselves, each with
// a way back. Restoring is a board operation over the socket; the board's event brings the list
// or card back for everyone, and the panel reads the archive again. Loaded on demand (a chunk of
// its own): the board's first paint does not wait for it.
import { useEffect, useState } from "react";
import type { BoardArchive } from "../../../shared/api";
import { paths } from "../../../shared/paths";
import { describeError, request } from "../api";
import { useBoard } from "../board-context";
import { formatWhen } from "../format";
import { Skeleton } from "./Feedback";

export default function ArchivePanel({ onClose }: { onClose: () => void }) {
	const { slug, board, canWrite, send, pending } = useBoard();
	const [archive, setArchive] = useState<BoardArchive | null>(null);
	const [error, setError] = useState<string | null>(null);
	const seq = board.seq;
	// biome-ignore lint/correctness/useExhaustiveDependencies: seq is the trigger — read again whenever the board moves on.
	useEffect(() => {
		const controller = new AbortController();
		const timer = window.setTimeout(() => {
			request<BoardArchive>(paths.boardArchive(slug, board.id), { signal: controller.signal })
				.then(setArchive)
				.catch((err: unknown) => {
					if (!controller.signal.aborted) setError(describeError(err));
				});
		}, 200);
		return () => {
			window.clearTimeout(timer);
			controller.abort();
		};
	}, [slug, board.id, seq]);
	const restoring = new Set(
		pending.flatMap((p) =>
			p.op.type === "list.restore" ? [p.op.listId] : p.op.type === "card.restore" ? [p.op.cardId] : [],
		),
	);
	const lists = new Map(board.lists.map((l) => [l.id, l.title]));
	const empty = archive && archive.lists.length === 0 && archive.cards.length === 0;
	return (
		<aside className="activity-panel archive-panel" aria-label="Archived lists and cards" data-testid="archive-panel">
			<div className="activity-header">
				<h2>Archived</h2>
				<button type="button" className="icon-button" aria-label="Close the archive" onClick={onClose}>
					×
				</button>
			</div>
			{error && <p className="muted">{error}</p>}
			{!archive && !error && <Skeleton height={60} />}
			{empty && <p className="muted">Nothing archived on this board.</p>}
			{archive && archive.lists.length > 0 && (
				<section aria-labelledby="archived-lists-heading">
					<h3 id="archived-lists-heading">Lists</h3>
					<ul className="archive-list">
						{archive.lists.map((list) => (
							<ArchivedItem
								key={list.id}
								kind="list"
								title={list.title}
								detail={`${list.cardCount} ${list.cardCount === 1 ? "card" : "cards"} · archived ${formatWhen(list.archivedAt)}`}
								restoring={restoring.has(list.id)}
								onRestore={
									canWrite ? () => send({ type: "list.restore", boardId: board.id, listId: list.id }) : undefined
								}
							/>
						))}
					</ul>
				</section>
			)}
			{archive && archive.cards.length > 0 && (
				<section aria-labelledby="archived-cards-heading">
					<h3 id="archived-cards-heading">Cards</h3>
					<ul className="archive-list">
						{archive.cards.map((card) => (
							<ArchivedItem
								key={card.id}
								kind="card"
								title={card.title}
								detail={`${lists.get(card.listId) ?? "a list"} · archived ${formatWhen(card.archivedAt)}`}
								restoring={restoring.has(card.id)}
								onRestore={
									canWrite ? () => send({ type: "card.restore", boardId: board.id, cardId: card.id }) : undefined
								}
							/>
						))}
					</ul>
				</section>
			)}
		</aside>
	);
}

/** One archived list or card, and its Restore button for those who may write. */
function ArchivedItem(props: {
	kind: "list" | "card";
	title: string;
	detail: string;
	restoring: boolean;
	onRestore: (() => void) | undefined;
}) {
	const { kind, title, detail, restoring, onRestore } = props;
	return (
		<li className="archive-item" data-testid={`archived-${kind}`} data-title={title}>
			<span>
				<strong>{title}</strong>
				<span className="muted small"> · {detail}</span>
			</span>
			{onRestore && (
				<button
					type="button"
					className="button button-secondary button-small"
					disabled={restoring}
					aria-label={`Restore the ${kind} ${title}`}
					onClick={onRestore}
				>
					{restoring ? "Restoring…" : "Restore"}
				</button>
			)}
		</li>
	);
}
