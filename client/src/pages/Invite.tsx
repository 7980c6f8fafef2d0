// Joining a workspace through an invite link: who invited whom, to what, as what; then the
// invitee chooses a name and password and lands on the workspace's boards, signed in.
import "../settings.css";
import { type FormEvent, useState } from "react";
import type { InvitePreview } from "../../../shared/self-service";
import { ApiError, describeError } from "../api";
import { Brand, FullPageMessage, Spinner } from "../components/Feedback";
import { Link } from "../components/Link";
import { navigate, tenantHref, workspaceAddress } from "../router";
import { ROLE_HINTS, selfService } from "../self-service-api";
import { useResource } from "../use-resource";

const MIN_LENGTH = 8;

export function InvitePage({ slug, token }: { slug: string; token: string }) {
	const invite = useResource(`invite:${slug}:${token}`, (signal) => selfService.previewInvite(slug, token, signal));
	if (invite.data) return <JoinForm slug={slug} token={token} invite={invite.data} />;
	if (invite.error) return <InviteProblem slug={slug} error={invite.error} />;
	return <Spinner label="Opening your invite…" fullPage />;
}

function JoinForm({ slug, token, invite }: { slug: string; token: string; invite: InvitePreview }) {
	const [name, setName] = useState("");
	const [password, setPassword] = useState("");
	const [busy, setBusy] = useState(false);
	const [error, setError] = useState<ApiError | null>(null);

	const submit = async (event: FormEvent) => {
		event.preventDefault();
		if (password.length < MIN_LENGTH)
			return setError(new ApiError(422, "validation_failed", `A password has at least ${MIN_LENGTH} characters.`));
		setBusy(true);
		setError(null);
		try {
			// The answer sets the session cookie: the workspace's pages open signed in.
			await selfService.acceptInvite(slug, token, name, password);
			navigate(tenantHref(slug), { replace: true });
		} catch (err) {
			setError(err instanceof ApiError ? err : new ApiError(0, "internal", describeError(err)));
			setBusy(false);
		}
	};

	// An invite that stopped working while the form was open is said plainly, with the way on.
	if (error && error.status === 410) return <InviteProblem slug={slug} error={error} />;
	const article = invite.role === "admin" || invite.role === "owner" ? "an" : "a";
	return (
		<div className="full-page">
			<form className="panel signin invite-panel" onSubmit={submit} aria-labelledby="invite-heading">
				<Brand />
				<h1 id="invite-heading">Join {invite.workspace.name}</h1>
				<p className="muted" data-testid="invite-summary">
					{invite.invitedBy} invited you to join as {article} <strong>{invite.role}</strong>: {ROLE_HINTS[invite.role]}.
				</p>
				<p className="muted small">Workspace address: {workspaceAddress(slug)}</p>
				<label htmlFor="invite-email">Email</label>
				<input id="invite-email" type="email" readOnly autoComplete="username" value={invite.email} />
				<label htmlFor="invite-name">Your name</label>
				<input
					id="invite-name"
					required
					maxLength={100}
					autoComplete="name"
					value={name}
					data-testid="invite-name"
					onChange={(e) => setName(e.target.value)}
				/>
				<label htmlFor="invite-password">Choose a password</label>
				<input
					id="invite-password"
					type="password"
					required
					minLength={MIN_LENGTH}
					autoComplete="new-password"
					value={password}
					data-testid="invite-password"
					aria-describedby={error ? "invite-error" : "invite-password-hint"}
					onChange={(e) => setPassword(e.target.value)}
				/>
				<span id="invite-password-hint" className="small muted">
					At least {MIN_LENGTH} characters.
				</span>
				{error && (
					<p id="invite-error" className="field-error" role="alert">
						{error.message}
					</p>
				)}
				<button
					type="submit"
					className="button button-primary button-block"
					disabled={busy}
					data-testid="invite-accept"
				>
					{busy ? "Joining…" : `Join ${invite.workspace.name}`}
				</button>
				<p className="small muted invite-expiry">
					This invite works once and expires on{" "}
					{new Date(invite.expiresAt).toLocaleDateString(undefined, { dateStyle: "medium" })}.
				</p>
			</form>
		</div>
	);
}

/** Why a link does not work, and what to do instead. */
function InviteProblem({ slug, error }: { slug: string; error: unknown }) {
	const code = error instanceof ApiError ? error.code : "";
	if (code === "invite_used")
		return (
			<FullPageMessage title="This invite has been used">
				Someone has joined with this link already. If it was you, <Link href={tenantHref(slug)}>sign in</Link>.
				Otherwise, ask whoever invited you for a new link.
			</FullPageMessage>
		);
	if (code === "invite_expired")
		return (
			<FullPageMessage title="This invite has expired">
				Invite links work for 7 days. Ask whoever invited you for a new one.
			</FullPageMessage>
		);
	if (code === "invite_revoked")
		return (
			<FullPageMessage title="This invite was withdrawn">
				The invite was withdrawn or replaced by a newer one. Ask whoever invited you for a new link.
			</FullPageMessage>
		);
	if (code === "tenant_suspended")
		return (
			<FullPageMessage title="This workspace is suspended">
				Nobody can join the workspace at <strong>{workspaceAddress(slug)}</strong> while it is suspended.
			</FullPageMessage>
		);
	if (error instanceof ApiError && (error.status === 404 || error.code === "invalid_slug"))
		return (
			<FullPageMessage title="This invite link doesn't work">
				Check that you copied the whole link, or ask whoever invited you for a new one.
			</FullPageMessage>
		);
	return <FullPageMessage title="Couldn't open this invite">{describeError(error)}</FullPageMessage>;
}
