/* maintenance.c — backup and check. */
#include "newsdesk/maintenance.h"
#include "newsdesk/search.h"
#include "newsdesk/store_sql.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int fsync_path(const char *path)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	close(fd);
	return rc;
}

static int verify(const char *path, struct nd_error *err)
{
	struct nd_store *copy;
	sqlite3_stmt *stmt;
	int rc = nd_store_open(&copy, path, ND_STORE_READONLY, err);
	if (rc < 0) {
		nd_error_prefix(err, "the backup cannot be opened: ");
		return rc == ND_EDB ? ND_EIO : rc;
	}
	if ((rc = nd_sql_prepare(copy, &stmt, err, "PRAGMA integrity_check", NULL)) == 0) {
		if ((rc = nd_sql_step(copy, stmt, "checking the backup", err)) > 0) {
			const char *r = (const char *)sqlite3_column_text(stmt, 0);
			rc = r && strcmp(r, "ok") == 0
				 ? 0
				 : nd_fail(err, ND_EIO, "the backup fails integrity_check: %s",
					   r ? r : "?");
		} else if (rc == 0) {
			rc = nd_fail(err, ND_EIO, "the backup cannot be checked");
		}
		sqlite3_finalize(stmt);
	}
	if (rc == 0 &&
	    (rc = nd_sql_prepare(copy, &stmt, err, "PRAGMA foreign_key_check", NULL)) == 0) {
		if ((rc = nd_sql_step(copy, stmt, "checking the backup", err)) > 0)
			rc = nd_fail(err, ND_EIO, "the backup fails foreign_key_check (table %s)",
				     sqlite3_column_text(stmt, 0));
		sqlite3_finalize(stmt);
	}
	nd_store_close(copy);
	return rc;
}

int nd_backup(struct nd_store *st, const struct nd_actor *actor, const char *path,
	      struct nd_error *err)
{
	int rc = nd_require_rank(actor, ND_RANK_ADMIN, "make backups", err);
	if (rc < 0)
		return rc;
	char tmp[PATH_MAX];
	if (snprintf(tmp, sizeof tmp, "%s.partial-%d", path, (int)getpid()) >= (int)sizeof tmp)
		return nd_fail(err, ND_EINVAL, "backup path too long");
	unlink(tmp);
	sqlite3 *dest;
	if (sqlite3_open_v2(tmp, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
	    SQLITE_OK) {
		rc = nd_fail(err, ND_EIO, "cannot create %s: %s", tmp, sqlite3_errmsg(dest));
		sqlite3_close(dest);
		return rc;
	}
	sqlite3_backup *b = sqlite3_backup_init(dest, "main", nd_store_db(st), "main");
	if (!b) {
		rc = nd_fail(err, ND_EIO, "cannot start the backup: %s", sqlite3_errmsg(dest));
		sqlite3_close(dest);
		unlink(tmp);
		return rc;
	}
	/* A few pages at a time: writers are not held off for long; a write
	 * by another connection restarts the copy, which is what keeps it
	 * consistent. */
	int step;
	do {
		step = sqlite3_backup_step(b, 256);
		if (step == SQLITE_BUSY || step == SQLITE_LOCKED)
			sqlite3_sleep(20);
	} while (step == SQLITE_OK || step == SQLITE_BUSY || step == SQLITE_LOCKED);
	sqlite3_backup_finish(b);
	if (step != SQLITE_DONE) {
		rc = nd_fail(err, ND_EIO, "the backup failed: %s", sqlite3_errstr(step));
		sqlite3_close(dest);
		unlink(tmp);
		return rc;
	}
	sqlite3_exec(dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
	sqlite3_close(dest);
	if (fsync_path(tmp) < 0 || (rc = verify(tmp, err)) < 0) {
		if (rc == 0)
			rc = nd_fail(err, ND_EIO, "cannot sync %s: %s", tmp, strerror(errno));
		unlink(tmp);
		return rc;
	}
	if (rename(tmp, path) < 0) {
		rc =
		    nd_fail(err, ND_EIO, "cannot move the backup to %s: %s", path, strerror(errno));
		unlink(tmp);
		return rc;
	}
	/* make the rename itself durable */
	char dir[PATH_MAX];
	snprintf(dir, sizeof dir, "%s", path);
	char *slash = strrchr(dir, '/');
	if (slash)
		*slash = '\0';
	else
		snprintf(dir, sizeof dir, ".");
	fsync_path(dir);
	return 0;
}

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
	  "SELECT i.id FROM items i JOIN states s ON s.name = i.state "
	  "WHERE s.published AND i.published_rev IS NULL" },
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
	/* (the search index: nd_search_check) */
};

int nd_check(struct nd_store *st, const struct nd_actor *actor, struct nd_buf *report,
	     struct nd_error *err)
{
	sqlite3_stmt *stmt;
	int problems = 0;
	int rc = nd_require_rank(actor, ND_RANK_EDITOR, "check the store", err);
	if (rc < 0)
		return rc;
	if ((rc = nd_sql_prepare(st, &stmt, err, "PRAGMA integrity_check", NULL)) < 0)
		return rc;
	while ((rc = nd_sql_step(st, stmt, "checking integrity", err)) > 0) {
		const char *r = (const char *)sqlite3_column_text(stmt, 0);
		if (r && strcmp(r, "ok") != 0) {
			nd_buf_printf(report, "integrity: %s\n", r);
			problems++;
		}
	}
	sqlite3_finalize(stmt);
	if (rc < 0 || (rc = nd_sql_prepare(st, &stmt, err, "PRAGMA foreign_key_check", NULL)) < 0)
		return rc;
	while ((rc = nd_sql_step(st, stmt, "checking foreign keys", err)) > 0) {
		nd_buf_printf(report, "foreign key: %s row %lld refers to a missing %s\n",
			      sqlite3_column_text(stmt, 0),
			      (long long)sqlite3_column_int64(stmt, 1),
			      sqlite3_column_text(stmt, 2));
		problems++;
	}
	sqlite3_finalize(stmt);
	if (rc < 0)
		return rc;
	for (size_t i = 0; i < sizeof invariants / sizeof *invariants; i++) {
		if ((rc = nd_sql_prepare(st, &stmt, err, invariants[i].sql, NULL)) < 0)
			return rc;
		while ((rc = nd_sql_step(st, stmt, invariants[i].what, err)) > 0) {
			nd_buf_printf(report, "#%lld: %s\n",
				      (long long)sqlite3_column_int64(stmt, 0), invariants[i].what);
			problems++;
		}
		sqlite3_finalize(stmt);
		if (rc < 0)
			return rc;
	}
	if ((rc = nd_search_check(st, report, err)) < 0)
		return rc;
	return problems + rc;
}
