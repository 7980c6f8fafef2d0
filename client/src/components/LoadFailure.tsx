// Catches a page that failed to load or render, instead of leaving a blank screen. With pages in
// their own chunks, the usual cause is a deploy since this tab opened: the old chunk names are gone,
// and a reload fetches the new ones.
import { Component, type ReactNode } from "react";
import { FullPageMessage } from "./Feedback";

export class LoadFailure extends Component<{ children: ReactNode }, { failed: boolean }> {
	override state = { failed: false };

	static getDerivedStateFromError(): { failed: boolean } {
		return { failed: true };
	}

	override render() {
		if (!this.state.failed) return this.props.children;
		return (
			<FullPageMessage title="This page did not load">
				Boardroom may have been updated since this tab opened.{" "}
				<button type="button" className="link-button" onClick={() => location.reload()}>
					Reload the page
				</button>{" "}
				to get the current version.
			</FullPageMessage>
		);
	}
}
