// The expectations a plan relies on, checked inside the commit's batch. Each becomes one
// `INSERT INTO guards (ok) VALUES (<holds?>)`: the subquery is evaluated at that moment of the
// batch, and a false answer breaks the guards table's CHECK, which fails the statement and rolls
// the whole batch back (see the guards table in migrations/0001_boardroom.sql).
//
// The Durable Object never needs this: it reads and commits without letting another request in
// between, so what it read still holds. Many Workers write one D1 database at once, so here the
// commit itself re-checks what the plan read — optimistic concurrency, with the database as judge.
// Every answer is EXISTS / NOT EXISTS / a comparison of counts, never NULL.
import type { Expectation } from "../../objects/domain/store";
import type { D1Value, TenantScope } from "./tenant-scope";

const TABLES = { board: "boards", list: "lists", card: "cards", label: "labels" } as const;
/** Rows that are deleted rather than archived (and members), by what they are. */
const EXISTING = { label: "labels", comment: "comments", member: "members" } as const;

/** A card is live when neither it nor its list is archived, as in sqlite-store.ts. */
const LIVE_CARDS = `cards c JOIN lists l ON l.tenant_id = c.tenant_id AND l.id = c.list_id
	WHERE c.tenant_id = ?1 AND c.archived = 0 AND l.archived = 0`;

/** The statement that fails the batch unless `expectation` still holds. */
export function guardStatement(scope: TenantScope, expectation: Expectation): D1PreparedStatement {
	const [holds, params] = condition(expectation);
	return scope.statement(`INSERT INTO guards (ok) VALUES (${holds})`, ...params);
}

/** The SQL that is 1 while `e` holds and 0 once it does not, and its parameters (?2 onwards). */
function condition(e: Expectation): [string, D1Value[]] {
	if ("version" in e)
		return [
			`EXISTS (SELECT 1 FROM ${TABLES[e.version]} WHERE tenant_id = ?1 AND id = ?2 AND version = ?3)`,
			[e.id, e.is],
		];
	if ("live" in e) {
		if (e.live === "card") return [`EXISTS (SELECT 1 FROM ${LIVE_CARDS} AND c.id = ?2)`, [e.id]];
		return [`EXISTS (SELECT 1 FROM ${TABLES[e.live]} WHERE tenant_id = ?1 AND id = ?2 AND archived = 0)`, [e.id]];
	}
	if ("archived" in e)
		return [`EXISTS (SELECT 1 FROM ${TABLES[e.archived]} WHERE tenant_id = ?1 AND id = ?2 AND archived = 1)`, [e.id]];
	if ("exists" in e) return [`EXISTS (SELECT 1 FROM ${EXISTING[e.exists]} WHERE tenant_id = ?1 AND id = ?2)`, [e.id]];
	if ("gap" in e) return gapCondition(e);
	const table = e.count === "comments" ? "comments" : "attachments";
	return [`(SELECT count(*) FROM ${table} WHERE tenant_id = ?1 AND card_id = ?2) = ?3`, [e.cardId, e.is]];
}

/**
 * No live sibling (but `except`, the item being moved) sits strictly between `after` and
 * `before` under the parent, so the key the plan computed between them is still unique. Two
 * Workers that both append to the same list compute the same key; the second one's gap is gone.
 */
function gapCondition(e: Extract<Expectation, { gap: unknown }>): [string, D1Value[]] {
	const params: D1Value[] = [e.parentId];
	const next = (value: D1Value) => `?${params.push(value) + 1}`;
	const alias = e.gap === "cards" ? "c" : "s";
	let where =
		e.gap === "cards"
			? `${LIVE_CARDS} AND c.list_id = ?2`
			: "lists s WHERE s.tenant_id = ?1 AND s.board_id = ?2 AND s.archived = 0";
	if (e.except !== null) where += ` AND ${alias}.id <> ${next(e.except)}`;
	if (e.after !== null) where += ` AND ${alias}.position > ${next(e.after)}`;
	if (e.before !== null) where += ` AND ${alias}.position < ${next(e.before)}`;
	return [`NOT EXISTS (SELECT 1 FROM ${where})`, params];
}
