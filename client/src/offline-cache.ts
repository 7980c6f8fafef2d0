// What the app needs to open offline, kept in localStorage: who you are in each workspace, its
// boards, and the last board state the server confirmed. Written as it changes, read only when
// the network fails, and removed (except the workspace's name) when you sign out.
import type { Board, BoardDetail, Me } from "../../shared/api";

const PREFIX = "boardroom:cache";
const key = (slug: string, what: string) => `${PREFIX}:${slug}:${what}`;

function write(name: string, value: unknown): void {
	try {
		localStorage.setItem(name, JSON.stringify(value));
	} catch {
		// Storage full or disabled: the app still works online, it just cannot open offline.
	}
}

function read<T>(name: string, isValid: (value: unknown) => boolean): T | null {
	try {
		const parsed: unknown = JSON.parse(localStorage.getItem(name) ?? "null");
		return isValid(parsed) ? (parsed as T) : null;
	} catch {
		return null;
	}
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

export function rememberMe(slug: string, me: Me): void {
	write(key(slug, "me"), me);
	write(key(slug, "name"), me.tenant.name);
}

export function recallMe(slug: string): Me | null {
	return read<Me>(key(slug, "me"), (v) => isObject(v) && isObject(v.user) && isObject(v.tenant));
}

/** The workspace's display name, from the last time someone signed in to it in this browser. */
export function recallWorkspaceName(slug: string): string | null {
	return read<string>(key(slug, "name"), (v) => typeof v === "string" && v.length > 0);
}

export function rememberBoards(slug: string, boards: readonly Board[]): void {
	write(key(slug, "boards"), boards);
}

export function recallBoards(slug: string): Board[] | null {
	return read<Board[]>(key(slug, "boards"), Array.isArray);
}

export function rememberBoard(slug: string, board: BoardDetail): void {
	write(key(slug, `board:${board.id}`), board);
}

export function recallBoard(slug: string, boardId: string): BoardDetail | null {
	return read<BoardDetail>(
		key(slug, `board:${boardId}`),
		// A board cached before boards had labels is not the shape this app draws: not offered.
		(v) =>
			isObject(v) && v.id === boardId && Array.isArray(v.lists) && Array.isArray(v.cards) && Array.isArray(v.labels),
	);
}

/** On sign-out: nothing of the workspace's content stays behind in this browser. */
export function forgetWorkspace(slug: string): void {
	const keep = key(slug, "name");
	try {
		for (const name of Object.keys(localStorage))
			if (name.startsWith(key(slug, "")) && name !== keep) localStorage.removeItem(name);
	} catch {
		// Storage disabled: there was nothing to forget.
	}
}
