// One-use WebSocket tickets. The Worker checks a ticket's signature, expiry and board; this
// object remembers every ticket id it has let in until the ticket would have expired anyway, so
// a ticket that leaks (from a log, a proxy, a browser history) cannot open a second socket.
import { fail, ok, type Result } from "../../shared/errors";
import type { Sql } from "./sql";

/** A ticket as the Worker verified it: its id, the board it opens, and when it expires (ms). */
export interface Ticket {
	id: string;
	boardId: string;
	expiresAt: number;
}

/** Lets a ticket in once, for its own board; any later use, or another board, is refused. */
export function redeemTicket(sql: Sql, ticket: Ticket, boardId: string, nowMs = Date.now()): Result<null> {
	if (ticket.boardId !== boardId) return fail("forbidden", "This ticket was issued for another board.");
	if (ticket.expiresAt <= nowMs) return fail("unauthenticated", "The ticket has expired.");
	// Ids past their expiry can go: the Worker refuses an expired ticket before it gets here.
	sql.run("DELETE FROM used_tickets WHERE expires_at <= ?", nowMs);
	const fresh = sql.run(
		"INSERT INTO used_tickets (id, expires_at) VALUES (?, ?) ON CONFLICT (id) DO NOTHING",
		ticket.id,
		ticket.expiresAt,
	);
	return fresh > 0 ? ok(null) : fail("unauthenticated", "This ticket was used already. Ask for a new one.");
}
