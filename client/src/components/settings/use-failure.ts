// What a settings action does when it fails: a lost session shows the sign-in form, anything else
// is said in a toast in the server's own words.
import { useCallback } from "react";
import { ApiError, describeError } from "../../api";
import { useSession } from "../../tenant-session";
import { useToast } from "../../toasts";

export function useFailure(): (error: unknown) => void {
	const { expire } = useSession();
	const notify = useToast();
	return useCallback(
		(error: unknown) => {
			if (error instanceof ApiError && error.status === 401) expire();
			else notify(describeError(error));
		},
		[expire, notify],
	);
}
