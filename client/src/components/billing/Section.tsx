// A titled panel of a billing page, with room for its own actions (exports) beside the title.
import { type ReactNode, useId } from "react";

export function Section(props: {
	title: string;
	level: 2 | 3;
	busy?: boolean;
	actions?: ReactNode;
	children: ReactNode;
}) {
	const { title, level, busy = false, actions, children } = props;
	const id = useId();
	const Heading = level === 2 ? "h2" : "h3";
	return (
		<section className="panel billing-section" aria-labelledby={id} aria-busy={busy}>
			<div className="billing-section-head">
				<Heading id={id} className="billing-section-title">
					{title}
				</Heading>
				{actions}
			</div>
			{children}
		</section>
	);
}
