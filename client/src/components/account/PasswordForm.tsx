// Changing one's password: the current one first (a borrowed session is not enough), then the new
// one twice. Every other session of the member ends; this one stays signed in.
import { type FormEvent, useState } from "react";
import { selfService } from "../../self-service-api";
import { useSession } from "../../tenant-session";
import { useToast } from "../../toasts";
import { useFormAction } from "../settings/use-form-action";

const MIN_LENGTH = 8;

export function PasswordForm() {
	const { slug, me } = useSession();
	const notify = useToast();
	const [current, setCurrent] = useState("");
	const [next, setNext] = useState("");
	const [again, setAgain] = useState("");
	const { busy, error, setError, run } = useFormAction();

	/** What is wrong with the new password before asking the server, if anything. */
	const problem =
		next.length < MIN_LENGTH
			? `A password has at least ${MIN_LENGTH} characters.`
			: next !== again
				? "The new password and its repetition differ."
				: null;

	const submit = (event: FormEvent) => {
		event.preventDefault();
		if (problem) return setError(problem);
		return run(event, async () => {
			await selfService.changePassword(slug, current, next);
			setCurrent("");
			setNext("");
			setAgain("");
			notify("Your password was changed. You were signed out everywhere else.", "success");
		});
	};

	const describedBy = error ? "password-error" : undefined;
	return (
		<form className="settings-stack" onSubmit={submit} aria-label="Password">
			{/* Lets a password manager file the new password under the right account. */}
			<input type="email" hidden readOnly autoComplete="username" value={me.user.email} />
			<div className="field">
				<label htmlFor="password-current">Current password</label>
				<input
					id="password-current"
					type="password"
					required
					autoComplete="current-password"
					value={current}
					data-testid="password-current"
					aria-describedby={describedBy}
					onChange={(e) => setCurrent(e.target.value)}
				/>
			</div>
			<div className="settings-pair">
				<div className="field">
					<label htmlFor="password-next">New password</label>
					<input
						id="password-next"
						type="password"
						required
						minLength={MIN_LENGTH}
						autoComplete="new-password"
						value={next}
						data-testid="password-next"
						aria-describedby={describedBy ?? "password-hint"}
						onChange={(e) => setNext(e.target.value)}
					/>
					<span id="password-hint" className="small muted">
						At least {MIN_LENGTH} characters.
					</span>
				</div>
				<div className="field">
					<label htmlFor="password-again">New password, again</label>
					<input
						id="password-again"
						type="password"
						required
						autoComplete="new-password"
						value={again}
						data-testid="password-again"
						aria-describedby={describedBy}
						onChange={(e) => setAgain(e.target.value)}
					/>
				</div>
			</div>
			{error && (
				<p id="password-error" className="field-error" role="alert">
					{error}
				</p>
			)}
			<div>
				<button type="submit" className="button button-primary" disabled={busy} data-testid="password-save">
					{busy ? "Changing…" : "Change password"}
				</button>
			</div>
		</form>
	);
}
