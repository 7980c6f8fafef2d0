// Start a schema rollout and follow it: done, failed and remaining as a progress bar, polled
// until nothing remains, and the tenants that failed every retry with the reason.
import { useEffect, useState } from "react";
import type { Rollout } from "../../../../shared/fleet";
import { adminApi } from "../../admin-api";
import { describeError } from "../../api";
import { formatWhen } from "../../format";
import { useToast } from "../../toasts";
import { ProgressBar } from "../ProgressBar";

const POLL_MS = 1000;
const tenants = (n: number) => `${n} ${n === 1 ? "tenant" : "tenants"}`;

export function RolloutPanel({ onStarted }: { onStarted: () => void }) {
	const [rollout, setRollout] = useState<Rollout | null>(null);
	const [busy, setBusy] = useState(false);
	const notify = useToast();
	const running = rollout !== null && rollout.finishedAt === null;

	// Poll while anything remains; a finished rollout stays on screen as it ended.
	useEffect(() => {
		if (!rollout || !running) return;
		const timer = setTimeout(() => {
			adminApi
				.rollout(rollout.id)
				.then(setRollout)
				.catch((error: unknown) => notify(describeError(error)));
		}, POLL_MS);
		return () => clearTimeout(timer);
	}, [rollout, running, notify]);

	const start = async () => {
		setBusy(true);
		try {
			const { id } = await adminApi.startRollout();
			setRollout(await adminApi.rollout(id));
			onStarted();
		} catch (error) {
			notify(describeError(error));
		} finally {
			setBusy(false);
		}
	};

	return (
		<section className="panel operations-panel" aria-labelledby="rollout-heading" data-testid="rollout-panel">
			<div className="operations-panel-header">
				<h2 id="rollout-heading">Schema rollout</h2>
				<button type="button" className="button button-primary" onClick={() => void start()} disabled={busy || running}>
					{running ? "Rolling out…" : "Start a rollout"}
				</button>
			</div>
			{!rollout ? (
				<p className="muted">Brings every tenant to the current data format now, instead of when each next wakes.</p>
			) : (
				<div className="rollout" aria-live="polite">
					<ProgressBar
						value={rollout.done + rollout.failed + rollout.skipped}
						total={rollout.total}
						label="Rollout progress"
						format={tenants}
					/>
					<dl className="rollout-counts" data-testid="rollout-counts">
						<div>
							<dt>Done</dt>
							<dd data-testid="rollout-done">{rollout.done}</dd>
						</div>
						<div>
							<dt>Failed</dt>
							<dd data-testid="rollout-failed">{rollout.failed}</dd>
						</div>
						<div>
							<dt>Remaining</dt>
							<dd data-testid="rollout-remaining">{rollout.remaining}</dd>
						</div>
					</dl>
					<p className="muted small">
						To data format {rollout.targetVersion} · started {formatWhen(rollout.startedAt)}
						{rollout.finishedAt ? ` · finished ${formatWhen(rollout.finishedAt)}` : ""}. {rollout.note}
					</p>
					{rollout.failures.length > 0 && (
						<ul className="rollout-failures" aria-label="Tenants that failed">
							{rollout.failures.map((f) => (
								<li key={f.slug}>
									<strong>{f.slug}</strong> after {f.attempts} attempts: {f.reason}
								</li>
							))}
						</ul>
					)}
				</div>
			)}
		</section>
	);
}
