// The operator's operations view: schema rollouts across the fleet, and the audit log of every
// operator action. Behind the same admin token as the tenant list.
import { useState } from "react";
import { readAdminToken, saveAdminToken } from "../admin-api";
import { AuditLog } from "../components/admin/AuditLog";
import { ConsoleHeader } from "../components/admin/ConsoleHeader";
import { ConsoleTabs } from "../components/admin/ConsoleTabs";
import { RolloutPanel } from "../components/admin/RolloutPanel";
import { TokenPrompt } from "./Admin";

export function AdminOperationsPage() {
	const [token, setToken] = useState(readAdminToken);
	// Bumped when a rollout starts, so the log shows it.
	const [revision, setRevision] = useState(0);
	const forget = () => {
		saveAdminToken(null);
		setToken(null);
	};
	if (!token) return <TokenPrompt onToken={setToken} />;
	return (
		<div className="app">
			<ConsoleHeader onForget={forget} />
			<ConsoleTabs current="operations" />
			<main className="page operations-page">
				<div className="page-header">
					<div>
						<h1>Operations</h1>
						<p className="muted">Schema rollouts across every tenant, and who did what.</p>
					</div>
				</div>
				<RolloutPanel onStarted={() => setRevision((r) => r + 1)} />
				<AuditLog key={revision} />
			</main>
		</div>
	);
}
