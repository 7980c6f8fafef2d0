// A titled panel of the settings and account pages, with a line that says what it is for.
import { type ReactNode, useId } from "react";

export function Panel(props: { title: string; description?: ReactNode; testId?: string; children: ReactNode }) {
	const { title, description, testId, children } = props;
	const id = useId();
	return (
		<section className="panel settings-panel" aria-labelledby={id} data-testid={testId}>
			<div className="settings-panel-head">
				<h2 id={id}>{title}</h2>
				{description && <p className="muted">{description}</p>}
			</div>
			{children}
		</section>
	);
}
