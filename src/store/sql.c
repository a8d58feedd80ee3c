/* sql.c — the one way core modules run SQL: prepare with bound arguments,
 * step telling SQLITE_DONE from an error, and roll back the transaction in
 * progress when a step fails, so an error can never be read as "no more
 * rows" and a caller can never commit half a change. */
#include "newsdesk/buf.h"
#include "newsdesk/chain.h"
#include "newsdesk/lang.h"
#include "newsdesk/layout.h"
#include "newsdesk/sha256.h"
#include "newsdesk/store_sql.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int (*fault_hook)(const char *sql);

void nd_sql_set_fault(int (*hook)(const char *sql))
{
	fault_hook = hook;
}

int nd_sql_step(struct nd_store *st, sqlite3_stmt *stmt, const char *what, struct nd_error *err)
{
	int rc;
	if (fault_hook && fault_hook(sqlite3_sql(stmt)))
		rc = nd_fail(err, ND_EDB, _("%s: disk I/O error (injected)"), what);
	else {
		int step = sqlite3_step(stmt);
		if (step == SQLITE_ROW)
			return 1;
		if (step == SQLITE_DONE)
			return 0;
		rc = nd_store_fail(st, err, what);
	}
	/* The statement may hold a read cursor: reset it before rolling back. */
	sqlite3_reset(stmt);
	nd_store_rollback(st);
	return rc;
}

static int bind_args(sqlite3_stmt *stmt, const char *fmt, va_list ap)
{
	int rc = SQLITE_OK;
	/* A format that does not match the query is a bug: refuse to run it. */
	if ((int)(fmt ? strlen(fmt) : 0) != sqlite3_bind_parameter_count(stmt))
		return SQLITE_RANGE;
	for (int i = 0; fmt && fmt[i] && rc == SQLITE_OK; i++) {
		switch (fmt[i]) {
		case 's':
			rc = nd_bind_text(stmt, i + 1, va_arg(ap, const char *));
			break;
		case 'i':
			rc = sqlite3_bind_int64(stmt, i + 1, va_arg(ap, int64_t));
			break;
		case 'd':
			rc = sqlite3_bind_int(stmt, i + 1, va_arg(ap, int));
			break;
		case 'b': {
			const void *p = va_arg(ap, const void *);
			size_t n = va_arg(ap, size_t);
			/* not copied: a photo's tens of MB would be held twice.
			   Every statement is stepped and finalized while the
			   caller still holds the bytes (no blob is bound by
			   nd_sql_prepare's callers today; one that does keeps
			   them until it finalizes). */
			rc = sqlite3_bind_blob64(stmt, i + 1, n ? p : "", n, SQLITE_STATIC);
			break;
		}
		default:
			rc = sqlite3_bind_null(stmt, i + 1);
			break;
		}
	}
	return rc;
}

static int vprepare(struct nd_store *st, sqlite3_stmt **stmt, struct nd_error *err, const char *sql,
		    const char *fmt, va_list ap)
{
	int rc = nd_store_prepare(st, sql, stmt, err);
	if (rc < 0)
		return rc;
	if (bind_args(*stmt, fmt, ap) != SQLITE_OK) {
		rc = nd_fail(err, ND_EDB, _("binding the arguments of: %s"), sql);
		sqlite3_finalize(*stmt);
		*stmt = NULL;
	}
	return rc;
}

int nd_sql_prepare(struct nd_store *st, sqlite3_stmt **stmt, struct nd_error *err, const char *sql,
		   const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int rc = vprepare(st, stmt, err, sql, fmt, ap);
	va_end(ap);
	return rc;
}

int nd_sql_exec(struct nd_store *st, struct nd_error *err, const char *what, const char *sql,
		const char *fmt, ...)
{
	sqlite3_stmt *stmt;
	va_list ap;
	va_start(ap, fmt);
	int rc = vprepare(st, &stmt, err, sql, fmt, ap);
	va_end(ap);
	if (rc < 0)
		return rc;
	while ((rc = nd_sql_step(st, stmt, what, err)) > 0)
		;
	if (rc == 0)
		rc = sqlite3_changes(nd_store_db(st));
	sqlite3_finalize(stmt);
	return rc;
}

int nd_sql_int(struct nd_store *st, int64_t *out, struct nd_error *err, const char *what,
	       const char *sql, const char *fmt, ...)
{
	sqlite3_stmt *stmt;
	va_list ap;
	va_start(ap, fmt);
	int rc = vprepare(st, &stmt, err, sql, fmt, ap);
	va_end(ap);
	if (rc < 0)
		return rc;
	if ((rc = nd_sql_step(st, stmt, what, err)) > 0)
		*out = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return rc;
}

int nd_sql_text(struct nd_store *st, char *out, size_t size, struct nd_error *err, const char *what,
		const char *sql, const char *fmt, ...)
{
	sqlite3_stmt *stmt;
	va_list ap;
	if (size)
		out[0] = '\0';
	va_start(ap, fmt);
	int rc = vprepare(st, &stmt, err, sql, fmt, ap);
	va_end(ap);
	if (rc < 0)
		return rc;
	if ((rc = nd_sql_step(st, stmt, what, err)) > 0 && size) {
		const char *t = (const char *)sqlite3_column_text(stmt, 0);
		snprintf(out, size, "%s", t ? t : "");
	}
	sqlite3_finalize(stmt);
	return rc;
}

int nd_sql_collect(struct nd_store *st, sqlite3_stmt *stmt, void *arr, size_t *n, size_t elem_size,
		   nd_sql_fill_fn fill, struct nd_error *err, const char *what)
{
	char *items;
	size_t cap = *n;
	int rc;
	memcpy(&items, arr, sizeof items);
	while ((rc = nd_sql_step(st, stmt, what, err)) > 0) {
		if (*n == cap) {
			size_t ncap = cap ? cap * 2 : 16;
			char *grown = realloc(items, ncap * elem_size);
			if (!grown) {
				rc = nd_fail(err, ND_ENOMEM, _("out of memory"));
				break;
			}
			items = grown;
			cap = ncap;
		}
		char *elem = items + *n * elem_size;
		memset(elem, 0, elem_size);
		(*n)++;
		if ((rc = fill(stmt, elem)) < 0)
			break;
	}
	memcpy(arr, &items, sizeof items);
	sqlite3_finalize(stmt);
	return rc < 0 ? rc : 0;
}

int nd_sql_list(struct nd_store *st, void *arr, size_t *n, size_t elem_size, nd_sql_fill_fn fill,
		struct nd_error *err, const char *what, const char *sql, const char *fmt, ...)
{
	sqlite3_stmt *stmt;
	va_list ap;
	va_start(ap, fmt);
	int rc = vprepare(st, &stmt, err, sql, fmt, ap);
	va_end(ap);
	if (rc < 0)
		return rc;
	return nd_sql_collect(st, stmt, arr, n, elem_size, fill, err, what);
}

int nd_sql_each(struct nd_store *st, nd_sql_row_fn row, void *ctx, struct nd_error *err,
		const char *what, const char *sql, const char *fmt, ...)
{
	sqlite3_stmt *stmt;
	va_list ap;
	va_start(ap, fmt);
	int rc = vprepare(st, &stmt, err, sql, fmt, ap);
	va_end(ap);
	if (rc < 0)
		return rc;
	int n = 0;
	while ((rc = nd_sql_step(st, stmt, what, err)) > 0) {
		if ((rc = row(stmt, ctx)) < 0)
			break;
		n++;
	}
	sqlite3_finalize(stmt);
	return rc < 0 ? rc : n;
}

/* The story of nd_hanzi()'s and nd_lines()'s six arguments: kicker,
 * headline, subhead, dateline, byline, body (a revision's columns). */
static void story_of(sqlite3_value **argv, struct nd_story *s)
{
	memset(s, 0, sizeof *s);
	char **fields[] = { &s->kicker,   &s->headline, &s->subhead,
			    &s->dateline, &s->byline,   &s->body };
	for (int i = 0; i < 6; i++)
		*fields[i] = (char *)sqlite3_value_text(argv[i]);
}

/* nd_hanzi(kicker, headline, subhead, dateline, byline, body): 汉字 */
static void hanzi_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct nd_story s;
	(void)argc;
	story_of(argv, &s);
	sqlite3_result_int64(ctx, nd_story_hanzi(&s));
}

/* nd_chars(kicker, headline, subhead, dateline, byline, body[, rule]):
 * 字数 (count.h) by Word's rule, or by the rule named ('word', 'marks'; NULL
 * or '' is Word's). Six arguments always mean Word's rule, whatever this
 * process counts by: that is what migration word_counts counted by. */
static void chars_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct nd_story s;
	long body;
	int rule = argc > 6 ? nd_count_rule_parse((const char *)sqlite3_value_text(argv[6]))
			    : ND_COUNT_WORD;
	if (rule < 0) {
		sqlite3_result_error(ctx, "nd_chars: no such counting rule", -1);
		return;
	}
	story_of(argv, &s);
	sqlite3_result_int64(ctx, nd_story_chars_by(&s, &body, (enum nd_count_rule)rule));
}

/* nd_lines(kicker, headline, subhead, dateline, byline, body): the line
 * profile 版面字数 is computed from (layout.h). */
static void lines_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct nd_story s;
	(void)argc;
	story_of(argv, &s);
	char *profile = nd_layout_profile(&s);
	if (!profile) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	sqlite3_result_text(ctx, profile, -1, free);
}

/* nd_counts_same(chars, body_chars, hanzi, lines, kicker, headline,
 * subhead, dateline, byline, body, rule): 1 when the stored counts (the
 * first four) are the story's, 字数 by the rule named as nd_chars takes it,
 * else 0 (a NULL is never the same). One reading of the text counts them
 * all (layout.h: nd_story_measure): check --full recounts every revision
 * with it. */
static void counts_same_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct nd_story s;
	(void)argc;
	int rule = nd_count_rule_parse((const char *)sqlite3_value_text(argv[10]));
	if (rule < 0) {
		sqlite3_result_error(ctx, "nd_counts_same: no such counting rule", -1);
		return;
	}
	for (int i = 0; i < 4; i++)
		if (sqlite3_value_type(argv[i]) == SQLITE_NULL) {
			sqlite3_result_int(ctx, 0);
			return;
		}
	story_of(argv + 4, &s);
	struct nd_story_measure m;
	if (nd_story_measure(&s, (enum nd_count_rule)rule, &m) < 0) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	bool same = m.chars == sqlite3_value_int64(argv[0]) &&
		    m.body_chars == sqlite3_value_int64(argv[1]) &&
		    m.hanzi == sqlite3_value_int64(argv[2]) &&
		    strcmp(m.profile, (const char *)sqlite3_value_text(argv[3])) == 0;
	free(m.profile);
	sqlite3_result_int(ctx, same);
}

/* nd_layout(profile, cpl): 版面字数; NULL for a profile or cpl it cannot
 * count (a figure never guessed). */
static void layout_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct nd_layout l;
	(void)argc;
	const char *profile = (const char *)sqlite3_value_text(argv[0]);
	if (nd_layout_count(profile, sqlite3_value_int(argv[1]), &l) < 0)
		sqlite3_result_null(ctx);
	else
		sqlite3_result_int64(ctx, l.chars);
}

int nd_sql_functions(sqlite3 *db)
{
	const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
	int rc = nd_chain_register(db);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "nd_hanzi", 6, flags, NULL, hanzi_fn, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "nd_chars", 6, flags, NULL, chars_fn, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "nd_chars", 7, flags, NULL, chars_fn, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "nd_lines", 6, flags, NULL, lines_fn, NULL, NULL);
	if (rc == SQLITE_OK)
		rc =
		    sqlite3_create_function(db, "nd_layout", 2, flags, NULL, layout_fn, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "nd_counts_same", 11, flags, NULL, counts_same_fn,
					     NULL, NULL);
	return rc;
}
