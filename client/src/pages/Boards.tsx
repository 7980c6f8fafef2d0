// A tenant's home: its boards, a form to start a new one, and the archived ones (on demand).
import { type FormEvent, lazy, Suspense, useEffect, useState } from "react";
import type { Board } from "../../../shared/api";
import { paths } from "../../../shared/paths";
import { canWrite } from "../../../shared/roles";
import { ApiError, describeError, request } from "../api";
import { EmptyState, Skeleton, Spinner } from "../components/Feedback";
import { Link } from "../components/Link";
import { TopBar } from "../components/TopBar";
import { formatWhen } from "../format";
import { recallBoards, rememberBoards } from "../offline-cache";
import { boardHref, navigate } from "../router";
import { useSession } from "../tenant-session";
import { useToast } from "../toasts";

const ArchivedBoards = lazy(() => import("../components/ArchivedBoards"));

export function BoardsPage() {
	const { slug, me, expire } = useSession();
	const [boards, setBoards] = useState<Board[] | null>(null);
	const [showArchived, setShowArchived] = useState(false);
	const notify = useToast();
	useEffect(() => {
		request<{ boards: Board[] }>(paths.boards(slug))
			.then((body) => {
				rememberBoards(slug, body.boards);
				setBoards(body.boards);
			})
			.catch((error: unknown) => {
				if (error instanceof ApiError && error.status === 401) return expire();
				notify(describeError(error));
				// Offline: the list as it was last seen, rather than an empty page that says "No boards yet".
				setBoards((error instanceof ApiError && error.status === 0 && recallBoards(slug)) || []);
			});
	}, [slug, expire, notify]);

	return (
		<div className="app">
			<TopBar />
			<main className="page">
				<div className="page-header">
					<div>
						<h1>Boards</h1>
						<p className="muted">Everything {me.tenant.name} is working on.</p>
					</div>
					{canWrite(me.user.role) && <NewBoardForm slug={slug} onCreated={(b) => navigate(boardHref(slug, b.id))} />}
				</div>
				<BoardGrid slug={slug} boards={boards} />
				<section className="archived-boards" aria-labelledby="archived-boards-heading">
					<h2 id="archived-boards-heading">
						<button
							type="button"
							className="link-button"
							aria-expanded={showArchived}
							data-testid="archived-boards-toggle"
							onClick={() => setShowArchived((s) => !s)}
						>
							{showArchived ? "Hide archived boards" : "Archived boards"}
						</button>
					</h2>
					{showArchived && (
						<Suspense fallback={<Spinner label="Loading archived boards…" />}>
							<ArchivedBoards
								canWrite={canWrite(me.user.role)}
								onRestored={(board) => setBoards((list) => (list ? [...list, board] : [board]))}
							/>
						</Suspense>
					)}
				</section>
			</main>
		</div>
	);
}

function BoardGrid({ slug, boards }: { slug: string; boards: Board[] | null }) {
	if (boards === null)
		return (
			<ul className="board-grid" aria-busy="true" aria-label="Loading boards">
				{[1, 2, 3].map((n) => (
					<li key={n} className="board-tile">
						<Skeleton width="60%" height={20} />
						<Skeleton width="40%" height={14} />
					</li>
				))}
			</ul>
		);
	if (boards.length === 0)
		return (
			<EmptyState title="No boards yet">Create the first one above — it starts with To do, Doing and Done.</EmptyState>
		);
	return (
		<ul className="board-grid">
			{boards.map((board) => (
				<li key={board.id}>
					<Link
						href={boardHref(slug, board.id)}
						className="board-tile"
						data-testid="board-link"
						data-board-id={board.id}
					>
						<span className="board-tile-title">{board.title}</span>
						<span className="muted small">Updated {formatWhen(board.updatedAt)}</span>
					</Link>
				</li>
			))}
		</ul>
	);
}

function NewBoardForm({ slug, onCreated }: { slug: string; onCreated: (board: Board) => void }) {
	const [title, setTitle] = useState("");
	const [busy, setBusy] = useState(false);
	const notify = useToast();
	const submit = async (event: FormEvent) => {
		event.preventDefault();
		if (!title.trim()) return;
		setBusy(true);
		try {
			onCreated(await request<Board>(paths.boards(slug), { method: "POST", body: { title: title.trim() } }));
		} catch (error) {
			notify(describeError(error));
			setBusy(false);
		}
	};
	return (
		<form className="inline-form" onSubmit={submit}>
			<label htmlFor="new-board-title" className="visually-hidden">
				New board title
			</label>
			<input
				id="new-board-title"
				data-testid="new-board-title"
				placeholder="New board title"
				maxLength={200}
				value={title}
				onChange={(e) => setTitle(e.target.value)}
			/>
			<button type="submit" className="button button-primary" disabled={busy || !title.trim()}>
				Create board
			</button>
		</form>
	);
}
