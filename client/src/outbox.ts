// The outbox: operations not yet committed, kept in localStorage per tenant and board so they survive a reload.
import type { PendingOp } from "./board-state";

const key = (slug: string, boardId: string) => `boardroom:outbox:${slug}:${boardId}`;

export function loadOutbox(slug: string, boardId: string): PendingOp[] {
	try {
		const raw = localStorage.getItem(key(slug, boardId));
		const parsed: unknown = raw ? JSON.parse(raw) : [];
		return Array.isArray(parsed) ? (parsed as PendingOp[]).filter((p) => typeof p?.opId === "string" && p.op) : [];
	} catch {
		return [];
	}
}

export function saveOutbox(slug: string, boardId: string, pending: readonly PendingOp[]): void {
	try {
		if (pending.length === 0) localStorage.removeItem(key(slug, boardId));
		else localStorage.setItem(key(slug, boardId), JSON.stringify(pending));
	} catch {
		// Storage full or disabled (private mode): the outbox still works for this page's lifetime.
	}
}
