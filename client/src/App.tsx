// The app shell: picks a page from the current pathname.
import { AdminPage } from "./pages/Admin";
import { BoardPage } from "./pages/Board";
import { BoardsPage } from "./pages/Boards";
import { LandingPage } from "./pages/Landing";
import { NotFoundPage } from "./pages/NotFound";
import { matchRoute, usePathname } from "./router";
import { TenantGate } from "./tenant-session";
import { ToastProvider } from "./toasts";

export function App() {
	const route = matchRoute(usePathname());
	return <ToastProvider>{renderRoute(route)}</ToastProvider>;
}

function renderRoute(route: ReturnType<typeof matchRoute>) {
	switch (route.name) {
		case "landing":
			return <LandingPage />;
		case "admin":
			return <AdminPage />;
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
		case "not-found":
			return <NotFoundPage />;
	}
}
