// The app shell: picks a page from the current pathname.
import { Suspense } from "react";
import { Spinner } from "./components/Feedback";
import { LoadFailure } from "./components/LoadFailure";
import {
	AccountPage,
	AdminBillingPage,
	AdminOperationsPage,
	AdminPage,
	BillingPage,
	DocsPage,
	InvitePage,
	LandingPage,
	SearchPage,
	SettingsPage,
} from "./lazy-pages";
import { BoardPage } from "./pages/Board";
import { BoardsPage } from "./pages/Boards";
import { NotFoundPage } from "./pages/NotFound";
import { matchRoute, usePathname } from "./router";
import { TenantGate } from "./tenant-session";
import { ToastProvider } from "./toasts";

export function App() {
	const pathname = usePathname();
	const route = matchRoute(pathname);
	// Pages other than the boards load on demand (lazy-pages.ts): a spinner while they arrive, and a
	// way out if one cannot.
	return (
		<ToastProvider>
			<LoadFailure pathname={pathname}>
				<Suspense fallback={<Spinner label="Loading…" fullPage />}>{renderRoute(route)}</Suspense>
			</LoadFailure>
		</ToastProvider>
	);
}

function renderRoute(route: ReturnType<typeof matchRoute>) {
	switch (route.name) {
		case "landing":
			return <LandingPage />;
		case "admin":
			return <AdminPage />;
		case "admin-billing":
			return <AdminBillingPage />;
		case "admin-operations":
			return <AdminOperationsPage />;
		case "docs":
			return <DocsPage />;
		case "tenant":
			return (
				<TenantGate key={route.slug} slug={route.slug}>
					<BoardsPage />
				</TenantGate>
			);
		case "board":
			return (
				<TenantGate key={route.slug} slug={route.slug}>
					<BoardPage key={route.boardId} boardId={route.boardId} />
				</TenantGate>
			);
		case "billing":
			return (
				<TenantGate key={route.slug} slug={route.slug}>
					<BillingPage />
				</TenantGate>
			);
		case "search":
			return (
				<TenantGate key={route.slug} slug={route.slug}>
					<SearchPage />
				</TenantGate>
			);
		case "settings":
			return (
				<TenantGate key={route.slug} slug={route.slug}>
					<SettingsPage section={route.section} />
				</TenantGate>
			);
		case "account":
			return (
				<TenantGate key={route.slug} slug={route.slug}>
					<AccountPage />
				</TenantGate>
			);
		case "invite":
			// Outside the gate: whoever holds the link has no account here yet.
			return <InvitePage key={route.token} slug={route.slug} token={route.token} />;
		case "not-found":
			return <NotFoundPage />;
	}
}
