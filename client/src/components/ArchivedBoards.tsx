// Archived boards on the boards page, each with a way back. Loaded on demand (a chunk of its own)
// when someone opens the section: most visits to the boards page never need it.
import { useEffect, useState } from "react";
import type { ArchivedBoard, Board } from "../../../shared/api";
import { paths } from "../../../shared/paths";
import { describeError, request } from "../api";
import { formatWhen } from "../format";
import { useSession } from "../tenant-session";
import { useToast } from "../toasts";
import { Skeleton } from "./Feedback";

export default function ArchivedBoards({
	canWrite,
	onRestored,
}: {
	canWrite: boolean;
	onRestored: (board: Board) => void;
}) {
	const { slug } = useSession();
	const notify = useToast();
	const [boards, setBoards] = useState<ArchivedBoard[] | null>(null);
	const [busy, setBusy] = useState<string | null>(null);
	useEffect(() => {
		const controller = new AbortController();
		request<{ boards: ArchivedBoard[] }>(paths.archivedBoards(slug), { signal: controller.signal })
			.then((body) => setBoards(body.boards))
			.catch((error: unknown) => {
				if (!controller.signal.aborted) notify(describeError(error));
			});
		return () => controller.abort();
	}, [slug, notify]);
	const restore = async (board: ArchivedBoard) => {
		setBusy(board.id);
		try {
			const restored = await request<Board>(paths.board(slug, board.id), {
				method: "PATCH",
				body: { archived: false },
			});
			setBoards((list) => list?.filter((b) => b.id !== board.id) ?? null);
			notify(`Restored “${board.title}”`, "success");
			onRestored(restored);
		} catch (error) {
			notify(describeError(error));
		} finally {
			setBusy(null);
		}
	};
	if (boards === null) return <Skeleton height={40} />;
	if (boards.length === 0) return <p className="muted">No archived boards.</p>;
	return (
		<ul className="archive-list" data-testid="archived-boards">
			{boards.map((board) => (
				<li key={board.id} className="archive-item" data-testid="archived-board" data-title={board.title}>
					<span>
						<strong>{board.title}</strong>
						<span className="muted small"> · archived {formatWhen(board.archivedAt)}</span>
					</span>
					{canWrite && (
						<button
							type="button"
							className="button button-secondary button-small"
							disabled={busy === board.id}
							aria-label={`Restore the board ${board.title}`}
							onClick={() => void restore(board)}
						>
							{busy === board.id ? "Restoring…" : "Restore"}
						</button>
					)}
				</li>
			))}
		</ul>
	);
}
