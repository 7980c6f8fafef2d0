// Add a member to a tenant, with the role that decides what they may do.
import { type FormEvent, useState } from "react";
import { createMemberSchema } from "../../../../shared/api";
import { type Role, roleSchema } from "../../../../shared/tenant";
import { adminApi } from "../../admin-api";
import { describeError } from "../../api";
import { useToast } from "../../toasts";

export function AddMemberForm({ slug, onAdded }: { slug: string; onAdded: () => void }) {
	const [email, setEmail] = useState("");
	const [name, setName] = useState("");
	const [password, setPassword] = useState("");
	const [role, setRole] = useState<Role>("member");
	const [error, setError] = useState<string | null>(null);
	const notify = useToast();

	const submit = async (event: FormEvent) => {
		event.preventDefault();
		const parsed = createMemberSchema.safeParse({ email, name: name.trim() || undefined, password, role });
		if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "Check the fields.");
		try {
			const member = await adminApi.addMember(slug, parsed.data);
			notify(`Added ${member.email}`, "success");
			setEmail("");
			setName("");
			setPassword("");
			setError(null);
			onAdded();
		} catch (err) {
			setError(describeError(err));
		}
	};
	return (
		<form className="form-grid" onSubmit={submit} aria-label="Add a member">
			<div className="field">
				<label htmlFor="member-email">Email</label>
				<input id="member-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} required />
			</div>
			<div className="field">
				<label htmlFor="member-name">Name</label>
				<input id="member-name" value={name} onChange={(e) => setName(e.target.value)} />
			</div>
			<div className="field">
				<label htmlFor="member-password">Password</label>
				<input
					id="member-password"
					type="password"
					autoComplete="new-password"
					value={password}
					onChange={(e) => setPassword(e.target.value)}
					required
				/>
			</div>
			<div className="field">
				<label htmlFor="member-role">Role</label>
				<select id="member-role" value={role} onChange={(e) => setRole(roleSchema.parse(e.target.value))}>
					{roleSchema.options.map((r) => (
						<option key={r} value={r}>
							{r}
						</option>
					))}
				</select>
			</div>
			<button type="submit" className="button button-primary">
				Add member
			</button>
			{error && (
				<p className="field-error form-grid-full" role="alert">
					{error}
				</p>
			)}
		</form>
	);
}
