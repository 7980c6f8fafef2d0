// Pages loaded on demand, each its own chunk: a board's first paint should not wait for the
// operator console, the billing dashboards and their chart library, search results, the landing
// page's slug check (which brings the schema library), the settings, account and invite pages, or
// the API reference.
import { lazy } from "react";

export const LandingPage = lazy(() => import("./pages/Landing").then((m) => ({ default: m.LandingPage })));
export const AdminPage = lazy(() => import("./pages/Admin").then((m) => ({ default: m.AdminPage })));
export const AdminBillingPage = lazy(() =>
	import("./pages/AdminBilling").then((m) => ({ default: m.AdminBillingPage })),
);
export const AdminOperationsPage = lazy(() =>
	import("./pages/AdminOperations").then((m) => ({ default: m.AdminOperationsPage })),
);
export const BillingPage = lazy(() => import("./pages/Billing").then((m) => ({ default: m.BillingPage })));
export const SearchPage = lazy(() => import("./pages/Search").then((m) => ({ default: m.SearchPage })));
export const DocsPage = lazy(() => import("./pages/Docs").then((m) => ({ default: m.DocsPage })));
export const SettingsPage = lazy(() => import("./pages/Settings").then((m) => ({ default: m.SettingsPage })));
export const AccountPage = lazy(() => import("./pages/Account").then((m) => ({ default: m.AccountPage })));
export const InvitePage = lazy(() => import("./pages/Invite").then((m) => ({ default: m.InvitePage })));
