// The operator console: behind the admin token, a table of tenants and the selected tenant's detail.
import { type FormEvent, useState } from "react";
import type { Tenant } from "../../../shared/api";
import { readAdminToken, saveAdminToken } from "../admin-api";
import { ConsoleTabs } from "../components/admin/ConsoleTabs";
import { CreateTenantForm } from "../components/admin/CreateTenantForm";
import { TenantDetail } from "../components/admin/TenantDetail";
import { TenantTable } from "../components/admin/TenantTable";
import { Brand } from "../components/Feedback";
import { Link } from "../components/Link";

export function AdminPage() {
	const [token, setToken] = useState(readAdminToken);
	const [selected, setSelected] = useState<string | null>(null);
	// Bumped to make the table reload after a create, update or delete.
	const [revision, setRevision] = useState(0);
	const changed = () => setRevision((r) => r + 1);
	const signOut = () => {
		saveAdminToken(null);
		setToken(null);
	};
	if (!token) return <TokenPrompt onToken={setToken} />;
	return (
		<div className="app">
			<header className="topbar">
				<Link href="/" className="topbar-home" aria-label="Boardroom home">
					<Brand />
				</Link>
				<span className="topbar-divider" aria-hidden="true" />
				<span className="topbar-tenant">Operator console</span>
				<div className="topbar-spacer" />
				<button type="button" className="button button-ghost" onClick={signOut}>
					Forget token
				</button>
			</header>
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
					<TenantTable revision={revision} selected={selected} onSelect={setSelected} onUnauthorized={signOut} />
				</div>
				{selected && (
					<TenantDetail
						key={`${selected}:${revision}`}
						slug={selected}
						onChanged={changed}
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

export function TokenPrompt({ onToken }: { onToken: (token: string) => void }) {
	const [value, setValue] = useState("");
	const submit = (event: FormEvent) => {
		event.preventDefault();
		const token = value.trim();
		if (!token) return;
		saveAdminToken(token);
		onToken(token);
	};
	return (
		<div className="full-page">
			<form className="panel signin" onSubmit={submit}>
				<Brand />
				<h1>Operator console</h1>
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
					onChange={(e) => setValue(e.target.value)}
				/>
				<button type="submit" className="button button-primary button-block" data-testid="admin-token-submit">
					Continue
				</button>
			</form>
		</div>
	);
}
