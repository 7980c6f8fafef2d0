// The calls of the settings, account and invite pages: members, invites, API keys, the member's
// own account and the workspace's name. Types only from the contract; the server validates.
import type { ApiKey, Me, Member, User } from "../../shared/api";
import { paths } from "../../shared/paths";
import type { Role } from "../../shared/roles";
import type { Invite, InviteCreated, InvitePreview } from "../../shared/self-service";
import { request } from "./api";

/** A new API key as created: the secret itself is in this answer only. */
export type NewApiKey = ApiKey & { key: string };

export const selfService = {
	members: async (slug: string, signal?: AbortSignal) =>
		(await request<{ members: Member[] }>(paths.members(slug), { signal })).members,
	changeRole: (slug: string, userId: string, role: Role) =>
		request<Member>(paths.member(slug, userId), { method: "PATCH", body: { role } }),
	removeMember: (slug: string, userId: string) => request<void>(paths.member(slug, userId), { method: "DELETE" }),

	invites: async (slug: string, signal?: AbortSignal) =>
		(await request<{ invites: Invite[] }>(paths.invites(slug), { signal })).invites,
	invite: (slug: string, email: string, role: Role) =>
		request<InviteCreated>(paths.invites(slug), { method: "POST", body: { email, role } }),
	revokeInvite: (slug: string, inviteId: string) => request<void>(paths.invite(slug, inviteId), { method: "DELETE" }),
	previewInvite: (slug: string, token: string, signal?: AbortSignal) =>
		request<InvitePreview>(paths.inviteByToken(slug, token), { signal }),
	acceptInvite: (slug: string, token: string, name: string, password: string) =>
		request<{ token: string; user: User }>(paths.inviteAccept(slug, token), {
			method: "POST",
			body: { name, password },
		}),

	apiKeys: async (slug: string, signal?: AbortSignal) =>
		(await request<{ apiKeys: ApiKey[] }>(paths.apiKeys(slug), { signal })).apiKeys,
	createApiKey: (slug: string, name: string, role: Role) =>
		request<NewApiKey>(paths.apiKeys(slug), { method: "POST", body: { name, role } }),
	revokeApiKey: (slug: string, keyId: string) => request<void>(paths.apiKey(slug, keyId), { method: "DELETE" }),

	updateProfile: (slug: string, name: string) => request<Me>(paths.me(slug), { method: "PATCH", body: { name } }),
	changePassword: (slug: string, current: string, next: string) =>
		request<void>(paths.password(slug), { method: "POST", body: { current, next } }),
	renameWorkspace: (slug: string, name: string) =>
		request<Me["tenant"]>(paths.settings(slug), { method: "PATCH", body: { name } }),
};

/** What each role may do, in a few words that can follow "Admin:" or "join as an admin:". */
export const ROLE_HINTS: Record<Role, string> = {
	owner: "manages everything, owners included",
	admin: "manages members, API keys and settings",
	member: "works on boards",
	viewer: "reads and watches boards",
};
