/* store_sql.h — for core modules only: the SQLite handle and helpers for
 * prepared statements. tui/ and cli/ never include this. */
#ifndef NEWSDESK_STORE_SQL_H
#define NEWSDESK_STORE_SQL_H

#include "newsdesk/store.h"

#include <sqlite3.h>
#include <stddef.h>

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

/* The SQL idiom every core module uses (src/store/sql.c). Each step tells
 * SQLITE_DONE from an error; an error fills err with what failed and
 * SQLite's message and rolls back the transaction in progress, so a
 * half-done change can never be committed after it.
 *
 * Arguments are bound by a format, one letter a parameter in order:
 *   s  const char *  (NULL binds NULL)
 *   i  int64_t
 *   d  int
 *   b  const void *, size_t  (a blob and its length)
 *   -  NULL (takes no argument) */

/* Steps once: 1 a row, 0 done, < 0 an error. */
int nd_sql_step(struct nd_store *st, sqlite3_stmt *stmt, const char *what, struct nd_error *err);

/* Prepares sql and binds fmt's arguments. */
int nd_sql_prepare(struct nd_store *st, sqlite3_stmt **stmt, struct nd_error *err, const char *sql,
		   const char *fmt, ...);

/* Runs a statement that returns no rows: the number of rows it changed,
 * or < 0. */
int nd_sql_exec(struct nd_store *st, struct nd_error *err, const char *what, const char *sql,
		const char *fmt, ...);

/* The first column of the first row as an integer: 1 when there is a row,
 * 0 when there is none (*out untouched), < 0 on error. */
int nd_sql_int(struct nd_store *st, int64_t *out, struct nd_error *err, const char *what,
	       const char *sql, const char *fmt, ...);

/* Column 0 of the first row as text, copied into out (cut to size): 1
 * when there is a row, 0 when there is none (out is ""), < 0 on error. */
int nd_sql_text(struct nd_store *st, char *out, size_t size, struct nd_error *err, const char *what,
		const char *sql, const char *fmt, ...);

/* Reads every row of stmt (then finalizes it) into a growing array of
 * elem_size elements: *(T **)arr and *n grow as rows come, each element
 * zeroed and then filled by fill(stmt, elem), which returns 0 or < 0 to
 * stop. On error the rows read so far stay for the caller to free as it
 * always does. nd_sql_list prepares and binds first. */
typedef int (*nd_sql_fill_fn)(sqlite3_stmt *stmt, void *elem);
int nd_sql_collect(struct nd_store *st, sqlite3_stmt *stmt, void *arr, size_t *n, size_t elem_size,
		   nd_sql_fill_fn fill, struct nd_error *err, const char *what);
int nd_sql_list(struct nd_store *st, void *arr, size_t *n, size_t elem_size, nd_sql_fill_fn fill,
		struct nd_error *err, const char *what, const char *sql, const char *fmt, ...);

/* Calls row(stmt, ctx) for each row, in order; row returns 0 to go on or
 * < 0 to stop with that error. Returns the number of rows, or < 0. */
typedef int (*nd_sql_row_fn)(sqlite3_stmt *stmt, void *ctx);
int nd_sql_each(struct nd_store *st, nd_sql_row_fn row, void *ctx, struct nd_error *err,
		const char *what, const char *sql, const char *fmt, ...);

/* Registers newsdesk's SQL functions on a connection: nd_chain(prev, …),
 * the hash that chains revisions, events and notes (schema:
 * history_hashes). */
int nd_sql_functions(sqlite3 *db);

/* For fault tests: hook(sql) is asked before every step; when it returns
 * non-zero the step fails as an I/O error would. NULL removes it. */
void nd_sql_set_fault(int (*hook)(const char *sql));

#endif
