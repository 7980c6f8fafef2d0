// The top bar of the pages outside a workspace (the operator console, the API reference): home,
// what this part of the site is, and whatever the page puts at the right.
import type { ReactNode } from "react";
import { Brand } from "./Feedback";
import { Link } from "./Link";

export function SiteHeader({ label, children }: { label: string; children?: ReactNode }) {
	return (
		<header className="topbar">
			<Link href="/" className="topbar-home" aria-label="Boardroom home">
				<Brand />
			</Link>
			<span className="topbar-divider" aria-hidden="true" />
			<span className="topbar-tenant">{label}</span>
			<div className="topbar-spacer" />
			{children}
		</header>
	);
}
