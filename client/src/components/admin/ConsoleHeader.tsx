// The operator console's top bar: home, the API reference, and forgetting the admin token.
import { Link } from "../Link";
import { SiteHeader } from "../SiteHeader";

export function ConsoleHeader({ onForget }: { onForget: () => void }) {
	return (
		<SiteHeader label="Operator console">
			<Link href="/docs" className="button button-ghost">
				API reference
			</Link>
			<button type="button" className="button button-ghost" onClick={onForget}>
				Forget token
			</button>
		</SiteHeader>
	);
}
