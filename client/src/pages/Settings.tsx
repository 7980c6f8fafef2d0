// A workspace's settings, for its owners and admins (the server refuses everyone else too):
// members and invites, API keys, and the workspace's name, each at its own address.
import "../settings.css";
import { useEffect } from "react";
import { canManage } from "../../../shared/roles";
import { ApiError } from "../api";
import { Skeleton } from "../components/Feedback";
import { Link } from "../components/Link";
import { KeyList, NewKeyForm } from "../components/settings/ApiKeys";
import { InviteForm } from "../components/settings/InviteForm";
import { LoadError } from "../components/settings/LoadError";
import { MemberList } from "../components/settings/MemberList";
import { Panel } from "../components/settings/Panel";
import { PendingInvites } from "../components/settings/PendingInvites";
import { WorkspaceForm } from "../components/settings/WorkspaceForm";
import { TopBar } from "../components/TopBar";
import { type SettingsSection, settingsHref, tenantHref } from "../router";
import { selfService } from "../self-service-api";
import { useSession } from "../tenant-session";
import { type Resource, useResource } from "../use-resource";

const SECTION_LABELS: Record<SettingsSection, string> = {
	members: "Members",
	"api-keys": "API keys",
	workspace: "Workspace",
};

export function SettingsPage({ section }: { section: SettingsSection }) {
	const { slug, me } = useSession();
	return (
		<div className="app">
			<TopBar />
			<main className="page settings-page">
				<div className="page-header">
					<div>
						<Link href={tenantHref(slug)} className="back-link">
							← Boards
						</Link>
						<h1>Workspace settings</h1>
						<p className="muted">Who can use {me.tenant.name}, and how.</p>
					</div>
				</div>
				{canManage(me.user.role) ? (
					<div className="settings-layout">
						<SectionTabs slug={slug} current={section} />
						<div className="settings-content">
							{section === "members" && <MembersSection />}
							{section === "api-keys" && <ApiKeysSection />}
							{section === "workspace" && (
								<Panel title="Workspace" description="How this workspace is named and reached.">
									<WorkspaceForm />
								</Panel>
							)}
						</div>
					</div>
				) : (
					<div className="panel settings-refused" data-testid="settings-forbidden">
						<h2>Only owners and admins manage the workspace</h2>
						<p className="muted">
							You are signed in as a {me.user.role}. Ask an owner of {me.tenant.name} to invite people or change roles.
						</p>
						<Link href={tenantHref(slug)} className="button button-secondary">
							Back to boards
						</Link>
					</div>
				)}
			</main>
		</div>
	);
}

function SectionTabs({ slug, current }: { slug: string; current: SettingsSection }) {
	return (
		<nav className="settings-tabs" aria-label="Settings">
			{(Object.keys(SECTION_LABELS) as SettingsSection[]).map((section) => (
				<Link
					key={section}
					href={settingsHref(slug, section)}
					className="settings-tab"
					aria-current={section === current ? "page" : undefined}
					data-testid={`settings-tab-${section}`}
				>
					{SECTION_LABELS[section]}
				</Link>
			))}
		</nav>
	);
}

function MembersSection() {
	const { slug } = useSession();
	const members = useResource(`members:${slug}`, (signal) => selfService.members(slug, signal));
	const invites = useResource(`invites:${slug}`, (signal) => selfService.invites(slug, signal));
	useExpireOn401(members, invites);
	const count = members.data?.length;
	return (
		<>
			<Panel
				title="Invite someone"
				description="They get a link that works once, for 7 days, and choose their own name and password."
			>
				<InviteForm onInvited={invites.reload} />
			</Panel>
			<Panel title={count === undefined ? "Members" : `Members (${count})`} testId="members-panel">
				{members.data ? (
					<MemberList members={members.data} onChanged={members.reload} />
				) : members.error ? (
					<LoadError error={members.error} what="the members" onRetry={members.reload} />
				) : (
					<ListSkeleton />
				)}
			</Panel>
			<Panel title="Pending invites" description="Withdraw an invite and its link stops working at once.">
				{invites.data ? (
					<PendingInvites invites={invites.data} onChanged={invites.reload} />
				) : invites.error ? (
					<LoadError error={invites.error} what="the invites" onRetry={invites.reload} />
				) : (
					<ListSkeleton />
				)}
			</Panel>
		</>
	);
}

function ApiKeysSection() {
	const { slug } = useSession();
	const keys = useResource(`api-keys:${slug}`, (signal) => selfService.apiKeys(slug, signal));
	useExpireOn401(keys);
	return (
		<>
			<Panel
				title="Create an API key"
				description="A key lets a script or an integration use this workspace's API with the role you give it."
			>
				<NewKeyForm onCreated={keys.reload} />
			</Panel>
			<Panel title="API keys" description="Revoke a key and it stops working at once." testId="api-keys-panel">
				{keys.data ? (
					<KeyList keys={keys.data} onChanged={keys.reload} />
				) : keys.error ? (
					<LoadError error={keys.error} what="the API keys" onRetry={keys.reload} />
				) : (
					<ListSkeleton />
				)}
			</Panel>
		</>
	);
}

/** A lost session while loading shows the sign-in form, as every other page does. */
function useExpireOn401(...resources: Resource<unknown>[]) {
	const { expire } = useSession();
	const lost = resources.some((r) => r.error instanceof ApiError && r.error.status === 401);
	useEffect(() => {
		if (lost) expire();
	}, [lost, expire]);
}

function ListSkeleton() {
	return (
		<div className="settings-list" aria-busy="true">
			<span className="visually-hidden">Loading…</span>
			{[1, 2, 3].map((n) => (
				<div key={n} className="settings-row">
					<Skeleton width="40%" height={16} />
				</div>
			))}
		</div>
	);
}
