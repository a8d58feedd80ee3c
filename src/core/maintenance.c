/* maintenance.c — check. (Backup and restore: backup.c.) */
#include "newsdesk/maintenance.h"
#include "newsdesk/files.h"
#include "newsdesk/store_sql.h"
#include "newsdesk/walcheck.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* The schema's invariants: each a query whose rows are problems. */
static const struct {
	const char *what;
	const char *sql;
} invariants[] = {
	{ "item whose current revision is missing",
	  "SELECT i.id FROM items i WHERE NOT EXISTS (SELECT 1 FROM revisions r "
	  "WHERE r.item_id = i.id AND r.rev = i.current_rev)" },
	{ "item whose current revision is a conflict draft",
	  "SELECT i.id FROM items i JOIN revisions r ON r.item_id = i.id AND r.rev = i.current_rev "
	  "WHERE r.conflict = 1" },
	{ "item in a state the workflow does not have",
	  "SELECT id FROM items WHERE state NOT IN (SELECT name FROM states)" },
	{ "published item with no published revision",
	  "SELECT id FROM items WHERE state = 'published' AND published_rev IS NULL" },
	{ "item whose published revision is missing",
	  "SELECT i.id FROM items i WHERE i.published_rev IS NOT NULL AND NOT EXISTS "
	  "(SELECT 1 FROM revisions r WHERE r.item_id = i.id AND r.rev = i.published_rev)" },
	{ "item with revisions numbered with a gap",
	  "SELECT item_id FROM revisions GROUP BY item_id HAVING max(rev) <> count(*)" },
	{ "item with no 'file' or 'import' event",
	  "SELECT i.id FROM items i WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.item_id = i.id "
	  "AND e.verb IN ('file', 'import'))" },
	{ "two items at one place on a page",
	  "SELECT min(id) FROM items WHERE issue IS NOT NULL GROUP BY issue, page, position "
	  "HAVING count(*) > 1" },
	{ "item placed on a page but with no position",
	  "SELECT id FROM items WHERE issue IS NOT NULL AND (page IS NULL OR position IS NULL)" },
	{ "state whose kept count is wrong (the desk's title line would lie)",
	  "SELECT count(*) FROM (SELECT s.name FROM states s LEFT JOIN state_counts c ON c.state = s.name "
	  "WHERE coalesce(c.n, 0) <> (SELECT count(*) FROM items i WHERE i.state = s.name)) HAVING count(*) > 0" },
	{ "item the search index has lost",
	  "SELECT i.id FROM items i JOIN revisions r ON r.item_id = i.id AND r.rev = i.current_rev "
	  "WHERE NOT EXISTS (SELECT 1 FROM search_docsize d WHERE d.id = r.id)" },
	/* (search itself, being external content, would read revisions: the
	 * docsize shadow table holds one row per document indexed) */
};

int nd_check(struct nd_store *st, const struct nd_actor *actor, struct nd_buf *report,
	     struct nd_error *err)
{
	sqlite3_stmt *stmt;
	int problems = 0;
	int rc = nd_require_rank(actor, ND_RANK_EDITOR, "check the store", err);
	if (rc < 0)
		return rc;
	if ((rc = nd_store_prepare(st, "PRAGMA integrity_check", &stmt, err)) < 0)
		return rc;
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		const char *r = (const char *)sqlite3_column_text(stmt, 0);
		if (r && strcmp(r, "ok") != 0) {
			nd_buf_printf(report, "integrity: %s\n", r);
			problems++;
		}
	}
	sqlite3_finalize(stmt);
	if ((rc = nd_store_prepare(st, "PRAGMA foreign_key_check", &stmt, err)) < 0)
		return rc;
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		nd_buf_printf(report, "foreign key: %s row %lld refers to a missing %s\n",
			      sqlite3_column_text(stmt, 0),
			      (long long)sqlite3_column_int64(stmt, 1),
			      sqlite3_column_text(stmt, 2));
		problems++;
	}
	sqlite3_finalize(stmt);
	for (size_t i = 0; i < sizeof invariants / sizeof *invariants; i++) {
		if ((rc = nd_store_prepare(st, invariants[i].sql, &stmt, err)) < 0)
			return rc;
		while (sqlite3_step(stmt) == SQLITE_ROW) {
			nd_buf_printf(report, "#%lld: %s\n",
				      (long long)sqlite3_column_int64(stmt, 0), invariants[i].what);
			problems++;
		}
		sqlite3_finalize(stmt);
	}
	problems += nd_wal_check(nd_store_path(st), report); /* walcheck.c */
	return problems;
}
