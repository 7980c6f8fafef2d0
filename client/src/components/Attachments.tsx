// A card's files: thumbnails for images, download links for the rest, and an uploader with progress.
import { type ChangeEvent, useRef, useState } from "react";
import type { Attachment } from "../../../shared/api";
import { paths } from "../../../shared/paths";
import { describeError, request } from "../api";
import { useBoard } from "../board-context";
import { formatBytes } from "../format";
import { useToast } from "../toasts";
import { startUpload, type UploadHandle, unfinishedUploads } from "../upload";
import type { LiveDetail } from "../use-card-detail";
import { ProgressBar } from "./ProgressBar";

interface Upload {
	name: string;
	sent: number;
	total: number;
	handle: UploadHandle;
}

export function Attachments({ cardId, detail }: { cardId: string; detail: LiveDetail }) {
	const { slug, canWrite } = useBoard();
	const [upload, setUpload] = useState<Upload | null>(null);
	const notify = useToast();
	const remove = (attachment: Attachment) => {
		if (!window.confirm(`Delete “${attachment.name}”? It is gone for everyone, and cannot be restored.`)) return;
		request(paths.attachment(slug, attachment.id), { method: "DELETE" })
			.then(() => {
				detail.removeAttachment(attachment.id);
				notify(`Deleted ${attachment.name}`, "success");
			})
			.catch((error: unknown) => notify(`${attachment.name}: ${describeError(error)}`));
	};
	const input = useRef<HTMLInputElement>(null);
	const unfinished = upload ? [] : unfinishedUploads(cardId);

	const onChoose = (event: ChangeEvent<HTMLInputElement>) => {
		const file = event.target.files?.[0];
		event.target.value = "";
		if (!file) return;
		const handle = startUpload(slug, cardId, file, (sent, total) => setUpload((u) => u && { ...u, sent, total }));
		setUpload({ name: file.name, sent: 0, total: file.size, handle });
		handle.promise
			.then((attachment) => {
				detail.addAttachment(attachment);
				notify(`Uploaded ${file.name}`, "success");
			})
			.catch((error: unknown) => {
				if (error instanceof DOMException && error.name === "AbortError") notify("Upload cancelled", "info");
				else notify(`${file.name}: ${describeError(error)}`);
			})
			.finally(() => setUpload(null));
	};

	return (
		<section className="dialog-section" aria-labelledby="attachments-heading">
			<h3 id="attachments-heading">Attachments</h3>
			{!detail.loading && detail.attachments.length === 0 && !upload && <p className="muted">No files attached.</p>}
			<ul className="attachments">
				{detail.attachments.map((a) => (
					<AttachmentItem key={a.id} slug={slug} attachment={a} onDelete={canWrite ? () => remove(a) : undefined} />
				))}
			</ul>
			{upload && <UploadProgress upload={upload} />}
			{canWrite && unfinished.length > 0 && (
				<p className="hint">
					Unfinished upload{unfinished.length > 1 ? "s" : ""}: {unfinished.map((u) => u.name).join(", ")}. Choose the
					same file again to resume where it stopped.
				</p>
			)}
			{canWrite && (
				<>
					<input
						ref={input}
						id={`attachment-input-${cardId}`}
						data-testid="attachment-input"
						type="file"
						className="visually-hidden"
						disabled={upload !== null}
						onChange={onChoose}
					/>
					<label
						htmlFor={`attachment-input-${cardId}`}
						className={`button button-secondary${upload ? " disabled" : ""}`}
					>
						Attach a file
					</label>
				</>
			)}
		</section>
	);
}

/**
 * Bytes going up, then — once the last one has left — "Finishing…" until the server answers:
 * it still has to store the file (or assemble the parts), and cancelling is no longer offered.
 */
function UploadProgress({ upload }: { upload: Upload }) {
	const finishing = upload.sent >= upload.total;
	return (
		<div className="upload" data-testid="upload-progress" data-state={finishing ? "finishing" : "sending"}>
			<span className="upload-name">{upload.name}</span>
			<ProgressBar value={upload.sent} total={upload.total} label={`Uploading ${upload.name}`} />
			{finishing ? (
				<span className="upload-finishing" role="status">
					<span className="spinner" aria-hidden="true" />
					Finishing…
				</span>
			) : (
				<button type="button" className="button button-secondary" onClick={() => upload.handle.cancel()}>
					Cancel
				</button>
			)}
		</div>
	);
}

function AttachmentItem(props: { slug: string; attachment: Attachment; onDelete?: () => void }) {
	const { slug, attachment, onDelete } = props;
	const href = paths.attachment(slug, attachment.id);
	const isImage = attachment.contentType.startsWith("image/");
	return (
		<li className="attachment">
			{isImage ? (
				<img className="attachment-thumb" src={href} alt="" loading="lazy" />
			) : (
				<span className="attachment-icon" aria-hidden="true">
					{extension(attachment.name)}
				</span>
			)}
			<a href={href} data-testid="attachment-link" download={attachment.name} className="attachment-name">
				{attachment.name}
			</a>
			<span className="muted small">{formatBytes(attachment.size)}</span>
			{onDelete && (
				<button
					type="button"
					className="link-button"
					data-testid="attachment-delete"
					aria-label={`Delete ${attachment.name}`}
					onClick={onDelete}
				>
					Delete
				</button>
			)}
		</li>
	);
}

function extension(name: string): string {
	const dot = name.lastIndexOf(".");
	return dot > 0 ? name.slice(dot + 1, dot + 5).toUpperCase() : "FILE";
}
