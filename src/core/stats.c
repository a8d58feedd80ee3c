/* stats.c — the yearly stats (stats.h). The figures of whole days come
 * from the summary the schema keeps by triggers (stat_days: one row a
 * reporter and UTC day); the part days at a year's ends, where the
 * reader's midnight falls inside a UTC day, are counted from the items
 * themselves by their filing and publishing times (indexed). 版面字数 is at
 * the publication's 字/行 (measure.h); the schema counts every day again
 * when that setting changes. */
#include "newsdesk/stats.h"
#include "newsdesk/lang.h"
#include "newsdesk/measure.h"
#include "newsdesk/store_sql.h"

#include <stdlib.h>
#include <time.h>

#define DAY 86400
#define STAT_COLUMNS "day, reporter, filed, published, chars, hanzi, layout"

static int64_t year_start(int year)
{
	struct tm tm = { 0 };
	tm.tm_year = year - 1900;
	tm.tm_mday = 1;
	tm.tm_isdst = -1;
	return (int64_t)mktime(&tm);
}

/* The first whole UTC day at or after t, and the day t falls in. */
static int64_t day_ceil(int64_t t)
{
	return t >= 0 ? (t + DAY - 1) / DAY : -((-t) / DAY);
}

static int64_t day_floor(int64_t t)
{
	return t >= 0 ? t / DAY : -((-t + DAY - 1) / DAY);
}

static int fill_stat(sqlite3_stmt *stmt, void *elem)
{
	struct nd_stat_row *r = elem;
	r->reporter = nd_column_dup(stmt, 0);
	r->name = nd_column_dup(stmt, 1);
	r->filed = (long)sqlite3_column_int64(stmt, 2);
	r->published = (long)sqlite3_column_int64(stmt, 3);
	r->published_chars = (long)sqlite3_column_int64(stmt, 4);
	r->published_hanzi = (long)sqlite3_column_int64(stmt, 5);
	r->published_layout = (long)sqlite3_column_int64(stmt, 6);
	return 0;
}

/* [:a, :b) is the year; [:da, :db) its whole UTC days (:a ≤ :da·DAY ≤
 * :db·DAY ≤ :b, a year being longer than a day). */
static const char stats_sql[] =
    "WITH parts(reporter, filed, published, chars, hanzi, layout) AS ("
    " SELECT reporter, filed, published, chars, hanzi, layout FROM stat_days"
    " WHERE day >= :da AND day < :db"
    " UNION ALL SELECT reporter, 1, 0, 0, 0, 0 FROM items"
    " WHERE (filed_at >= :a AND filed_at < :da * 86400)"
    " OR (filed_at >= :db * 86400 AND filed_at < :b)"
    " UNION ALL SELECT i.reporter, 0, 1, coalesce(c.chars, 0), coalesce(c.hanzi, 0),"
    " coalesce(nd_layout(c.lines, " ND_SQL_CPL_PUBLICATION "), 0) FROM items i"
    " LEFT JOIN revisions r ON r.item_id = i.id AND r.rev = i.published_rev"
    " LEFT JOIN revision_counts c ON c.revision_id = r.id"
    " WHERE (i.published_at >= :a AND i.published_at < :da * 86400)"
    " OR (i.published_at >= :db * 86400 AND i.published_at < :b)),"
    " sums AS (SELECT reporter, sum(filed) AS filed, sum(published) AS published,"
    " sum(chars) AS chars, sum(hanzi) AS hanzi, sum(layout) AS layout FROM parts"
    " WHERE :who IS NULL OR reporter = :who GROUP BY reporter) "
    "SELECT u.login, u.name, coalesce(s.filed, 0), coalesce(s.published, 0),"
    " coalesce(s.chars, 0), coalesce(s.hanzi, 0), coalesce(s.layout, 0)"
    " FROM users u LEFT JOIN sums s ON s.reporter = u.login"
    " WHERE (:who IS NULL OR u.login = :who)"
    " AND EXISTS (SELECT 1 FROM items i WHERE i.reporter = u.login)"
    " ORDER BY 5 DESC, 3 DESC, 1";

static void bind(sqlite3_stmt *stmt, const char *name, int64_t v)
{
	sqlite3_bind_int64(stmt, sqlite3_bind_parameter_index(stmt, name), v);
}

int nd_stats(struct nd_store *st, const struct nd_actor *actor, int year, const char *reporter,
	     struct nd_stat_row **rows, size_t *n, struct nd_error *err)
{
	sqlite3_stmt *stmt;
	*rows = NULL;
	*n = 0;
	if (actor->user.rank < ND_RANK_EDITOR)
		reporter = actor->user.login; /* reporters see their own line */
	int rc = nd_store_prepare(st, stats_sql, &stmt, err);
	if (rc < 0)
		return rc;
	int64_t a = year_start(year), b = year_start(year + 1);
	bind(stmt, ":a", a);
	bind(stmt, ":b", b);
	bind(stmt, ":da", day_ceil(a));
	bind(stmt, ":db", day_floor(b));
	nd_bind_text(stmt, sqlite3_bind_parameter_index(stmt, ":who"), reporter);
	if ((rc = nd_sql_collect(st, stmt, rows, n, sizeof **rows, fill_stat, err, "counting")) <
	    0) {
		nd_stats_free(*rows, *n);
		*rows = NULL;
		*n = 0;
	}
	return rc;
}

void nd_stats_free(struct nd_stat_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(rows[i].reporter);
		free(rows[i].name);
	}
	free(rows);
}

/* ---- the summary, kept ---------------------------------------------------------- */

/* The item's part of the figures (stat_items: filed on its day, published
 * on its day with its published revision's counts) added to or taken
 * from the summary. */
int nd_stats_item(struct nd_store *st, int64_t id, int sign, struct nd_error *err)
{
	int rc = nd_sql_exec(
	    st, err, "keeping the stats",
	    "INSERT INTO stat_days(day, reporter, filed, published, chars, hanzi, layout) "
	    "SELECT day, reporter, ?2 * filed, ?2 * published, ?2 * chars, ?2 * hanzi, "
	    "?2 * layout FROM stat_items WHERE item = ?1 "
	    "ON CONFLICT(day, reporter) DO UPDATE SET filed = filed + excluded.filed, "
	    "published = published + excluded.published, chars = chars + excluded.chars, "
	    "hanzi = hanzi + excluded.hanzi, layout = layout + excluded.layout",
	    "id", id, sign < 0 ? -1 : 1);
	if (rc >= 0 && sign < 0) /* a day that now holds nothing goes */
		rc = nd_sql_exec(st, err, "keeping the stats",
				 "DELETE FROM stat_days WHERE filed = 0 AND published = 0 AND "
				 "chars = 0 AND hanzi = 0 AND layout = 0 AND (day, reporter) IN "
				 "(SELECT day, reporter FROM stat_items WHERE item = ?1)",
				 "i", id);
	return rc < 0 ? rc : 0;
}

static int rebuild_in_tx(struct nd_store *st, struct nd_error *err)
{
	int rc = nd_sql_exec(st, err, "counting the stats again", "DELETE FROM stat_days", NULL);
	if (rc >= 0)
		rc = nd_sql_exec(st, err, "counting the stats again",
				 "INSERT INTO stat_days(" STAT_COLUMNS ") SELECT " STAT_COLUMNS
				 " FROM stat_days_truth",
				 NULL);
	return rc < 0 ? rc : 0;
}

int nd_stats_recount(struct nd_store *st, struct nd_error *err)
{
	return rebuild_in_tx(st, err);
}

/* ---- the summary, proved and rebuilt ------------------------------------------ */

#define STAT_FIGURES(T)                                                                            \
	"CASE WHEN " T                                                                             \
	".day IS NULL THEN 'nothing' ELSE printf('filed %d, published %d, 字数 %d, "             \
	"汉字 %d, 版面字数 %d', " T ".filed, " T ".published, " T ".chars, " T ".hanzi, " T        \
	".layout) END"

static const char verify_sql[] =
    "WITH kept AS (SELECT " STAT_COLUMNS " FROM stat_days"
    " WHERE filed OR published OR chars OR hanzi OR layout),"
    " truth AS MATERIALIZED (SELECT " STAT_COLUMNS " FROM stat_days_truth),"
    " bad AS (SELECT day, reporter FROM (SELECT * FROM kept EXCEPT SELECT * FROM truth)"
    " UNION SELECT day, reporter FROM (SELECT * FROM truth EXCEPT SELECT * FROM kept)) "
    "SELECT printf('the stats'' summary of %s (UTC) for %s holds %s, but the items say %s',"
    " date(b.day * 86400, 'unixepoch'), b.reporter,"
    " " STAT_FIGURES("k") ", " STAT_FIGURES(
	"t") ")"
	     " FROM bad b LEFT JOIN kept k ON k.day = b.day AND k.reporter = b.reporter"
	     " LEFT JOIN truth t ON t.day = b.day AND t.reporter = b.reporter ORDER BY b.day, b.reporter";

int nd_stats_verify(struct nd_store *st, struct nd_buf *report, struct nd_error *err)
{
	sqlite3_stmt *stmt;
	int rc = nd_sql_prepare(st, &stmt, err, verify_sql, NULL), found = 0;
	if (rc < 0)
		return rc;
	while ((rc = nd_sql_step(st, stmt, "checking the stats' summary", err)) > 0) {
		nd_buf_printf(report, "stats: %s\n", (const char *)sqlite3_column_text(stmt, 0));
		found++;
	}
	sqlite3_finalize(stmt);
	return rc < 0 ? rc : found;
}

int nd_stats_rebuild(struct nd_store *st, struct nd_error *err)
{
	int rc = nd_store_begin(st, err);
	if (rc < 0)
		return rc;
	if ((rc = rebuild_in_tx(st, err)) < 0) {
		nd_store_rollback(st);
		return rc;
	}
	return nd_store_commit(st, err);
}
