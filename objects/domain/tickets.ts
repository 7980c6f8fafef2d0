// One-use WebSocket tickets. The Worker checks a ticket's signature, expiry and board; the tenant
// remembers every ticket id it has let in until the ticket would have expired anyway, so a ticket
// that leaks (from a log, a proxy, a browser history) cannot open a second socket.
import { fail, ok, type Result } from "../../shared/errors";
import { type Db, statement } from "./db";

/** A ticket as the Worker verified it: its id, the board it opens, and when it expires (ms). */
export interface Ticket {
	id: string;
	boardId: string;
	expiresAt: number;
}

/** Lets a ticket in once, for its own board; any later use, or another board, is refused. */
export async function redeemTicket(db: Db, ticket: Ticket, boardId: string, nowMs = Date.now()): Promise<Result<null>> {
	if (ticket.boardId !== boardId) return fail("forbidden", "This ticket was issued for another board.");
	if (ticket.expiresAt <= nowMs) return fail("unauthenticated", "The ticket has expired.");
	const [, fresh] = await db.batch([
		// Ids past their expiry can go: the Worker refuses an expired ticket before it gets here.
		statement("DELETE FROM used_tickets WHERE @tenant AND expires_at <= ?", nowMs),
		statement(
			"INSERT INTO used_tickets (@tenantColumn id, expires_at) VALUES (@tenantValue ?, ?) ON CONFLICT DO NOTHING",
			ticket.id,
			ticket.expiresAt,
		),
	]);
	return fresh ? ok(null) : fail("unauthenticated", "This ticket was used already. Ask for a new one.");
}
