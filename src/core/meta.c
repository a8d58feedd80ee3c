/* meta.c — reading and writing the meta table. */
#include "newsdesk/meta.h"
#include "newsdesk/store_sql.h"

#include <stdio.h>

int nd_meta_get(struct nd_store *st, const char *key, char *out, size_t size, struct nd_error *err)
{
	int rc = nd_sql_text(st, out, size, err, "reading settings",
			     "SELECT value FROM meta WHERE key = ?", "s", key);
	return rc < 0 ? rc : 0;
}

int nd_meta_set(struct nd_store *st, const char *key, const char *value, struct nd_error *err)
{
	int rc = nd_sql_exec(st, err, "saving settings",
			     "INSERT INTO meta(key, value) VALUES (?, ?) "
			     "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
			     "ss", key, value);
	return rc < 0 ? rc : 0;
}
