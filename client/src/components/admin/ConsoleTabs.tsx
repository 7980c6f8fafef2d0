// The operator console's views, as links (each view has its own address, so a reload or a
// shared link lands on the same one).
import "../../billing.css";
import { Link } from "../Link";

const VIEWS = [
	{ id: "tenants", label: "Tenants", href: "/admin" },
	{ id: "billing", label: "Billing", href: "/admin/billing" },
	{ id: "operations", label: "Operations", href: "/admin/operations" },
] as const;

export function ConsoleTabs({ current }: { current: (typeof VIEWS)[number]["id"] }) {
	return (
		<nav className="console-tabs" aria-label="Operator console">
			{VIEWS.map((view) => (
				<Link
					key={view.id}
					href={view.href}
					className="console-tab"
					aria-current={view.id === current ? "page" : undefined}
					data-testid={`console-tab-${view.id}`}
				>
					{view.label}
				</Link>
			))}
		</nav>
	);
}
