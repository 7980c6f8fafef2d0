// Recent activity on the board, newest first; refreshed as the board's sequence moves.
import { useEffect, useState } from "react";
import type { Activity } from "../../../shared/api";
import { paths } from "../../../shared/paths";
import { describeError, request } from "../api";
import { useBoard } from "../board-context";
import { formatWhen } from "../format";
import { Skeleton } from "./Feedback";
import { Avatar } from "./Presence";

export function ActivityPanel({ onClose }: { onClose: () => void }) {
	const { slug, board } = useBoard();
	const [activity, setActivity] = useState<Activity[] | null>(null);
	const [error, setError] = useState<string | null>(null);
	const seq = board.seq;
	// biome-ignore lint/correctness/useExhaustiveDependencies: seq is the trigger — refetch whenever the board moves on.
	useEffect(() => {
		// Debounced: a burst of edits is one refresh, not one request per event.
		const controller = new AbortController();
		const timer = window.setTimeout(() => {
			request<{ activity: Activity[] }>(paths.activity(slug, board.id), { signal: controller.signal })
				.then((body) => setActivity(body.activity))
				.catch((err: unknown) => {
					if (!controller.signal.aborted) setError(describeError(err));
				});
		}, 300);
		return () => {
			window.clearTimeout(timer);
			controller.abort();
		};
	}, [slug, board.id, seq]);
	const names = new Map(board.members.map((m) => [m.id, m.name]));
	return (
		<aside className="activity-panel" aria-label="Activity">
			<div className="activity-header">
				<h2>Activity</h2>
				<button type="button" className="icon-button" aria-label="Close activity" onClick={onClose}>
					×
				</button>
			</div>
			{error && <p className="muted">{error}</p>}
			{!activity && !error && <Skeleton height={60} />}
			{activity?.length === 0 && <p className="muted">Nothing has happened here yet.</p>}
			<ol className="activity-list">
				{/* The server's summary already names who did it ("Alice moved …"): it is shown as is. */}
				{activity?.map((a) => (
					<li key={a.seq} className="activity-item" data-testid="activity-item">
						<span aria-hidden="true">
							<Avatar userId={a.actorId} name={names.get(a.actorId) ?? "API"} size="sm" />
						</span>
						<span>
							<span data-testid="activity-summary">{a.summary}</span>
							<span className="muted small"> · {formatWhen(a.at)}</span>
						</span>
					</li>
				))}
			</ol>
		</aside>
	);
}
