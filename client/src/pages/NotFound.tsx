// Any path the router does not know.
import { FullPageMessage } from "../components/Feedback";

export function NotFoundPage() {
	return <FullPageMessage title="Page not found">Nothing lives at this address.</FullPageMessage>;
}
