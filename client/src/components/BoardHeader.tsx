// The board's header: where you are, the board's title (renamed in place), and the board's side
// panels (activity, archive) and actions (archiving the board itself).
import { paths } from "../../../shared/paths";
import { describeError, request } from "../api";
import { useBoard } from "../board-context";
import { navigate, tenantHref } from "../router";
import { useToast } from "../toasts";
import { InlineEdit } from "./InlineEdit";
import { Link } from "./Link";
import { PopupMenu } from "./PopupMenu";

export type Panel = "activity" | "archive" | null;

export function BoardHeader({ panel, setPanel }: { panel: Panel; setPanel: (panel: Panel) => void }) {
	const { slug, board, canWrite, send } = useBoard();
	const notify = useToast();
	const toggle = (which: Exclude<Panel, null>) => setPanel(panel === which ? null : which);
	const archiveBoard = () => {
		if (!window.confirm(`Archive the board “${board.title}”? It leaves the boards page for everyone until restored.`))
			return;
		request(paths.board(slug, board.id), { method: "PATCH", body: { archived: true } })
			.then(() => {
				notify(`Archived “${board.title}”. Restore it from Archived boards.`, "success");
				navigate(tenantHref(slug));
			})
			.catch((error: unknown) => notify(describeError(error)));
	};
	return (
		<div className="board-header">
			<nav className="breadcrumb" aria-label="Breadcrumb">
				<Link href={tenantHref(slug)} data-testid="boards-link">
					Boards
				</Link>
				<span aria-hidden="true">/</span>
			</nav>
			<h1 className="board-title">
				<InlineEdit
					value={board.title}
					label="Board title"
					readOnly={!canWrite}
					onSave={(title) => send({ type: "board.rename", boardId: board.id, title, version: board.version })}
				/>
			</h1>
			{!canWrite && <span className="badge">View only</span>}
			<div className="board-actions">
				<button
					type="button"
					className="button button-secondary"
					aria-pressed={panel === "activity"}
					onClick={() => toggle("activity")}
				>
					Activity
				</button>
				<button
					type="button"
					className="button button-secondary"
					aria-pressed={panel === "archive"}
					data-testid="archive-toggle"
					onClick={() => toggle("archive")}
				>
					Archived
				</button>
				{canWrite && (
					<PopupMenu
						label="Board actions"
						actions={[{ label: "Archive board…", danger: true, onSelect: archiveBoard }]}
					>
						<span aria-hidden="true">⋯</span>
					</PopupMenu>
				)}
			</div>
		</div>
	);
}

/** What the people still on a board see once someone archived it. */
export function ArchivedNotice() {
	const { slug, board, canWrite } = useBoard();
	const notify = useToast();
	const restore = () =>
		request(paths.board(slug, board.id), { method: "PATCH", body: { archived: false } }).catch((error: unknown) =>
			notify(describeError(error)),
		);
	return (
		<section className="empty-state archived-notice" data-testid="board-archived" aria-live="polite">
			<p className="empty-title">This board was archived</p>
			<p className="muted">It is off the boards page for everyone. Nothing on it was deleted.</p>
			<div className="button-row">
				{canWrite && (
					<button type="button" className="button button-primary" onClick={() => void restore()}>
						Restore the board
					</button>
				)}
				<Link href={tenantHref(slug)} className="button button-secondary">
					Back to boards
				</Link>
			</div>
		</section>
	);
}
