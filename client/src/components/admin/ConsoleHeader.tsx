// The operator console's top bar: home, the API reference, and forgetting the admin token.
import { Brand } from "../Feedback";
import { Link } from "../Link";

export function ConsoleHeader({ onForget }: { onForget: () => void }) {
	return (
		<header className="topbar">
			<Link href="/" className="topbar-home" aria-label="Boardroom home">
				<Brand />
			</Link>
			<span className="topbar-divider" aria-hidden="true" />
			<span className="topbar-tenant">Operator console</span>
			<div className="topbar-spacer" />
			<Link href="/docs" className="button button-ghost">
				API reference
			</Link>
			<button type="button" className="button button-ghost" onClick={onForget}>
				Forget token
			</button>
		</header>
	);
}
