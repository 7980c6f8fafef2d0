// The signed-in member's own account, for everyone: their name, their password, and signing out
// here or everywhere.
import "../settings.css";
import { PasswordForm } from "../components/account/PasswordForm";
import { ProfileForm } from "../components/account/ProfileForm";
import { SignOutPanel } from "../components/account/SignOutPanel";
import { Link } from "../components/Link";
import { Panel } from "../components/settings/Panel";
import { TopBar } from "../components/TopBar";
import { tenantHref } from "../router";
import { useSession } from "../tenant-session";

export function AccountPage() {
	const { slug, me } = useSession();
	return (
		<div className="app">
			<TopBar />
			<main className="page settings-page account-page">
				<div className="page-header">
					<div>
						<Link href={tenantHref(slug)} className="back-link">
							← Boards
						</Link>
						<h1>Your account</h1>
						<p className="muted">How you appear in {me.tenant.name}, and how you sign in.</p>
					</div>
				</div>
				<div className="settings-content">
					<Panel title="Profile" description="Your name is what others see on boards and comments.">
						<ProfileForm />
					</Panel>
					<Panel title="Password" description="Changing it signs you out on every other device.">
						<PasswordForm />
					</Panel>
					<Panel title="Sessions">
						<SignOutPanel />
					</Panel>
				</div>
			</main>
		</div>
	);
}
