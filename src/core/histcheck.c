/* histcheck.c — check's proof of each item's log and notes (their hash
 * chains), of the heads the item keeps, and of the workflow's invariants
 * (histcheck.h). The revisions' chain is revcheck.c's. */
#include "newsdesk/histcheck.h"
#include "newsdesk/chain.h"
#include "newsdesk/revcheck.h"
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

/* The walk's rows: the events with their revision's hash (r.hash), or
 * without it where the revisions' pass kept the hashes (its column is
 * then e.rev, looked up). */
#define EVENT_ROWS(revision)                                                                       \
	"SELECT e.item_id, e.hash, e.item_id, e.actor, e.verb, e.from_state, e.to_state, "         \
	"e.note, e.rev, e.created_at, " revision ", e.note_code"

/* The hash of the revision the event names, from what the revisions' pass
 * kept; false when it cannot be told there (SQL is asked about the item). */
static bool give_revision(struct nd_check *c, struct nd_chain_walk *w, char hex[65])
{
	sqlite3_stmt *stmt = w->stmt;
	int type = sqlite3_column_type(stmt, 10);
	w->give = true;
	w->given = hex;
	w->given_len = -1; /* no revision named: r.hash is NULL */
	if (type == SQLITE_NULL)
		return true;
	const struct nd_rev *r =
	    type == SQLITE_INTEGER && sqlite3_column_type(stmt, 0) == SQLITE_INTEGER
		? nd_revs_find(c->revs, sqlite3_column_int64(stmt, 0),
			       sqlite3_column_int64(stmt, 10))
		: NULL;
	if (!r || !r->hashed)
		return false;
	nd_rev_hex(r, hex);
	w->given_len = 64;
	return true;
}

/* Each item's log chained, walked in C (the window above costs SQLite more
 * than the hashing); an item with a row out of place is told in the
 * words above. An event with no item (the schema forbids it) is told by
 * the whole query, as before the walk. */
int nd_events_check(struct nd_check *c, struct nd_error *err)
{
	sqlite3_stmt *stmt;
	int rc = nd_sql_prepare(
	    c->st, &stmt, err,
	    c->revs ? EVENT_ROWS("e.rev") ", 0 FROM events e ORDER BY e.item_id, e.id"
		    : EVENT_ROWS("r.hash") ", e.rev IS NOT NULL AND r.id IS NULL FROM events e "
					   "LEFT JOIN revisions r ON r.item_id = e.item_id AND "
					   "r.rev = e.rev ORDER BY e.item_id, e.id",
	    NULL);
	if (rc < 0)
		return rc;
	struct nd_chain_walk w = {
		.stmt = stmt, .part = 0, .hash = 1, .first = 2, .n = c->revs ? 8 : 9, .extra = 11
	};
	bool told = false, whole = false;
	int64_t item = 0;
	char hex[65];
	while (!whole && (rc = nd_sql_step(c->st, stmt, "events", err)) > 0) {
		bool known = !c->revs || give_revision(c, &w, hex);
		bool broken = nd_chain_walk_row(&w) || !known || sqlite3_column_int(stmt, 12);
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

/* The heads' problems. */
#define HEAD_PROBLEMS                                                                              \
	"SELECT id, 'its newest revision is missing (deleted) or replaced: its history "           \
	"ended with another' FROM items i WHERE rev_head IS NOT (SELECT hash FROM "                \
	"revisions r WHERE r.item_id = i.id ORDER BY r.rev DESC LIMIT 1) "                         \
	"UNION ALL SELECT id, 'its newest event is missing (deleted) or replaced: its log "        \
	"ended with another' FROM items i WHERE event_head IS NOT (SELECT hash FROM "              \
	"events e WHERE e.item_id = i.id ORDER BY e.id DESC LIMIT 1) "                             \
	"UNION ALL SELECT id, 'its newest note is missing (deleted) or replaced' FROM items i "    \
	"WHERE note_head IS NOT (SELECT hash FROM notes n WHERE n.item_id = i.id "                 \
	"ORDER BY n.id DESC LIMIT 1) ORDER BY 1"

/* The heads: the newest record of each chain is the one the item names,
 * so deleting the newest revision, event or note shows too. Where the
 * revisions' pass kept the hashes, the items are walked against them first
 * (the newest revision's hash comes after its text in its row), and the
 * query runs only where an item is not as kept (its rows in its order). */
int nd_heads_check(struct nd_check *c, struct nd_error *err)
{
	bool ask = !c->revs;
	sqlite3_stmt *stmt;
	int rc =
	    ask ? 0
		: nd_sql_prepare(c->st, &stmt, err,
				 "SELECT id, rev_head, event_head IS NOT (SELECT hash FROM events "
				 "e WHERE e.item_id = i.id ORDER BY e.id DESC LIMIT 1) OR "
				 "note_head IS NOT (SELECT hash FROM notes n WHERE n.item_id = "
				 "i.id ORDER BY n.id DESC LIMIT 1) FROM items i",
				 NULL);
	if (rc < 0)
		return rc;
	while (!ask && (rc = nd_sql_step(c->st, stmt, "heads", err)) > 0)
		ask = sqlite3_column_int(stmt, 2) ||
		      !nd_rev_hash_is(nd_revs_newest(c->revs, sqlite3_column_int64(stmt, 0), true),
				      stmt, 1);
	if (c->revs)
		sqlite3_finalize(stmt);
	return rc < 0 ? rc : ask ? nd_check_rows(c, "heads", HEAD_PROBLEMS, 0, err) : 0;
}

/* ---- the workflow's invariants ------------------------------------------- */

/* Where the revisions' pass kept the revisions, the invariants that need
 * their conflict flag (after the text in each row) walk the items against
 * it first, and ask the query only where an item is not as kept. */
static bool conflict_draft(struct nd_check *c, sqlite3_stmt *stmt)
{
	const struct nd_rev *r = sqlite3_column_type(stmt, 1) == SQLITE_INTEGER
				     ? nd_revs_find(c->revs, sqlite3_column_int64(stmt, 0),
						    sqlite3_column_int64(stmt, 1))
				     : NULL;
	return !r || r->conflict != 0;
}

static bool not_newest(struct nd_check *c, sqlite3_stmt *stmt)
{
	const struct nd_rev *r = nd_revs_newest(c->revs, sqlite3_column_int64(stmt, 0), false);
	return !r || sqlite3_column_type(stmt, 1) != SQLITE_INTEGER ||
	       sqlite3_column_int64(stmt, 1) != r->rev;
}

static const struct {
	const char *what;
	const char *sql; /* rows: (item id) or (item id, message) */
	bool (*ask)(struct nd_check *c, sqlite3_stmt *item); /* the walk's, or NULL */
} invariants[] = {
	{ "item whose current revision is missing",
	  "SELECT i.id FROM items i WHERE NOT EXISTS (SELECT 1 FROM revisions r "
	  "WHERE r.item_id = i.id AND r.rev = i.current_rev)",
	  NULL },
	{ "item whose current revision is a conflict draft",
	  "SELECT i.id FROM items i JOIN revisions r ON r.item_id = i.id AND r.rev = i.current_rev "
	  "WHERE r.conflict = 1",
	  conflict_draft },
	{ "current revision",
	  "SELECT i.id, printf('its current revision is %d but its newest is %d', i.current_rev, "
	  "x.newest) FROM items i JOIN (SELECT item_id, max(rev) AS newest FROM revisions "
	  "WHERE conflict = 0 GROUP BY item_id) x ON x.item_id = i.id "
	  "WHERE i.current_rev <> x.newest",
	  not_newest },
	{ "item in a state the workflow does not have",
	  "SELECT id FROM items WHERE state NOT IN (SELECT name FROM states)", NULL },
	{ "published item with no published revision",
	  "SELECT i.id FROM items i JOIN states s ON s.name = i.state "
	  "WHERE s.published AND i.published_rev IS NULL",
	  NULL },
	{ "item whose published revision is missing",
	  "SELECT i.id FROM items i WHERE i.published_rev IS NOT NULL AND NOT EXISTS "
	  "(SELECT 1 FROM revisions r WHERE r.item_id = i.id AND r.rev = i.published_rev)",
	  NULL },
	{ "state",
	  "SELECT i.id, printf('it is %s but its log last moved it to %s: a workflow event is "
	  "missing, or its state was set behind newsdesk''s back', i.state, "
	  "coalesce(e.to_state, 'nowhere')) FROM items i LEFT JOIN events e ON e.id = "
	  "(SELECT max(id) FROM events WHERE item_id = i.id AND to_state IS NOT NULL) "
	  "WHERE e.to_state IS NOT i.state",
	  NULL },
	{ "item with no 'file' or 'import' event",
	  "SELECT i.id FROM items i WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.item_id = i.id "
	  "AND e.verb IN ('file', 'import'))",
	  NULL },
	{ "two items at one place on a page",
	  "SELECT min(id) FROM items WHERE issue IS NOT NULL GROUP BY issue, page, position "
	  "HAVING count(*) > 1",
	  NULL },
	{ "item placed on a page but with no position",
	  "SELECT id FROM items WHERE issue IS NOT NULL AND (page IS NULL OR position IS NULL)",
	  NULL },
};

/* Whether an item is to be asked about (then the whole query runs, as
 * without the walk: its rows come in its plan's order). */
static int walk_invariant(struct nd_check *c, size_t i, bool *ask, struct nd_error *err)
{
	sqlite3_stmt *stmt;
	int rc = nd_sql_prepare(c->st, &stmt, err, "SELECT id, current_rev FROM items", NULL);
	if (rc < 0)
		return rc;
	while (!*ask && (rc = nd_sql_step(c->st, stmt, invariants[i].what, err)) > 0)
		*ask = invariants[i].ask(c, stmt);
	sqlite3_finalize(stmt);
	return rc < 0 ? rc : 0;
}

int nd_invariants_check(struct nd_check *c, struct nd_error *err)
{
	for (size_t i = 0; i < sizeof invariants / sizeof *invariants; i++) {
		bool ask = !c->revs || !invariants[i].ask;
		int rc = ask ? 0 : walk_invariant(c, i, &ask, err);
		if (rc == 0 && ask)
			rc = nd_check_rows(c, invariants[i].what, invariants[i].sql, 0, err);
		if (rc < 0)
			return rc;
	}
	return 0;
}
