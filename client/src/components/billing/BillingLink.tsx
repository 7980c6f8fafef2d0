// The way to a tenant's usage and billing page, offered only to those the server lets in.
import { canManage } from "../../../../shared/roles";
import { useSession } from "../../tenant-session";
import { Link } from "../Link";

export function billingPath(slug: string): string {
	return `/t/${encodeURIComponent(slug)}/billing`;
}

/** A menu item for the account menu; nothing at all for members and viewers. */
export function BillingMenuItem() {
	const { slug, me } = useSession();
	if (!canManage(me.user.role)) return null;
	return (
		<Link href={billingPath(slug)} role="menuitem" className="menu-item" data-testid="billing-link">
			Usage &amp; billing
		</Link>
	);
}
