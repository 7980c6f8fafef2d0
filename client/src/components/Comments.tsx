// A card's comment thread: what the server has, plus this user's comments still on their way.
// Its author may delete a comment, and so may owners and admins.
import { type FormEvent, useState } from "react";
import type { Comment } from "../../../shared/api";
import { useBoard } from "../board-context";
import { formatWhen } from "../format";
import type { LiveDetail } from "../use-card-detail";
import { Skeleton } from "./Feedback";
import { Avatar } from "./Presence";

export function Comments({ cardId, detail }: { cardId: string; detail: LiveDetail }) {
	const { board, canWrite, send, pending, userId, canManage } = useBoard();
	const [body, setBody] = useState("");
	const sending = pending.flatMap((p) => (p.op.type === "comment.create" && p.op.cardId === cardId ? [p] : []));
	// Deleted here and on their way: gone from the thread already.
	const deleting = new Set(pending.flatMap((p) => (p.op.type === "comment.delete" ? [p.op.commentId] : [])));
	const comments = detail.comments.filter((c) => !deleting.has(c.id));
	const mayDelete = (c: Comment) => canWrite && (c.authorId === userId || canManage);
	const remove = (c: Comment) => {
		if (window.confirm("Delete this comment? Everyone on the board stops seeing it."))
			send({ type: "comment.delete", boardId: board.id, cardId, commentId: c.id });
	};

	const submit = (event: FormEvent) => {
		event.preventDefault();
		const trimmed = body.trim();
		if (!trimmed) return;
		send({ type: "comment.create", boardId: board.id, cardId, body: trimmed });
		setBody("");
	};

	return (
		<section className="dialog-section" aria-labelledby="comments-heading">
			<h3 id="comments-heading">Comments</h3>
			{detail.loading ? (
				<Skeleton height={40} />
			) : (
				<ol className="comments">
					{comments.length === 0 && sending.length === 0 && <li className="muted">No comments yet.</li>}
					{comments.map((c) => (
						<li key={c.id} className="comment" data-testid="comment">
							<Avatar userId={c.authorId} name={c.authorName} size="sm" />
							<div>
								<div className="comment-head">
									<strong>{c.authorName}</strong> <span className="muted small">{formatWhen(c.createdAt)}</span>
									{mayDelete(c) && (
										<button
											type="button"
											className="link-button"
											data-testid="comment-delete"
											aria-label={`Delete the comment by ${c.authorName}`}
											onClick={() => remove(c)}
										>
											Delete
										</button>
									)}
								</div>
								<p className="comment-body">{c.body}</p>
							</div>
						</li>
					))}
					{sending.map((p) => (
						<li key={p.opId} className="comment comment-pending" data-testid="comment">
							<span className="avatar avatar-sm avatar-placeholder" aria-hidden="true" />
							<div>
								<div className="comment-head muted small">Sending…</div>
								<p className="comment-body">{p.op.type === "comment.create" ? p.op.body : ""}</p>
							</div>
						</li>
					))}
				</ol>
			)}
			{canWrite && (
				<form className="comment-form" onSubmit={submit}>
					<label htmlFor="comment-input" className="visually-hidden">
						Write a comment
					</label>
					<textarea
						id="comment-input"
						data-testid="comment-input"
						rows={2}
						maxLength={10_000}
						placeholder="Write a comment…"
						value={body}
						onChange={(e) => setBody(e.target.value)}
						onKeyDown={(e) => {
							if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) submit(e);
						}}
					/>
					<button type="submit" className="button button-primary" data-testid="comment-submit" disabled={!body.trim()}>
						Comment
					</button>
				</form>
			)}
		</section>
	);
}
