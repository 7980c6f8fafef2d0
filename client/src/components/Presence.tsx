// Who else is on the board: one avatar per person, coloured by user id.
import type { PresenceEntry } from "../../../shared/protocol";
import { initials, userColour } from "../format";

interface AvatarProps {
	userId: string;
	/** The person's name: the initials come from it, and nothing else. */
	name: string;
	/** What the avatar says to a pointer or a screen reader, when more than the name ("Bob is viewing"). */
	label?: string;
	size?: "sm" | "md";
}

export function Avatar({ userId, name, label = name, size = "md" }: AvatarProps) {
	return (
		<span className={`avatar avatar-${size}`} style={{ background: userColour(userId) }} title={label}>
			<span aria-hidden="true" data-testid="avatar-initials">
				{initials(name)}
			</span>
			<span className="visually-hidden">{label}</span>
		</span>
	);
}

/** One entry per person, even with several tabs open. */
export function uniquePeople(entries: readonly PresenceEntry[]): PresenceEntry[] {
	const seen = new Map<string, PresenceEntry>();
	for (const entry of entries) if (!seen.has(entry.userId)) seen.set(entry.userId, entry);
	return [...seen.values()];
}

export function PresenceAvatars({ entries }: { entries: readonly PresenceEntry[] }) {
	const people = uniquePeople(entries);
	if (people.length === 0) return null;
	const shown = people.slice(0, 5);
	return (
		<ul className="presence" aria-label={`${people.length} ${people.length === 1 ? "person" : "people"} on this board`}>
			{shown.map((p) => (
				<li key={p.userId} data-testid="presence-avatar" data-user-id={p.userId}>
					<Avatar userId={p.userId} name={p.name} />
				</li>
			))}
			{people.length > shown.length && (
				<li className="avatar avatar-md avatar-more">+{people.length - shown.length}</li>
			)}
		</ul>
	);
}
