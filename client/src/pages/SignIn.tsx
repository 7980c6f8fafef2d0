// Sign-in to one tenant: email and password, answered by a session cookie scoped to that tenant.
import { type FormEvent, useState } from "react";
import { paths } from "../../../shared/paths";
import { ApiError, describeError, request } from "../api";
import { Brand } from "../components/Feedback";
import { Link } from "../components/Link";
import { recallWorkspaceName } from "../offline-cache";
import { workspaceAddress } from "../router";

export function SignInPage({ slug, onSignedIn }: { slug: string; onSignedIn: () => void }) {
	// There is no public way to read a workspace's name before signing in (that would let anyone
	// list who uses Boardroom), so it is shown only if this browser has been signed in to it before.
	const name = recallWorkspaceName(slug);
	const [email, setEmail] = useState("");
	const [password, setPassword] = useState("");
	const [busy, setBusy] = useState(false);
	const [error, setError] = useState<string | null>(null);

	const submit = async (event: FormEvent) => {
		event.preventDefault();
		setBusy(true);
		setError(null);
		try {
			await request(paths.session(slug), { method: "POST", body: { email, password } });
			onSignedIn();
		} catch (err) {
			setError(messageFor(err));
			setBusy(false);
		}
	};

	return (
		<div className="full-page">
			<form className="panel signin" onSubmit={submit} aria-labelledby="signin-heading">
				<Brand />
				<h1 id="signin-heading">{name ? `Sign in to ${name}` : "Sign in"}</h1>
				<p className="muted" data-testid="signin-address">
					Workspace address: <strong>{workspaceAddress(slug)}</strong>
				</p>
				<p className="muted">Use the email and password your workspace administrator gave you.</p>
				<label htmlFor="signin-email">Email</label>
				<input
					id="signin-email"
					data-testid="signin-email"
					type="email"
					autoComplete="username"
					required
					value={email}
					onChange={(e) => setEmail(e.target.value)}
				/>
				<label htmlFor="signin-password">Password</label>
				<input
					id="signin-password"
					data-testid="signin-password"
					type="password"
					autoComplete="current-password"
					required
					value={password}
					onChange={(e) => setPassword(e.target.value)}
				/>
				{error && (
					<p className="field-error" role="alert">
						{error}
					</p>
				)}
				<button
					type="submit"
					className="button button-primary button-block"
					data-testid="signin-submit"
					disabled={busy}
				>
					{busy ? "Signing in…" : "Sign in"}
				</button>
				<Link href="/" className="subtle-link">
					Not your workspace?
				</Link>
			</form>
		</div>
	);
}

function messageFor(error: unknown): string {
	if (error instanceof ApiError && error.code === "unauthenticated") return "That email and password don't match.";
	if (error instanceof ApiError && (error.status === 404 || error.code === "invalid_slug"))
		return "There is no workspace at this address. Check it, or ask whoever invited you for the right link.";
	if (error instanceof ApiError && error.code === "rate_limited")
		return "Too many attempts from here. Wait a little and try again.";
	return describeError(error);
}
