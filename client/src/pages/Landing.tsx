// The front door: what Boardroom is, and a way into your workspace.
import { type FormEvent, useState } from "react";
import { paths } from "../../../shared/paths";
import { slugSchema } from "../../../shared/tenant";
import { Brand } from "../components/Feedback";
import { Link } from "../components/Link";
import { navigate, tenantHref } from "../router";

export function LandingPage() {
	const [slug, setSlug] = useState("");
	const [error, setError] = useState<string | null>(null);
	const submit = (event: FormEvent) => {
		event.preventDefault();
		const parsed = slugSchema.safeParse(slug.trim().toLowerCase());
		// The schema's own messages speak of slugs, which is the operator's word, not the user's.
		if (!parsed.success) return setError(addressProblem(slug.trim()));
		navigate(tenantHref(parsed.data));
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
			<footer className="landing-footer">
				<Link href="/docs">API reference</Link>
				<span aria-hidden="true">·</span>
				<a href={paths.openApi()}>OpenAPI 3.1 document</a>
			</footer>
		</div>
	);
}

function addressProblem(value: string): string {
	if (!value) return "Type your workspace's address, the part after /t/ in the link you were given.";
	if (value.length < 3 || value.length > 63) return "A workspace address has 3 to 63 characters.";
	if (!/^[a-z0-9-]+$/i.test(value)) return "A workspace address has only letters, digits and hyphens.";
	return "There is no workspace at that address. Check the link you were given.";
}
