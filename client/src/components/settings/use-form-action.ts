// A settings form's submit: busy while its request runs, the failure said beside the form in the
// server's own words, and a lost session showing the sign-in form instead.
import { type FormEvent, useState } from "react";
import { ApiError, describeError } from "../../api";
import { useSession } from "../../tenant-session";

export function useFormAction() {
	const { expire } = useSession();
	const [busy, setBusy] = useState(false);
	const [error, setError] = useState<string | null>(null);

	/** Runs `action` for a submitted form, with busy and error kept. */
	const run = async (event: FormEvent, action: () => Promise<void>) => {
		event.preventDefault();
		setBusy(true);
		setError(null);
		try {
			await action();
		} catch (err) {
			if (err instanceof ApiError && err.status === 401) expire();
			else setError(describeError(err));
		} finally {
			setBusy(false);
		}
	};

	return { busy, error, setError, run };
}
