// The frame of the operator console's views other than the tenant list: the token prompt until a
// token is kept, then the top bar, the view tabs and the page's heading. The view gets a way to
// forget the token (when the server stops accepting it).
import type { ReactNode } from "react";
import { useState } from "react";
import { readAdminToken, saveAdminToken } from "../admin-api";
import { ConsoleHeader } from "../components/admin/ConsoleHeader";
import { ConsoleTabs } from "../components/admin/ConsoleTabs";
import { TokenPrompt } from "./Admin";

export function ConsolePage(props: {
	view: "billing" | "operations";
	className: string;
	title: string;
	lead: string;
	/** Controls beside the heading (the billing view's plan filter). */
	actions?: ReactNode;
	children: (forget: () => void) => ReactNode;
}) {
	const [token, setToken] = useState(readAdminToken);
	const forget = () => {
		saveAdminToken(null);
		setToken(null);
	};
	if (!token) return <TokenPrompt onToken={setToken} />;
	return (
		<div className="app">
			<ConsoleHeader onForget={forget} />
			<ConsoleTabs current={props.view} />
			<main className={`page ${props.className}`}>
				<div className="page-header">
					<div>
						<h1>{props.title}</h1>
						<p className="muted">{props.lead}</p>
					</div>
					{props.actions}
				</div>
				{props.children(forget)}
			</main>
		</div>
	);
}
