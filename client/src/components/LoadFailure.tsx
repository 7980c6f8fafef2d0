// Catches a page that failed to load or render, instead of leaving a blank screen. With pages in
// their own chunks, the usual cause is a deploy since this tab opened: the old chunk names are gone,
// and a reload fetches the new ones.
import { Component, type ReactNode } from "react";
import { FullPageMessage } from "./Feedback";

interface LoadFailureProps {
	/** Going to another address tries again (without remounting the pages below on every move). */
	pathname: string;
	children: ReactNode;
}

interface LoadFailureState {
	failed: boolean;
	pathname: string;
}

export class LoadFailure extends Component<LoadFailureProps, LoadFailureState> {
	override state: LoadFailureState = { failed: false, pathname: this.props.pathname };

	static getDerivedStateFromProps(props: LoadFailureProps, state: LoadFailureState): LoadFailureState | null {
		return props.pathname === state.pathname ? null : { failed: false, pathname: props.pathname };
	}

	static getDerivedStateFromError(): Partial<LoadFailureState> {
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
