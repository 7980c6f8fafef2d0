// The operator console: behind the admin token, a table of tenants and the selected tenant's detail.
import { type FormEvent, useState } from "react";
import type { Tenant } from "../../../shared/api";
import { checkAdminToken, readAdminToken, saveAdminToken } from "../admin-api";
import { ApiError, describeError } from "../api";
import { ConsoleHeader } from "../components/admin/ConsoleHeader";
import { ConsoleTabs } from "../components/admin/ConsoleTabs";
import { CreateTenantForm } from "../components/admin/CreateTenantForm";
import { TenantDetail } from "../components/admin/TenantDetail";
import { TenantTable } from "../components/admin/TenantTable";
import { Brand } from "../components/Feedback";

export function AdminPage() {
	const [token, setToken] = useState(readAdminToken);
	const [selected, setSelected] = useState<string | null>(null);
	// Bumped to make the table (and the detail) reload after a create, update or delete.
	const [revision, setRevision] = useState(0);
	const [listRevision, setListRevision] = useState(0);
	const changed = () => setRevision((r) => r + 1);
	// A tenant restored from an export joins the table; the detail that restored it stays as it is.
	const listed = () => setListRevision((r) => r + 1);
	// Set when the server stops accepting a token it took before (rotated, say), to say why the prompt is back.
	const [notice, setNotice] = useState<string | null>(null);
	const forget = (reason: string | null) => {
		saveAdminToken(null);
		setToken(null);
		setNotice(reason);
	};
	const signOut = () => forget(null);
	if (!token) return <TokenPrompt onToken={setToken} notice={notice} />;
	return (
		<div className="app">
			<ConsoleHeader onForget={signOut} />
			<ConsoleTabs current="tenants" />
			<main className="page admin-page">
				<div className="admin-main">
					<div className="page-header">
						<h1>Tenants</h1>
					</div>
					<CreateTenantForm
						onCreated={(t: Tenant) => {
							changed();
							setSelected(t.slug);
						}}
					/>
					<TenantTable
						revision={revision + listRevision}
						selected={selected}
						onSelect={setSelected}
						onUnauthorized={() => forget("The admin token is no longer accepted. Paste the current one.")}
					/>
				</div>
				{selected && (
					<TenantDetail
						key={`${selected}:${revision}`}
						slug={selected}
						onChanged={changed}
						onListed={listed}
						onDeleted={() => {
							setSelected(null);
							changed();
						}}
						onClose={() => setSelected(null)}
					/>
				)}
			</main>
		</div>
	);
}

export function TokenPrompt({ onToken, notice = null }: { onToken: (token: string) => void; notice?: string | null }) {
	const [value, setValue] = useState("");
	const [error, setError] = useState<string | null>(notice);
	const [busy, setBusy] = useState(false);
	// Checked before it is kept: a wrong token gets a message here, next to what was typed.
	const submit = async (event: FormEvent) => {
		event.preventDefault();
		const token = value.trim();
		if (!token) return setError("Paste the admin token first.");
		setBusy(true);
		setError(null);
		try {
			await checkAdminToken(token);
			saveAdminToken(token);
			onToken(token);
		} catch (err) {
			setError(tokenError(err));
			setBusy(false);
		}
	};
	return (
		<div className="full-page">
			<form className="panel signin" onSubmit={submit} aria-labelledby="admin-heading">
				<Brand />
				<h1 id="admin-heading">Operator console</h1>
				<p className="muted">
					Paste the admin token (locally it is <code>ADMIN_TOKEN</code> in <code>.dev.vars</code>). It is kept only for
					this tab.
				</p>
				<label htmlFor="admin-token">Admin token</label>
				<input
					id="admin-token"
					data-testid="admin-token"
					type="password"
					autoComplete="off"
					value={value}
					aria-invalid={error !== null}
					aria-describedby={error ? "admin-token-error" : undefined}
					onChange={(e) => setValue(e.target.value)}
				/>
				{error && (
					<p id="admin-token-error" className="field-error" role="alert" data-testid="admin-token-error">
						{error}
					</p>
				)}
				<button
					type="submit"
					className="button button-primary button-block"
					data-testid="admin-token-submit"
					disabled={busy}
				>
					{busy ? "Checking…" : "Continue"}
				</button>
			</form>
		</div>
	);
}

function tokenError(error: unknown): string {
	if (error instanceof ApiError && (error.status === 401 || error.status === 403))
		return "That token was not accepted. Check that you copied all of it.";
	return describeError(error);
}
