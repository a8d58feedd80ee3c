/* histcheck.c — check's proof of each item's log and notes (their hash
 * chains), of the heads the item keeps, and of the workflow's invariants
 * (histcheck.h). The revisions' chain is revcheck.c's. */
#include "newsdesk/histcheck.h"
#include "newsdesk/chain.h"
#include "newsdesk/store_sql.h"

#include <stdbool.h>

/* The events' problems, in their words; `where` narrows them to an item. */
#define EVENT_PROBLEMS(where)                                                                      \
	"SELECT item_id, CASE "                                                                    \
	"WHEN hash IS NULL THEN printf('event #%d (%s) has no hash: newsdesk did not write "       \
	"it', id, verb) "                                                                          \
	"WHEN rev IS NOT NULL AND rev_id IS NULL THEN printf('event #%d (%s) names revision "      \
	"%d, which is missing (deleted)', id, verb, rev) "                                         \
	"ELSE printf('its log is broken at event #%d (%s): that event was changed, or an "         \
	"event before it was deleted', id, verb) END "                                             \
	"FROM (SELECT e.item_id, e.id, e.verb, e.rev, e.hash, r.id AS rev_id, "                    \
	"CASE WHEN e.note_code IS NULL THEN nd_chain(lag(e.hash) OVER w, e.item_id, e.actor, "     \
	"e.verb, e.from_state, e.to_state, e.note, e.rev, e.created_at, r.hash) "                  \
	"ELSE nd_chain(lag(e.hash) OVER w, e.item_id, e.actor, e.verb, e.from_state, "             \
	"e.to_state, e.note, e.rev, e.created_at, r.hash, e.note_code) END AS want "               \
	"FROM events e LEFT JOIN revisions r "                                                     \
	"ON r.item_id = e.item_id AND r.rev = e.rev " where                                        \
	" WINDOW w AS (PARTITION BY e.item_id ORDER BY e.id)) "                                    \
	"WHERE hash IS NOT want OR (rev IS NOT NULL AND rev_id IS NULL) ORDER BY item_id, id"

/* Each item's log chained, walked in C (the window above costs SQLite more
 * than the hashing); an item with a row out of place is told in the
 * words above. An event with no item (the schema forbids it) is told by
 * the whole query, as before the walk. */
int nd_events_check(struct nd_check *c, struct nd_error *err)
{
	sqlite3_stmt *stmt;
	int rc = nd_sql_prepare(
	    c->st, &stmt, err,
	    "SELECT e.item_id, e.hash, e.item_id, e.actor, e.verb, e.from_state, e.to_state, "
	    "e.note, e.rev, e.created_at, r.hash, e.note_code, "
	    "e.rev IS NOT NULL AND r.id IS NULL FROM events e LEFT JOIN revisions r "
	    "ON r.item_id = e.item_id AND r.rev = e.rev ORDER BY e.item_id, e.id",
	    NULL);
	if (rc < 0)
		return rc;
	struct nd_chain_walk w = {
		.stmt = stmt, .part = 0, .hash = 1, .first = 2, .n = 9, .extra = 11
	};
	bool told = false, whole = false;
	int64_t item = 0;
	while (!whole && (rc = nd_sql_step(c->st, stmt, "events", err)) > 0) {
		bool broken = nd_chain_walk_row(&w) || sqlite3_column_int(stmt, 12);
		if (!broken || (told && sqlite3_column_int64(stmt, 0) == item))
			continue;
		if (sqlite3_column_type(stmt, 0) == SQLITE_NULL) {
			whole = true;
			break;
		}
		item = sqlite3_column_int64(stmt, 0);
		told = true;
		if ((rc = nd_check_rows(c, "events", EVENT_PROBLEMS("WHERE e.item_id = ?1"), item,
					err)) < 0)
			break;
	}
	sqlite3_finalize(stmt);
	nd_chain_walk_free(&w);
	if (whole) /* before any other row: NULLs come first */
		rc = nd_check_rows(c, "events", EVENT_PROBLEMS(""), 0, err);
	return rc < 0 ? rc : 0;
}

int nd_notes_check(struct nd_check *c, struct nd_error *err)
{
	return nd_check_rows(
	    c, "notes",
	    "SELECT item_id, CASE "
	    "WHEN hash IS NULL THEN printf('note #%d has no hash: newsdesk did not write it', id) "
	    "ELSE printf('its notes are broken at note #%d: that note was changed, or a note "
	    "before it was deleted', id) END "
	    "FROM (SELECT id, item_id, hash, CASE WHEN body_code IS NULL THEN nd_chain(lag(hash) "
	    "OVER w, item_id, rev, author, body, created_at) ELSE nd_chain(lag(hash) OVER w, "
	    "item_id, rev, author, body, created_at, body_code) END AS want FROM notes "
	    "WINDOW w AS (PARTITION BY item_id ORDER BY id)) "
	    "WHERE hash IS NOT want ORDER BY item_id, id",
	    0, err);
}

/* The heads: the newest record of each chain is the one the item names,
 * so deleting the newest revision, event or note shows too. */
int nd_heads_check(struct nd_check *c, struct nd_error *err)
{
	return nd_check_rows(
	    c, "heads",
	    "SELECT id, 'its newest revision is missing (deleted) or replaced: its history "
	    "ended with another' FROM items i WHERE rev_head IS NOT (SELECT hash FROM "
	    "revisions r WHERE r.item_id = i.id ORDER BY r.rev DESC LIMIT 1) "
	    "UNION ALL SELECT id, 'its newest event is missing (deleted) or replaced: its log "
	    "ended with another' FROM items i WHERE event_head IS NOT (SELECT hash FROM events e "
	    "WHERE e.item_id = i.id ORDER BY e.id DESC LIMIT 1) "
	    "UNION ALL SELECT id, 'its newest note is missing (deleted) or replaced' FROM items i "
	    "WHERE note_head IS NOT (SELECT hash FROM notes n WHERE n.item_id = i.id "
	    "ORDER BY n.id DESC LIMIT 1) ORDER BY 1",
	    0, err);
}

/* ---- the workflow's invariants ------------------------------------------- */

static const struct {
	const char *what;
	const char *sql; /* rows: (item id) or (item id, message) */
} invariants[] = {
	{ "item whose current revision is missing",
	  "SELECT i.id FROM items i WHERE NOT EXISTS (SELECT 1 FROM revisions r "
	  "WHERE r.item_id = i.id AND r.rev = i.current_rev)" },
	{ "item whose current revision is a conflict draft",
	  "SELECT i.id FROM items i JOIN revisions r ON r.item_id = i.id AND r.rev = i.current_rev "
	  "WHERE r.conflict = 1" },
	{ "current revision",
	  "SELECT i.id, printf('its current revision is %d but its newest is %d', i.current_rev, "
	  "x.newest) FROM items i JOIN (SELECT item_id, max(rev) AS newest FROM revisions "
	  "WHERE conflict = 0 GROUP BY item_id) x ON x.item_id = i.id "
	  "WHERE i.current_rev <> x.newest" },
	{ "item in a state the workflow does not have",
	  "SELECT id FROM items WHERE state NOT IN (SELECT name FROM states)" },
	{ "published item with no published revision",
	  "SELECT i.id FROM items i JOIN states s ON s.name = i.state "
	  "WHERE s.published AND i.published_rev IS NULL" },
	{ "item whose published revision is missing",
	  "SELECT i.id FROM items i WHERE i.published_rev IS NOT NULL AND NOT EXISTS "
	  "(SELECT 1 FROM revisions r WHERE r.item_id = i.id AND r.rev = i.published_rev)" },
	{ "state",
	  "SELECT i.id, printf('it is %s but its log last moved it to %s: a workflow event is "
	  "missing, or its state was set behind newsdesk''s back', i.state, "
	  "coalesce(e.to_state, 'nowhere')) FROM items i LEFT JOIN events e ON e.id = "
	  "(SELECT max(id) FROM events WHERE item_id = i.id AND to_state IS NOT NULL) "
	  "WHERE e.to_state IS NOT i.state" },
	{ "item with no 'file' or 'import' event",
	  "SELECT i.id FROM items i WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.item_id = i.id "
	  "AND e.verb IN ('file', 'import'))" },
	{ "two items at one place on a page",
	  "SELECT min(id) FROM items WHERE issue IS NOT NULL GROUP BY issue, page, position "
	  "HAVING count(*) > 1" },
	{ "item placed on a page but with no position",
	  "SELECT id FROM items WHERE issue IS NOT NULL AND (page IS NULL OR position IS NULL)" },
};

int nd_invariants_check(struct nd_check *c, struct nd_error *err)
{
	for (size_t i = 0; i < sizeof invariants / sizeof *invariants; i++) {
		int rc = nd_check_rows(c, invariants[i].what, invariants[i].sql, 0, err);
		if (rc < 0)
			return rc;
	}
	return 0;
}
