/* meta.c — reading and writing the meta table. */
#include "newsdesk/meta.h"
#include "newsdesk/store_sql.h"

#include <stdio.h>

int nd_meta_get(struct nd_store *st, const char *key, char *out, size_t size, struct nd_error *err)
{
	sqlite3_stmt *stmt;
	int rc = nd_store_prepare(st, "SELECT value FROM meta WHERE key = ?", &stmt, err);
	if (size)
		out[0] = '\0';
	if (rc < 0)
		return rc;
	nd_bind_text(stmt, 1, key);
	int step = sqlite3_step(stmt);
	if (step == SQLITE_ROW)
		snprintf(out, size, "%s", (const char *)sqlite3_column_text(stmt, 0));
	else if (step != SQLITE_DONE)
		rc = nd_store_fail(st, err, "reading settings");
	sqlite3_finalize(stmt);
	return rc;
}

int nd_meta_set(struct nd_store *st, const char *key, const char *value, struct nd_error *err)
{
	sqlite3_stmt *stmt;
	int rc = nd_store_prepare(st,
				  "INSERT INTO meta(key, value) VALUES (?, ?) "
				  "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
				  &stmt, err);
	if (rc < 0)
		return rc;
	nd_bind_text(stmt, 1, key);
	nd_bind_text(stmt, 2, value);
	if (sqlite3_step(stmt) != SQLITE_DONE)
		rc = nd_store_fail(st, err, "saving settings");
	sqlite3_finalize(stmt);
	return rc;
}
