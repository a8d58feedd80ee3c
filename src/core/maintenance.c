/* maintenance.c — backup (check is check.c). */
#include "newsdesk/maintenance.h"
#include "newsdesk/files.h"
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

int nd_backup(struct nd_store *st, const struct nd_actor *actor, const char *path, bool force,
	      struct nd_error *err)
{
	int rc = nd_require_rank(actor, ND_RANK_ADMIN, "make backups", err);
	if (rc < 0)
		return rc;
	/* 0660: the desk's group shares backups as it shares the database */
	struct nd_output out;
	if ((rc = nd_output_open(&out, path, ND_OUT_SHARED | (force ? ND_OUT_FORCE : 0), err)) < 0)
		return rc;
	close(out.fd); /* SQLite writes the temporary file by its name */
	out.fd = -1;
	nd_protect(out.tmp, true);
	sqlite3 *dest;
	if (sqlite3_open_v2(out.tmp, &dest, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		rc = nd_fail(err, ND_EIO, "cannot create %s: %s", out.tmp, sqlite3_errmsg(dest));
		sqlite3_close(dest);
		nd_output_abort(&out);
		return rc;
	}
	sqlite3_backup *b = sqlite3_backup_init(dest, "main", nd_store_db(st), "main");
	if (!b) {
		rc = nd_fail(err, ND_EIO, "cannot start the backup: %s", sqlite3_errmsg(dest));
		sqlite3_close(dest);
		nd_output_abort(&out);
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
		nd_output_abort(&out);
		return rc;
	}
	sqlite3_exec(dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
	sqlite3_close(dest);
	if (fsync_path(out.tmp) < 0 || (rc = verify(out.tmp, err)) < 0) {
		if (rc == 0)
			rc = nd_fail(err, ND_EIO, "cannot sync %s: %s", out.tmp, strerror(errno));
		nd_output_abort(&out);
		return rc;
	}
	/* renamed (or linked, never over an existing file unless forced) and
	   the folder synced, so the backup's name is durable too */
	return nd_output_commit(&out, err);
}
