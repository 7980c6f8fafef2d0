// The operator's operations view: schema rollouts across the fleet, and the audit log of every
// operator action. Behind the same admin token as the tenant list.
import { useState } from "react";
import { AuditLog } from "../components/admin/AuditLog";
import { RolloutPanel } from "../components/admin/RolloutPanel";
import { ConsolePage } from "./ConsolePage";

export function AdminOperationsPage() {
	// Bumped when a rollout starts, so the log shows it.
	const [revision, setRevision] = useState(0);
	return (
		<ConsolePage
			view="operations"
			className="operations-page"
			title="Operations"
			lead="Schema rollouts across every tenant, and who did what."
		>
			{() => (
				<>
					<RolloutPanel onStarted={() => setRevision((r) => r + 1)} />
					<AuditLog key={revision} />
				</>
			)}
		</ConsolePage>
	);
}
