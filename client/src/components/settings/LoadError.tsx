// A list that could not be loaded: what went wrong, and a way to try again.
import { describeError } from "../../api";

export function LoadError({ error, what, onRetry }: { error: unknown; what: string; onRetry: () => void }) {
	return (
		<div className="settings-load-error" role="alert">
			<p>
				Couldn't load {what}: {describeError(error)}
			</p>
			<button type="button" className="button button-secondary" onClick={onRetry}>
				Try again
			</button>
		</div>
	);
}
