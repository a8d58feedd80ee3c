/* search_index.c — the search indexes' upkeep (search_index.h): the
 * check that they hold exactly what a search may find, and their rebuild.
 * The queries that read them are search.c's. */
#include "newsdesk/search_index.h"
#include "newsdesk/lang.h"
#include "newsdesk/store_sql.h"

#include <stdio.h>
#include <string.h>

/* What the index must hold: each a query whose rows are problems. The
 * docsize shadow table has one row per indexed revision (search itself,
 * being external content, would read the revisions). */
static const struct {
	const char *what;
	const char *sql;
} index_checks[] = {
	{ "item the search index has lost",
	  "SELECT i.id FROM items i JOIN states s ON s.name = i.state "
	  "JOIN revisions r ON r.item_id = i.id AND r.rev = i.current_rev "
	  "WHERE NOT s.withdrawn AND NOT EXISTS (SELECT 1 FROM search_docsize d WHERE d.id = r.id)" },
	{ "text the search index holds but should not (an old revision or a withdrawn item: "
	  "search would find words it no longer has)",
	  "SELECT coalesce(r.item_id, 0) FROM search_docsize d LEFT JOIN revisions r ON r.id = d.id "
	  "LEFT JOIN items i ON i.id = r.item_id AND i.current_rev = r.rev "
	  "LEFT JOIN states s ON s.name = i.state WHERE i.id IS NULL OR s.withdrawn" },
	{ "item the headline index has lost",
	  "SELECT i.id FROM items i JOIN states s ON s.name = i.state "
	  "JOIN revisions r ON r.item_id = i.id AND r.rev = i.current_rev "
	  "WHERE NOT s.withdrawn AND NOT EXISTS (SELECT 1 FROM search_head_docsize d "
	  "WHERE d.id = r.id)" },
	{ "headline the headline index holds but should not (an old revision or a withdrawn item)",
	  "SELECT coalesce(r.item_id, 0) FROM search_head_docsize d "
	  "LEFT JOIN revisions r ON r.id = d.id "
	  "LEFT JOIN items i ON i.id = r.item_id AND i.current_rev = r.rev "
	  "LEFT JOIN states s ON s.name = i.state WHERE i.id IS NULL OR s.withdrawn" },
};

int nd_search_check(struct nd_store *st, struct nd_buf *report, struct nd_error *err)
{
	int problems = 0;
	for (size_t c = 0; c < sizeof index_checks / sizeof *index_checks; c++) {
		sqlite3_stmt *stmt;
		int rc = nd_sql_prepare(st, &stmt, err, index_checks[c].sql, NULL);
		if (rc < 0)
			return rc;
		while ((rc = nd_sql_step(st, stmt, index_checks[c].what, err)) > 0) {
			nd_buf_printf(report, "#%lld: %s\n",
				      (long long)sqlite3_column_int64(stmt, 0),
				      index_checks[c].what);
			problems++;
		}
		sqlite3_finalize(stmt);
		if (rc < 0)
			return rc;
	}
	/* the headline index's own structure (check runs the main one's) */
	int rc =
	    nd_sql_exec(st, err, "checking the headline index",
			"INSERT INTO search_head(search_head) VALUES ('integrity-check')", NULL);
	return rc < 0 ? rc : problems;
}

/* The two indexes (migration search_fold): all the text, and the headlines alone. */
static const struct {
	const char *table, *columns, *what;
} indexes[] = {
	{ "search", "kicker, headline, subhead, dateline, byline, body", "the search index" },
	{ "search_head", "headline", "the headline index" },
};

/* Puts an index's shadow tables back as CREATE VIRTUAL TABLE leaves them
 * (FTS5's empty index: the averages and structure records, format version
 * 4), for an index too damaged to open. */
static int reset_index(struct nd_store *st, const char *t, struct nd_error *err)
{
	static const char *const steps[] = {
		"DELETE FROM %s_data",
		"DELETE FROM %s_idx",
		"DELETE FROM %s_docsize",
		"INSERT INTO %s_data(id, block) VALUES (1, X''), (10, X'00000000000000')",
		"INSERT OR REPLACE INTO %s_config(k, v) VALUES ('version', 4)",
	};
	int rc = 0;
	for (size_t i = 0; i < sizeof steps / sizeof *steps && rc >= 0; i++) {
		char sql[160];
		snprintf(sql, sizeof sql, steps[i], t);
		rc = nd_sql_exec(st, err, "resetting the index", sql, NULL);
	}
	return rc;
}

/* Clears an index and adds the current revisions of the items a search may
 * find, as migration search_no_positions does ('rebuild' would read every revision). */
static int fill_index(struct nd_store *st, size_t k, bool fresh, struct nd_error *err)
{
	char sql[640];
	snprintf(sql, sizeof sql, "INSERT INTO %s(%s) VALUES ('delete-all')", indexes[k].table,
		 indexes[k].table);
	int rc = nd_sql_exec(st, err, "clearing the index", sql, NULL);
	/* only the index that cannot be cleared is reset: FTS5 keeps the
	   structure of one it has opened, and must not find it changed */
	if (rc == ND_EDB && fresh) {
		memset(err, 0, sizeof *err);
		rc = reset_index(st, indexes[k].table, err);
	}
	/* the inner LIMIT keeps it from being flattened: nd_progress counts
	   the rows indexed, not every revision an outer loop reads. The ids
	   in order: FTS5 writes its pending terms out whenever a rowid is
	   lower than the last, and in the items' order (an edited item's
	   revision is newer than the next item's) it wrote thousands of small
	   segments and merged them (4× the CPU at 100,000 items) */
	snprintf(
	    sql, sizeof sql,
	    "INSERT INTO %s(rowid, %s) SELECT r.id, %s FROM (SELECT r.id AS id "
	    "FROM items i JOIN states s ON s.name = i.state "
	    "JOIN revisions r ON r.item_id = i.id AND r.rev = i.current_rev "
	    "WHERE NOT s.withdrawn ORDER BY r.id LIMIT -1) AS x JOIN revisions r ON r.id = x.id "
	    "WHERE nd_progress('rebuilding %s', (SELECT count(*) FROM items))",
	    indexes[k].table, indexes[k].columns, indexes[k].columns, indexes[k].what);
	return rc < 0 ? rc : nd_sql_exec(st, err, "rebuilding the index", sql, NULL);
}

/* fresh: an index too damaged to clear is reset (a second try, when the
 * first failed on a damaged index). */
static int rebuild(struct nd_store *st, bool fresh, int64_t *indexed, struct nd_error *err)
{
	int rc = nd_store_begin(st, err);
	if (rc < 0)
		return rc;
	for (size_t k = 0; k < sizeof indexes / sizeof *indexes; k++) {
		if ((rc = fill_index(st, k, fresh, err)) < 0) {
			nd_store_rollback(st);
			return rc;
		}
		if (k == 0)
			*indexed = rc;
	}
	return nd_store_commit(st, err);
}

int nd_search_rebuild(struct nd_store *st, int64_t *indexed, struct nd_error *err)
{
	int rc = rebuild(st, false, indexed, err);
	return rc == ND_EDB ? rebuild(st, true, indexed, err) : rc;
}

int nd_search_reindex(struct nd_store *st, const struct nd_actor *actor, int64_t *indexed,
		      struct nd_error *err)
{
	int rc = nd_require_rank(actor, ND_RANK_ADMIN, N_("rebuild the search index"), err);
	return rc < 0 ? rc : nd_search_rebuild(st, indexed, err);
}
