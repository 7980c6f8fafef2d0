// The reads the D1 store shares between its methods, each joined and filtered by tenant: a join
// pairs tenant_id with the id (l.tenant_id = c.tenant_id AND l.id = c.list_id), since an id is
// unique only within its tenant. The Durable Object's versions, without tenants, are in
// objects/tenant/sqlite-store.ts.
import { CARD_COLUMNS } from "../../objects/domain/rows";

/**
 * Cards with their counts, labels and assignees (members only: a removed member drops off the
 * cards they had). A card is live when neither it nor its list is archived. The columns are named
 * (not c.*): every row of a big board crosses from D1 to the Worker, and the tenant id and archive
 * columns, which no card shows, only made each row longer.
 */
const cardSelect = (columns: string) => `SELECT ${columns},
	(SELECT count(*) FROM comments WHERE tenant_id = c.tenant_id AND card_id = c.id) AS comment_count,
	(SELECT count(*) FROM attachments WHERE tenant_id = c.tenant_id AND card_id = c.id) AS attachment_count,
	(SELECT json_group_array(label_id) FROM card_labels WHERE tenant_id = c.tenant_id AND card_id = c.id) AS label_ids,
	(SELECT json_group_array(a.user_id) FROM card_assignees a
		JOIN members m ON m.tenant_id = a.tenant_id AND m.id = a.user_id
		WHERE a.tenant_id = c.tenant_id AND a.card_id = c.id) AS assignee_ids
	FROM cards c JOIN lists l ON l.tenant_id = c.tenant_id AND l.id = c.list_id
	WHERE c.tenant_id = ?1`;
export const CARD_SELECT = cardSelect(CARD_COLUMNS);
/** The same, with when each card was archived, for the archive view. */
export const ARCHIVED_CARD_SELECT = cardSelect(`${CARD_COLUMNS}, c.archived_at`);

/** Appended to CARD_SELECT: the card is on the board. */
export const LIVE = "c.archived = 0 AND l.archived = 0";

/** For a card found by its id alone: its board is not archived either. */
export const ON_LIVE_BOARD =
	"EXISTS (SELECT 1 FROM boards b WHERE b.tenant_id = c.tenant_id AND b.id = c.board_id AND b.archived = 0)";

export const MEMBERS = "SELECT id, email, name, role FROM members WHERE tenant_id = ?1 ORDER BY name";

/** A board's latest event (0 before the first): what its next event follows. Bind the board as ?2. */
export const LAST_SEQ = "SELECT coalesce(max(seq), 0) AS seq FROM events WHERE tenant_id = ?1 AND board_id = ?2";

/** Comments with their authors' names. */
export const COMMENT_SELECT = `SELECT cm.*, coalesce(m.name, 'Former member') AS author_name FROM comments cm
	LEFT JOIN members m ON m.tenant_id = cm.tenant_id AND m.id = cm.author_id
	WHERE cm.tenant_id = ?1`;

/** A card's comments, oldest first. Bind the card as ?2. */
export const COMMENTS_OF_CARD = `${COMMENT_SELECT} AND cm.card_id = ?2 ORDER BY cm.created_at, cm.id`;

/** A board's labels, oldest first. Bind the board as ?2. */
export const LABELS_OF_BOARD = "SELECT * FROM labels WHERE tenant_id = ?1 AND board_id = ?2 ORDER BY created_at, id";

/** A board's archived lists, with the cards each took along. Bind the board as ?2. */
export const ARCHIVED_LISTS = `SELECT l.*,
	(SELECT count(*) FROM cards WHERE tenant_id = l.tenant_id AND list_id = l.id AND archived = 0) AS card_count
	FROM lists l WHERE l.tenant_id = ?1 AND l.board_id = ?2 AND l.archived = 1 ORDER BY l.archived_at DESC, l.id`;

/** A card's attachments, oldest first. Bind the card as ?2. */
export const ATTACHMENTS_OF_CARD =
	"SELECT * FROM attachments WHERE tenant_id = ?1 AND card_id = ?2 ORDER BY created_at, id";

/** A board's latest events with who made them (a member or an API key). Bind the board as ?2, the limit as ?3. */
export const ACTIVITY = `SELECT e.*, m.name AS actor_name, k.name AS key_name FROM events e
	LEFT JOIN members m ON m.tenant_id = e.tenant_id AND m.id = e.actor_id
	LEFT JOIN api_keys k ON k.tenant_id = e.tenant_id AND k.id = e.actor_id
	WHERE e.tenant_id = ?1 AND e.board_id = ?2 ORDER BY e.seq DESC LIMIT ?3`;
