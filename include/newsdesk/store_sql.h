/* store_sql.h — for core modules only: the SQLite handle and helpers for
 * prepared statements. tui/ and cli/ never include this. */
#ifndef NEWSDESK_STORE_SQL_H
#define NEWSDESK_STORE_SQL_H

#include "newsdesk/store.h"

#include <sqlite3.h>

sqlite3 *nd_store_db(struct nd_store *st);

/* Prepares sql; on failure fills err with SQLite's message. */
int nd_store_prepare(struct nd_store *st, const char *sql, sqlite3_stmt **stmt,
		     struct nd_error *err);

/* Fills err from the connection's last error, prefixed with what failed. */
int nd_store_fail(struct nd_store *st, struct nd_error *err, const char *what);

/* Binds text, or NULL when s is NULL. */
int nd_bind_text(sqlite3_stmt *stmt, int idx, const char *s);

/* A malloc'd copy of a text column, or NULL when the column is NULL. */
char *nd_column_dup(sqlite3_stmt *stmt, int col);

#endif
