// The front door: what Boardroom is, and a way into your workspace.
import { type FormEvent, useState } from "react";
import { slugSchema } from "../../../shared/tenant";
import { Brand } from "../components/Feedback";
import { Link } from "../components/Link";
import { navigate } from "../router";

export function LandingPage() {
	const [slug, setSlug] = useState("");
	const [error, setError] = useState<string | null>(null);
	const submit = (event: FormEvent) => {
		event.preventDefault();
		const parsed = slugSchema.safeParse(slug.trim().toLowerCase());
		if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "That is not a workspace name.");
		navigate(`/t/${encodeURIComponent(parsed.data)}`);
	};
	return (
		<div className="landing">
			<header className="landing-header">
				<Brand />
				<Link href="/admin" className="button button-ghost">
					Operator console
				</Link>
			</header>
			<main className="landing-main">
				<h1>Plan the work. Watch it move.</h1>
				<p className="lead">
					Boardroom gives every team a workspace of shared boards — lists, cards, comments and files — that update live
					for everyone on them, and keep working when the connection doesn't.
				</p>
				<form className="panel workspace-form" onSubmit={submit} noValidate>
					<label htmlFor="workspace">Go to your workspace</label>
					<div className="input-row">
						<span className="input-prefix">/t/</span>
						<input
							id="workspace"
							name="workspace"
							placeholder="acme"
							autoComplete="organization"
							value={slug}
							aria-invalid={error !== null}
							aria-describedby={error ? "workspace-error" : undefined}
							onChange={(e) => {
								setSlug(e.target.value);
								setError(null);
							}}
						/>
						<button type="submit" className="button button-primary">
							Continue
						</button>
					</div>
					{error && (
						<p id="workspace-error" className="field-error">
							{error}
						</p>
					)}
				</form>
				<ul className="feature-list">
					<li>
						<strong>Live together.</strong> See who is on a board and which card they are reading.
					</li>
					<li>
						<strong>Offline-proof.</strong> Changes queue while you are away and sync when you return.
					</li>
					<li>
						<strong>Isolated by design.</strong> Every workspace runs in its own database at the edge.
					</li>
				</ul>
			</main>
		</div>
	);
}
