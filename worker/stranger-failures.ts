// Sign-in failures for slugs with no tenant, kept per isolate: the Worker has nowhere durable to
// write them (there is no tenant), and they only need to make guessing at a workspace that does
// not exist as slow as guessing at one that does.
import { type FailureLog, memoryFailureLog } from "../objects/domain/sign-in-throttle";

const strangerFailures = memoryFailureLog();

/** The isolate's log, as one slug sees it: guesses at one unknown tenant never throttle another. */
export function strangerFailuresOf(slug: string): FailureLog {
	const key = (email: string) => `${slug}\n${email}`;
	return {
		read: (email, client, nowMs) => strangerFailures.read(key(email), client, nowMs),
		write: (email, client, failures) => strangerFailures.write(key(email), client, failures),
		clear: (email, client) => strangerFailures.clear(key(email), client),
	};
}
