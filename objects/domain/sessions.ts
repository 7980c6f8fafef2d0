// Server-side sessions. A session token is signed by the Worker, but it is honoured only while
// its row exists: signing out, signing out everywhere and removing a member delete rows, and the
// very next request (or socket frame) with that token is refused.
import { SESSION_TTL_SECONDS } from "../../shared/limits";
import { now } from "./clock";
import { type Db, statement } from "./db";
import { newId } from "./ids";

export interface Session {
	id: string;
	/** Milliseconds since the epoch; the token expires at the same moment. */
	expiresAt: number;
}

/** Opens a session for a member, clearing out expired ones on the way (an indexed delete). */
export async function startSession(db: Db, userId: string, nowMs = Date.now()): Promise<Session> {
	const session = { id: newId("s", 24), expiresAt: nowMs + SESSION_TTL_SECONDS * 1000 };
	await db.batch([
		statement("DELETE FROM sessions WHERE @tenant AND expires_at <= ?", nowMs),
		statement(
			"INSERT INTO sessions (@tenantColumn id, user_id, created_at, expires_at) VALUES (@tenantValue ?, ?, ?, ?)",
			session.id,
			userId,
			now(),
			session.expiresAt,
		),
	]);
	return session;
}

/** Ends one session of a member. */
export function endSession(userId: string, sessionId: string) {
	return statement("DELETE FROM sessions WHERE @tenant AND id = ? AND user_id = ?", sessionId, userId);
}

/** Ends every session of a member: "sign out everywhere", and what removing a member does. */
export function endSessionsOf(userId: string) {
	return statement("DELETE FROM sessions WHERE @tenant AND user_id = ?", userId);
}
