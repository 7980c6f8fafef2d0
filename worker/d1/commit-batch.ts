// One commit as one D1 batch: claim the operation id, check what the plan relied on, write the
// rows, append the numbered event, add the caller's extra statements (metering), clean up. D1
// runs a batch as one transaction, in order, and runs no other write meanwhile, so everything a
// statement here reads is exactly what the statements before it left: that is what lets the
// sequence number and the board's previous event be computed inside the batch, not before it.

import type { Commit } from "../../objects/domain/store";
import type { CommittedEvent } from "../../shared/protocol";
import { guardStatement } from "./guards";
import type { TenantScope } from "./tenant-scope";
import { changeStatements } from "./writes";

export interface CommitBatch {
	statements: D1PreparedStatement[];
	/** Where in `statements` the event insert is: its RETURNING row is the committed event's numbers. */
	eventIndex: number;
}

/** The tenant's next event number: one more than its last, or 1. */
const NEXT_SEQ = "(SELECT coalesce(max(seq), 0) + 1 FROM events WHERE tenant_id = ?1)";

export function commitBatch(scope: TenantScope, commit: Commit, at: string, extra: D1PreparedStatement[]): CommitBatch {
	const statements: D1PreparedStatement[] = [];
	// First the operation id. Two Workers sending the same operation at once both get past the
	// domain's "seen before?" read; the operations primary key lets only one batch through, and
	// the other fails here with a unique violation (DuplicateOperation: the domain replays the
	// first outcome) before any guard can report it as a mere conflict. Its seq is the number the
	// event below receives: nothing else writes between two statements of one batch.
	if (commit.opId !== null)
		statements.push(
			scope.statement(
				`INSERT INTO operations (tenant_id, actor_id, op_id, fingerprint, seq, at) VALUES (?1, ?2, ?3, ?4, ${NEXT_SEQ}, ?5)`,
				commit.actorId,
				commit.opId,
				commit.fingerprint,
				at,
			),
		);
	for (const expectation of commit.expects) statements.push(guardStatement(scope, expectation));
	for (const change of commit.changes) statements.push(...changeStatements(scope, change));
	const eventIndex = statements.length;
	statements.push(
		scope.statement(
			`INSERT INTO events (tenant_id, seq, prev_seq, board_id, actor_id, op_id, type, payload, at)
			VALUES (?1, ${NEXT_SEQ}, (SELECT coalesce(max(seq), 0) FROM events WHERE tenant_id = ?1 AND board_id = ?2),
				?2, ?3, ?4, ?5, ?6, ?7)
			RETURNING seq, prev_seq`,
			commit.boardId,
			commit.actorId,
			commit.opId,
			commit.event.type,
			JSON.stringify(commit.event),
			at,
		),
	);
	statements.push(...extra);
	// The guard rows only ever existed inside this transaction; leave the table empty.
	if (commit.expects.length > 0) statements.push(scope.db.prepare("DELETE FROM guards"));
	return { statements, eventIndex };
}

/** The committed event, from the numbers the event insert returned. */
export function toCommittedEvent(commit: Commit, numbers: { seq: number; prev_seq: number }): CommittedEvent {
	const { boardId, actorId, opId, event } = commit;
	return { seq: numbers.seq, prevSeq: numbers.prev_seq, boardId, actorId, opId, event };
}
