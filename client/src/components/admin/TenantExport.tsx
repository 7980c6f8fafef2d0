// A tenant's export on its detail panel: start one, follow it until the archive is ready, then
// download it or restore it into a new workspace.
import { useEffect, useState } from "react";
import type { TenantExport as ExportStatus } from "../../../../shared/fleet";
import { adminApi } from "../../admin-api";
import { describeError } from "../../api";
import { formatBytes } from "../../format";
import { tenantHref } from "../../router";
import { useToast } from "../../toasts";
import { Link } from "../Link";
import { CreateTenantForm } from "./CreateTenantForm";

const POLL_MS = 1000;

export function TenantExport({ slug, onRestored }: { slug: string; onRestored: () => void }) {
	const [current, setCurrent] = useState<ExportStatus | null>(null);
	const [busy, setBusy] = useState(false);
	const [restored, setRestored] = useState<string | null>(null);
	const notify = useToast();
	const pending = current !== null && (current.status === "queued" || current.status === "running");

	useEffect(() => {
		if (!current || !pending) return;
		const timer = setTimeout(() => {
			adminApi
				.exportStatus(slug, current.id)
				.then(setCurrent)
				.catch((error: unknown) => notify(describeError(error)));
		}, POLL_MS);
		return () => clearTimeout(timer);
	}, [slug, current, pending, notify]);

	const start = async () => {
		setBusy(true);
		try {
			const { id } = await adminApi.startExport(slug);
			setCurrent(await adminApi.exportStatus(slug, id));
		} catch (error) {
			notify(describeError(error));
		} finally {
			setBusy(false);
		}
	};

	const save = async (done: ExportStatus) => {
		try {
			const url = URL.createObjectURL(await adminApi.downloadExport(slug, done.id));
			const link = Object.assign(document.createElement("a"), { href: url, download: `${slug}-${done.id}.jsonl.gz` });
			link.click();
			setTimeout(() => URL.revokeObjectURL(url), 10_000);
		} catch (error) {
			notify(describeError(error));
		}
	};

	return (
		<div className="tenant-export" data-testid="tenant-export">
			<h3>Export</h3>
			<p className="muted small">Every board, card, comment, member and file, as one archive.</p>
			<button type="button" className="button button-secondary" onClick={() => void start()} disabled={busy || pending}>
				{pending ? "Exporting…" : "Export"}
			</button>
			<div role="status" aria-live="polite" data-testid="export-status">
				{pending && <p className="small">Export {current.status === "queued" ? "queued" : "running"}…</p>}
				{current?.status === "failed" && <p className="field-error">The export failed: {current.error}</p>}
				{current?.status === "ready" && (
					<p className="small">
						Ready: {formatBytes(current.bytes ?? 0)}, {current.counts?.cards ?? 0} cards, {current.counts?.files ?? 0}{" "}
						files.
					</p>
				)}
			</div>
			{current?.status === "ready" && (
				<>
					<button type="button" className="button button-secondary" onClick={() => void save(current)}>
						Download archive
					</button>
					<CreateTenantForm
						importFrom={current.id}
						onCreated={(tenant) => {
							setRestored(tenant.slug);
							onRestored();
						}}
					/>
					{restored && (
						<p className="small" role="status">
							Restored: <Link href={tenantHref(restored)}>open {restored}</Link>
						</p>
					)}
				</>
			)}
		</div>
	);
}
