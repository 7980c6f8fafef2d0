// The connection state in words: whether changes are live, syncing, or queued offline.
import type { ConnectionKind } from "../use-board-socket";

function describe(kind: ConnectionKind, queued: number): string {
	const changes = `${queued} ${queued === 1 ? "change" : "changes"}`;
	switch (kind) {
		case "live":
			return "Live";
		case "syncing":
			return queued > 0 ? `Syncing ${changes}` : "Syncing…";
		case "reconnecting":
			return queued > 0 ? `Reconnecting… ${changes} queued` : "Reconnecting…";
		case "offline":
			return queued > 0 ? `Offline — ${changes} queued` : "Offline";
	}
}

export function ConnectionBadge({ kind, queued }: { kind: ConnectionKind; queued: number }) {
	return (
		<span
			className={`badge connection connection-${kind}`}
			data-testid="connection-state"
			data-state={kind}
			role="status"
		>
			<span className="dot" aria-hidden="true" />
			{describe(kind, queued)}
		</span>
	);
}
