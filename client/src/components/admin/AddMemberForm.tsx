// Add a member to a tenant, with the role that decides what they may do.
import { type FormEvent, useState } from "react";
import { createMemberSchema } from "../../../../shared/api";
import { type Role, roleSchema } from "../../../../shared/tenant";
import { adminApi } from "../../admin-api";
import { describeError } from "../../api";
import { useToast } from "../../toasts";
import { ChoiceField, TextField } from "./fields";

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
			<TextField
				id="member-email"
				label="Email"
				type="email"
				value={email}
				onChange={(e) => setEmail(e.target.value)}
				required
			/>
			<TextField id="member-name" label="Name" value={name} onChange={(e) => setName(e.target.value)} />
			<TextField
				id="member-password"
				label="Password"
				type="password"
				autoComplete="new-password"
				minLength={8}
				value={password}
				onChange={(e) => setPassword(e.target.value)}
				required
			/>
			<ChoiceField id="member-role" label="Role" value={role} options={roleSchema.options} onChange={setRole} />
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
