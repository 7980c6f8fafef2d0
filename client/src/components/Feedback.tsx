// Loading, empty and error states shared by every page.
import type { ReactNode } from "react";
import { Link } from "./Link";

export function Spinner({ label, fullPage = false }: { label: string; fullPage?: boolean }) {
	const spinner = (
		<div className="spinner-row" role="status">
			<span className="spinner" aria-hidden="true" />
			<span>{label}</span>
		</div>
	);
	return fullPage ? <div className="full-page">{spinner}</div> : spinner;
}

export function FullPageMessage({ title, children }: { title: string; children: ReactNode }) {
	return (
		<div className="full-page">
			<div className="panel message-panel">
				<Brand />
				<h1>{title}</h1>
				<p className="muted">{children}</p>
				<Link href="/" className="button button-secondary">
					Back to Boardroom
				</Link>
			</div>
		</div>
	);
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
	return (
		<div className="empty-state">
			<p className="empty-title">{title}</p>
			{children && <p className="muted">{children}</p>}
		</div>
	);
}

/** Grey placeholder blocks shaped like what is loading, so the layout does not jump. */
export function Skeleton({ width = "100%", height = 16 }: { width?: string | number; height?: number }) {
	return <span className="skeleton" style={{ width, height }} aria-hidden="true" />;
}

export function Brand() {
	return (
		<span className="brand">
			<svg viewBox="0 0 32 32" width="24" height="24" aria-hidden="true">
				<rect width="32" height="32" rx="8" fill="var(--accent)" />
				<rect x="7" y="8" width="5" height="16" rx="1.5" fill="white" />
				<rect x="14" y="8" width="5" height="11" rx="1.5" fill="white" />
				<rect x="21" y="8" width="5" height="7" rx="1.5" fill="white" />
			</svg>
			<span>Boardroom</span>
		</span>
	);
}
