// Server-side sessions. A session token is signed by the Worker, but it is honoured only while
// its row here exists: signing out, signing out everywhere and removing a member delete rows,
// and the very next request (or socket frame) with that token is refused.
import { SESSION_TTL_SECONDS } from "../../shared/limits";
import { now } from "../domain/clock";
import { newId } from "../domain/ids";
import type { Sql } from "./sql";

export interface Session {
	id: string;
	/** Milliseconds since the epoch; the token expires at the same moment. */
	expiresAt: number;
}

/** Opens a session for a member, clearing out expired ones on the way (an indexed delete). */
export function startSession(sql: Sql, userId: string, nowMs = Date.now()): Session {
	sql.run("DELETE FROM sessions WHERE expires_at <= ?", nowMs);
	const session = { id: newId("s", 24), expiresAt: nowMs + SESSION_TTL_SECONDS * 1000 };
	sql.run(
		"INSERT INTO sessions (id, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
		session.id,
		userId,
		now(),
		session.expiresAt,
	);
	return session;
}

/** Ends one session of a member. */
export function endSession(sql: Sql, userId: string, sessionId: string): void {
	sql.run("DELETE FROM sessions WHERE id = ? AND user_id = ?", sessionId, userId);
}

/** Ends every session of a member: "sign out everywhere", and what removing a member does. */
export function endSessionsOf(sql: Sql, userId: string): void {
	sql.run("DELETE FROM sessions WHERE user_id = ?", userId);
}
