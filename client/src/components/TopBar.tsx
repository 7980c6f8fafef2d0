// The top bar of a tenant's pages: brand, workspace, whatever the page adds (presence), and the user menu.
import { type ReactNode, useEffect, useRef, useState } from "react";
import { canManage } from "../../../shared/roles";
import { accountHref, settingsHref, tenantHref } from "../router";
import { useSession } from "../tenant-session";
import { BillingMenuItem } from "./billing/BillingLink";
import { Brand } from "./Feedback";
import { Link } from "./Link";
import { Avatar } from "./Presence";
import { SearchBox } from "./SearchBox";

export function TopBar({ children }: { children?: ReactNode }) {
	const { slug, me } = useSession();
	return (
		<header className="topbar">
			<Link href={tenantHref(slug)} className="topbar-home" aria-label={`Boardroom: ${me.tenant.name} boards`}>
				<Brand />
			</Link>
			<span className="topbar-divider" aria-hidden="true" />
			<span className="topbar-tenant">{me.tenant.name}</span>
			<span className={`badge plan-badge plan-${me.tenant.plan}`}>{me.tenant.plan}</span>
			<div className="topbar-spacer" />
			<SearchBox slug={slug} />
			{children}
			<UserMenu />
		</header>
	);
}

function UserMenu() {
	const { slug, me, signOut } = useSession();
	const [open, setOpen] = useState(false);
	const root = useRef<HTMLDivElement>(null);
	useEffect(() => {
		if (!open) return;
		// Close on a click elsewhere or Escape, like a native menu.
		const onPointer = (e: PointerEvent) => {
			if (!root.current?.contains(e.target as Node)) setOpen(false);
		};
		const onKey = (e: KeyboardEvent) => {
			if (e.key === "Escape") setOpen(false);
		};
		document.addEventListener("pointerdown", onPointer);
		document.addEventListener("keydown", onKey);
		return () => {
			document.removeEventListener("pointerdown", onPointer);
			document.removeEventListener("keydown", onKey);
		};
	}, [open]);
	return (
		<div className="user-menu" ref={root}>
			<button
				type="button"
				className="user-menu-button"
				aria-haspopup="menu"
				aria-expanded={open}
				aria-label={`Account: ${me.user.name}`}
				data-testid="user-menu"
				onClick={() => setOpen((o) => !o)}
			>
				<Avatar userId={me.user.id} name={me.user.name} />
			</button>
			{open && (
				<div className="menu" role="menu">
					<div className="menu-header">
						<strong>{me.user.name}</strong>
						<span className="muted">{me.user.email}</span>
						<span className="badge">{me.user.role}</span>
					</div>
					<Link
						href={accountHref(slug)}
						role="menuitem"
						className="menu-item"
						data-testid="account-link"
						onClick={() => setOpen(false)}
					>
						Your account
					</Link>
					{canManage(me.user.role) && (
						<Link
							href={settingsHref(slug)}
							role="menuitem"
							className="menu-item"
							data-testid="settings-link"
							onClick={() => setOpen(false)}
						>
							Workspace settings
						</Link>
					)}
					<BillingMenuItem />
					<button
						type="button"
						role="menuitem"
						className="menu-item"
						data-testid="sign-out"
						onClick={() => void signOut()}
					>
						Sign out
					</button>
				</div>
			)}
		</div>
	);
}
