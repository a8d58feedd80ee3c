/* items.c — filing, listing and reading items. The list reads only the rows
 * asked for, through indexes on (filter column, updated_at, id), so a
 * million items list as fast as ten. */
#include "newsdesk/items.h"
#include "newsdesk/buf.h"
#include "newsdesk/count.h"
#include "newsdesk/lang.h"
#include "newsdesk/measure.h"
#include "newsdesk/search.h"
#include "newsdesk/store_sql.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Columns every item query reads; BODY is r.body or NULL for lists. */
#define ITEM_COLUMNS(BODY)                                                                         \
	"i.id, i.state, CASE WHEN :zh THEN s.label_zh ELSE s.label_en END, i.reporter, u.name, "   \
	"i.issue, i.page, i.position, "                                                            \
	"CASE WHEN i.lock_expires > :now THEN i.lock_holder END, i.lock_expires, "                 \
	"i.current_rev, i.filed_at, i.updated_at, r.rev, r.base_rev, r.conflict, r.author, "       \
	"r.created_at, " ND_SQL_CHARS("r") ", " ND_SQL_BODY_CHARS(                                 \
	    "r") ", r.encoding, r.kind, i.section, r.kicker, "                                     \
		 "r.headline, r.subhead, r.dateline, r.byline, " BODY                              \
		 ", " ND_SQL_HANZI("r") ", " ND_SQL_LINES("r") ", " ND_SQL_CPL(                    \
		     "i") ", r.id "                                                                \
			  "FROM items i JOIN states s ON s.name = i.state "                        \
			  "LEFT JOIN users u ON u.login = i.reporter "

/* 汉字 and 版面字数 from the columns at col (ND_SQL_HANZI, ND_SQL_LINES,
 * ND_SQL_CPL). A revision with no stored counts (none should lack them)
 * is counted from its text when the body was read; else its figures are
 * -1, shown as unknown, never as 0. */
static void fill_counts(sqlite3_stmt *stmt, int col, struct nd_item *it)
{
	it->cpl = sqlite3_column_int(stmt, col + 2);
	const char *lines = (const char *)sqlite3_column_text(stmt, col + 1);
	if (it->chars < 0 && it->story.body)
		it->chars = nd_story_chars(&it->story, &it->body_chars);
	if (lines && nd_layout_count(lines, it->cpl, &it->layout) == 0) {
		it->hanzi = (long)sqlite3_column_int64(stmt, col);
		return;
	}
	if (it->story.body && nd_story_layout(&it->story, it->cpl, &it->layout) == 0) {
		it->hanzi = nd_story_hanzi(&it->story);
		return;
	}
	it->hanzi = it->layout.chars = it->layout.lines = -1;
}

static void fill_item(sqlite3_stmt *stmt, struct nd_item *it)
{
	memset(it, 0, sizeof *it);
	it->id = sqlite3_column_int64(stmt, 0);
	it->state = nd_column_dup(stmt, 1);
	it->state_label = nd_column_dup(stmt, 2);
	it->reporter = nd_column_dup(stmt, 3);
	it->reporter_name = nd_column_dup(stmt, 4);
	it->issue = nd_column_dup(stmt, 5);
	it->page = sqlite3_column_int(stmt, 6);
	it->position = sqlite3_column_int(stmt, 7);
	it->lock_holder = nd_column_dup(stmt, 8);
	it->lock_expires = sqlite3_column_int64(stmt, 9);
	it->current_rev = sqlite3_column_int(stmt, 10);
	it->filed_at = sqlite3_column_int64(stmt, 11);
	it->updated_at = sqlite3_column_int64(stmt, 12);
	it->rev = sqlite3_column_int(stmt, 13);
	it->base_rev = sqlite3_column_int(stmt, 14);
	it->conflict = sqlite3_column_int(stmt, 15) != 0;
	it->rev_author = nd_column_dup(stmt, 16);
	it->rev_created = sqlite3_column_int64(stmt, 17);
	it->chars = (long)sqlite3_column_int64(stmt, 18);
	it->body_chars = (long)sqlite3_column_int64(stmt, 19);
	it->encoding = nd_column_dup(stmt, 20);
	it->story.kind = nd_column_dup(stmt, 21);
	it->story.section = nd_column_dup(stmt, 22);
	it->story.kicker = nd_column_dup(stmt, 23);
	it->story.headline = nd_column_dup(stmt, 24);
	it->story.subhead = nd_column_dup(stmt, 25);
	it->story.dateline = nd_column_dup(stmt, 26);
	it->story.byline = nd_column_dup(stmt, 27);
	it->story.body = nd_column_dup(stmt, 28);
	fill_counts(stmt, 29, it);
	it->rev_id = sqlite3_column_int64(stmt, 32);
}

static int fill_item_row(sqlite3_stmt *stmt, void *elem)
{
	fill_item(stmt, elem);
	return 0;
}

static void bind_common(sqlite3_stmt *stmt)
{
	sqlite3_bind_int(stmt, sqlite3_bind_parameter_index(stmt, ":zh"), nd_lang_is_zh());
	sqlite3_bind_int64(stmt, sqlite3_bind_parameter_index(stmt, ":now"), nd_now());
}

/* The WHERE clause from constant fragments: only the filters in use appear,
 * so SQLite picks the index for that filter. User text is only bound. */
static int build_filters(struct nd_buf *sql, const struct nd_actor *actor,
			 const struct nd_filter *f)
{
	int rc = 0;
	if (f->state)
		rc |= nd_buf_adds(sql, "AND i.state = :state ");
	if (f->section)
		rc |= nd_buf_adds(sql, "AND i.section = :section ");
	if (f->reporter || actor->user.rank < ND_RANK_EDITOR)
		rc |= nd_buf_adds(sql, "AND i.reporter = :reporter ");
	if (f->issue)
		rc |= nd_buf_adds(sql, "AND i.issue = :issue ");
	return rc;
}

static int build_where(struct nd_buf *sql, const struct nd_actor *actor, const struct nd_filter *f)
{
	return nd_buf_adds(sql, "WHERE 1 ") | build_filters(sql, actor, f);
}

/* The items a text limit finds: the index's hits joined to the current
 * revisions of their items (the index holds only those). */
#define TEXT_FROM                                                                                  \
	"FROM search JOIN revisions r ON r.id = search.rowid "                                     \
	"JOIN items i ON i.id = r.item_id AND r.rev = i.current_rev WHERE search MATCH :fts "

/* The index's candidates for the text limit, and the re-check of those the
 * index alone cannot prove (search.c's, over r's text). */
static int add_text_from(struct nd_buf *sql, const char *select, const struct nd_filter *f)
{
	int rc = nd_buf_adds(sql, select) | nd_buf_adds(sql, TEXT_FROM);
	/* a query it refuses is refused with its reason by bind_text_limit */
	if (rc >= 0)
		nd_search_recheck(sql, f->text);
	return rc;
}

/* Binds the text limit's FTS5 expression and words, when the statement
 * has them. */
static int bind_text_limit(sqlite3_stmt *stmt, const struct nd_filter *f, struct nd_error *err)
{
	int idx = sqlite3_bind_parameter_index(stmt, ":fts");
	if (!idx)
		return 0;
	char *expr = nd_search_match(f->text, err);
	if (!expr)
		return err->code ? err->code : ND_ENOMEM;
	sqlite3_bind_text(stmt, idx, expr, -1, free);
	nd_search_bind_terms(stmt, f->text);
	return 0;
}

static void bind_filter(sqlite3_stmt *stmt, const struct nd_actor *actor, const struct nd_filter *f)
{
	int idx;
	const char *reporter = actor->user.rank < ND_RANK_EDITOR ? actor->user.login : f->reporter;
	if ((idx = sqlite3_bind_parameter_index(stmt, ":state")))
		nd_bind_text(stmt, idx, f->state);
	if ((idx = sqlite3_bind_parameter_index(stmt, ":section")))
		nd_bind_text(stmt, idx, f->section);
	if ((idx = sqlite3_bind_parameter_index(stmt, ":reporter")))
		nd_bind_text(stmt, idx, reporter);
	if ((idx = sqlite3_bind_parameter_index(stmt, ":issue")))
		nd_bind_text(stmt, idx, f->issue);
}

static const char *const sort_orders[][2] = {
	[ND_SORT_UPDATED] = { "ORDER BY i.updated_at DESC, i.id DESC ",
			      "ORDER BY i.updated_at ASC, i.id ASC " },
	[ND_SORT_ID] = { "ORDER BY i.id DESC ", "ORDER BY i.id ASC " },
	[ND_SORT_FILED] = { "ORDER BY i.filed_at DESC, i.id DESC ",
			    "ORDER BY i.filed_at ASC, i.id ASC " },
	[ND_SORT_CHARS] = { "ORDER BY " ND_SQL_CHARS("r") " DESC, i.id DESC ",
			    "ORDER BY " ND_SQL_CHARS("r") " ASC, i.id ASC " },
};

static int window_rows(struct nd_store *st, const struct nd_actor *actor, const struct nd_filter *f,
		       const struct nd_list_key *from, bool backward, int64_t skip, int limit,
		       struct nd_item **rows, size_t *n, struct nd_error *err);

static void reverse_rows(struct nd_item *rows, size_t n)
{
	for (size_t i = 0; i < n / 2; i++) {
		struct nd_item tmp = rows[i];
		rows[i] = rows[n - 1 - i];
		rows[n - 1 - i] = tmp;
	}
}

int nd_item_list(struct nd_store *st, const struct nd_actor *actor, const struct nd_filter *f,
		 int64_t offset, int limit, struct nd_item **rows, size_t *n, struct nd_error *err)
{
	struct nd_buf sql = ND_BUF_INIT;
	sqlite3_stmt *stmt = NULL;
	int rc = 0;
	*rows = NULL;
	*n = 0;
	if (limit <= 0)
		return 0;
	if (f->text) /* the search's order: paged through the index */
		return window_rows(st, actor, f, NULL, false, offset, limit, rows, n, err);
	unsigned sort = (unsigned)f->sort < sizeof sort_orders / sizeof *sort_orders ? f->sort : 0;
	/* Deep in a long list, walk from the other end and turn the rows
	 * round: the last page of a million items costs what the first does. */
	bool reverse = false;
	if (offset > 10000 && limit < INT32_MAX / 2) {
		int64_t total = 0;
		if ((rc = nd_item_count(st, actor, f, &total, err)) < 0)
			return rc;
		if (offset > total / 2) {
			reverse = true;
			int64_t end = offset + limit < total ? offset + limit : total;
			limit = (int)(end - offset);
			offset = total - end;
			if (limit <= 0)
				return 0;
		}
	}
	bool ascending = f->ascending != reverse;
	/* The window of ids comes from the index alone; only its rows are
	 * joined to their revisions (OFFSET over a join reads every row). */
	rc = nd_buf_adds(
	    &sql, "SELECT " ITEM_COLUMNS(
		      "NULL") "JOIN revisions r ON r.item_id = i.id "
			      "AND r.rev = i.current_rev WHERE i.id IN (SELECT i.id FROM items i ");
	if (sort == ND_SORT_CHARS)
		rc |= nd_buf_adds(
		    &sql, "JOIN revisions r ON r.item_id = i.id AND r.rev = i.current_rev ");
	rc |= build_where(&sql, actor, f);
	rc |= nd_buf_adds(&sql, sort_orders[sort][ascending ? 1 : 0]);
	rc |= nd_buf_adds(&sql, "LIMIT :limit OFFSET :offset) ");
	rc |= nd_buf_adds(&sql, sort_orders[sort][ascending ? 1 : 0]);
	if (rc < 0) {
		nd_buf_free(&sql);
		return nd_fail(err, ND_ENOMEM, _("out of memory"));
	}
	rc = nd_store_prepare(st, nd_buf_str(&sql), &stmt, err);
	nd_buf_free(&sql);
	if (rc < 0)
		return rc;
	bind_common(stmt);
	bind_filter(stmt, actor, f);
	sqlite3_bind_int(stmt, sqlite3_bind_parameter_index(stmt, ":limit"), limit);
	sqlite3_bind_int64(stmt, sqlite3_bind_parameter_index(stmt, ":offset"), offset);
	rc = nd_sql_collect(st, stmt, rows, n, sizeof **rows, fill_item_row, err, "listing items");
	if (rc < 0) {
		nd_items_free(*rows, *n);
		*rows = NULL;
		*n = 0;
		return rc;
	}
	if (reverse)
		reverse_rows(*rows, *n);
	return 0;
}

/* A count(*) query's answer, which always has a row; finalizes stmt. */
static int first_int(struct nd_store *st, sqlite3_stmt *stmt, int64_t *out, const char *what,
		     struct nd_error *err)
{
	int rc = nd_sql_step(st, stmt, what, err);
	if (rc > 0)
		*out = sqlite3_column_int64(stmt, 0);
	else if (rc == 0)
		rc = nd_fail(err, ND_EDB, _("%s: no answer"), what);
	sqlite3_finalize(stmt);
	return rc < 0 ? rc : 0;
}

int nd_item_count(struct nd_store *st, const struct nd_actor *actor, const struct nd_filter *f,
		  int64_t *count, struct nd_error *err)
{
	struct nd_buf sql = ND_BUF_INIT;
	sqlite3_stmt *stmt;
	int rc;
	if (f->text) {
		/* the index's own count when nothing else filters (it holds
		   exactly the items a limit can find), else its hits joined */
		struct nd_buf probe = ND_BUF_INIT;
		bool alone = !f->state && !f->section && !f->reporter && !f->issue &&
			     actor->user.rank >= ND_RANK_EDITOR &&
			     nd_search_recheck(&probe, f->text) == 0;
		nd_buf_free(&probe);
		rc = alone
			 ? nd_buf_adds(&sql, "SELECT count(*) FROM search WHERE search MATCH :fts")
			 : add_text_from(&sql, "SELECT count(*) ", f);
		if (!alone)
			rc |= build_filters(&sql, actor, f);
		if (rc < 0) {
			nd_buf_free(&sql);
			return nd_fail(err, ND_ENOMEM, _("out of memory"));
		}
		rc = nd_store_prepare(st, nd_buf_str(&sql), &stmt, err);
		nd_buf_free(&sql);
		if (rc < 0)
			return rc;
		bind_filter(stmt, actor, f);
		if ((rc = bind_text_limit(stmt, f, err)) < 0) {
			sqlite3_finalize(stmt);
			return rc;
		}
		return first_int(st, stmt, count, "counting the items the limit finds", err);
	}
	/* Only a state (or nothing) filters: the kept counts answer at once. */
	if (!f->section && !f->reporter && !f->issue && actor->user.rank >= ND_RANK_EDITOR) {
		rc = nd_store_prepare(
		    st,
		    f->state ? "SELECT coalesce(sum(n), 0) FROM state_counts WHERE state = ?"
			     : "SELECT coalesce(sum(n), 0) FROM state_counts",
		    &stmt, err);
		if (rc < 0)
			return rc;
		if (f->state)
			nd_bind_text(stmt, 1, f->state);
		return first_int(st, stmt, count, "counting items", err);
	}
	if (nd_buf_adds(&sql, "SELECT count(*) FROM items i ") < 0 ||
	    build_where(&sql, actor, f) < 0) {
		nd_buf_free(&sql);
		return nd_fail(err, ND_ENOMEM, _("out of memory"));
	}
	rc = nd_store_prepare(st, nd_buf_str(&sql), &stmt, err);
	nd_buf_free(&sql);
	if (rc < 0)
		return rc;
	bind_filter(stmt, actor, f);
	return first_int(st, stmt, count, "counting items", err);
}

/* The sort key of each order, for keyset comparisons. */
static const char *const sort_keys[] = {
	[ND_SORT_UPDATED] = "i.updated_at",
	[ND_SORT_ID] = "i.id",
	[ND_SORT_FILED] = "i.filed_at",
	[ND_SORT_CHARS] = ND_SQL_CHARS("r"),
};

/* The position of the item whose current revision is rev under a text
 * limit that needs the prefix merge: the hits before it, walked from it
 * towards the list's start (nd_search_walk), when the walk reaches the
 * start (1: it did not, the index must count them). */
static int walk_position(struct nd_store *st, const struct nd_actor *actor,
			 const struct nd_filter *f, int64_t rev, int64_t *pos, struct nd_error *err)
{
	struct nd_search_options o = {
		.state = f->state, .section = f->section, .reporter = f->reporter, .issue = f->issue
	};
	struct nd_search_walk w = { .from = f->ascending ? rev - 1 : rev + 1,
				    .up = !f->ascending,
				    .limit = INT32_MAX };
	int rc = nd_search_walk(st, actor, f->text, &o, &w, err);
	if (rc < 0)
		return rc;
	*pos = (int64_t)w.n;
	free(w.ids);
	return w.edge < 0 ? 0 : 1;
}

int nd_item_position(struct nd_store *st, const struct nd_actor *actor, const struct nd_filter *f,
		     int64_t id, int64_t *pos, struct nd_error *err)
{
	struct nd_buf sql = ND_BUF_INIT;
	sqlite3_stmt *stmt;
	int64_t rev = 0;
	/* near the start of a list whose index query is the merge: walked */
	if (f->text && nd_search_merges(f->text)) {
		int rc = nd_sql_int(st, &rev, err, "finding the item in the list",
				    "SELECT r.id FROM items i JOIN revisions r ON r.item_id = i.id "
				    "AND r.rev = i.current_rev WHERE i.id = ?",
				    "i", id);
		if (rc > 0)
			rc = walk_position(st, actor, f, rev, pos, err);
		if (rc <= 0 && (rc < 0 || rev))
			return rc;
	}
	unsigned sort = (unsigned)f->sort < sizeof sort_keys / sizeof *sort_keys ? f->sort : 0;
	const char *key = f->text ? "r.id" : sort_keys[sort];
	/* Descending order: what comes before has a greater key, or the same
	 * key and a greater id; ascending is the mirror. */
	const char *gt = f->ascending ? "<" : ">";
	int rc = 0;
	if (f->text) {
		rc |= add_text_from(&sql, "SELECT count(*) ", f);
		rc |= build_filters(&sql, actor, f);
		rc |=
		    nd_buf_printf(&sql,
				  "AND search.rowid %s (SELECT r.id FROM items i JOIN revisions r "
				  "ON r.item_id = i.id AND r.rev = i.current_rev WHERE i.id = :id)",
				  gt);
	} else {
		/* a range of the filter's index, counted: the revisions are
		   joined only when the key is theirs (chars) */
		const char *join = sort == ND_SORT_CHARS ? "JOIN revisions r ON r.item_id = i.id "
							   "AND r.rev = i.current_rev "
							 : "";
		rc |= nd_buf_printf(&sql, "SELECT count(*) FROM items i %s", join);
		rc |= build_where(&sql, actor, f);
		rc |=
		    nd_buf_printf(&sql,
				  "AND (%s, i.id) %s (SELECT %s, i.id FROM items i %sWHERE i.id = "
				  ":id)",
				  key, gt, key, join);
	}
	if (rc < 0) {
		nd_buf_free(&sql);
		return nd_fail(err, ND_ENOMEM, _("out of memory"));
	}
	rc = nd_store_prepare(st, nd_buf_str(&sql), &stmt, err);
	nd_buf_free(&sql);
	if (rc < 0)
		return rc;
	bind_filter(stmt, actor, f);
	if ((rc = bind_text_limit(stmt, f, err)) < 0) {
		sqlite3_finalize(stmt);
		return rc;
	}
	sqlite3_bind_int64(stmt, sqlite3_bind_parameter_index(stmt, ":id"), id);
	return first_int(st, stmt, pos, "finding the item in the list", err);
}

void nd_item_key(const struct nd_filter *f, const struct nd_item *it, struct nd_list_key *key)
{
	key->id = it->id;
	if (f->text) {
		key->key = it->rev_id;
		return;
	}
	switch (f->sort) {
	case ND_SORT_ID:
		key->key = it->id;
		break;
	case ND_SORT_FILED:
		key->key = it->filed_at;
		break;
	case ND_SORT_CHARS:
		key->key = it->chars;
		break;
	default:
		key->key = it->updated_at;
		break;
	}
}

/* The window's SQL: the ids from the index alone (seek, skip, limit), then
 * only those rows joined to their revisions. The inner order runs away
 * from the key (reversed for backward), so the seek is an index range. */
static int window_sql(struct nd_buf *sql, const struct nd_actor *actor, const struct nd_filter *f,
		      bool from, bool backward, bool strict)
{
	unsigned sort = (unsigned)f->sort < sizeof sort_orders / sizeof *sort_orders ? f->sort : 0;
	bool asc = f->ascending != backward;
	/* the list is descending unless ascending: forward keeps what is at or
	   after the key in that order, backward what is strictly before it */
	const char *op = backward ? (f->ascending ? "<" : ">") : (f->ascending ? ">=" : "<=");
	if (strict && !backward) /* beyond a walk's edge (walk_window) */
		op = f->ascending ? ">" : "<";
	int rc = nd_buf_adds(sql, "SELECT " ITEM_COLUMNS("NULL") "JOIN revisions r ON "
								 "r.item_id = i.id AND r.rev = "
								 "i.current_rev WHERE i.id IN (");
	if (f->text) {
		rc |= add_text_from(sql, "SELECT i.id ", f);
		rc |= build_filters(sql, actor, f);
		if (from)
			rc |= nd_buf_printf(sql, "AND search.rowid %s :key ", op);
		rc |= nd_buf_printf(sql, "ORDER BY search.rowid %s ", asc ? "ASC" : "DESC");
	} else {
		rc |= nd_buf_adds(sql, "SELECT i.id FROM items i ");
		if (sort == ND_SORT_CHARS)
			rc |= nd_buf_adds(
			    sql, "JOIN revisions r ON r.item_id = i.id AND r.rev = i.current_rev ");
		rc |= build_where(sql, actor, f);
		if (from)
			rc |= nd_buf_printf(sql, "AND (%s, i.id) %s (:key, :id) ", sort_keys[sort],
					    op);
		rc |= nd_buf_adds(sql, sort_orders[sort][asc ? 1 : 0]);
	}
	rc |= nd_buf_adds(sql, "LIMIT :limit OFFSET :skip) ");
	if (f->text)
		rc |= nd_buf_printf(sql, "ORDER BY r.id %s", asc ? "ASC" : "DESC");
	else
		rc |= nd_buf_adds(sql, sort_orders[sort][asc ? 1 : 0]);
	return rc;
}

/* A window from the index (or the items' indexes), strict: from the key's
 * row excluded going forward too. */
static int index_window(struct nd_store *st, const struct nd_actor *actor,
			const struct nd_filter *f, const struct nd_list_key *from, bool backward,
			bool strict, int64_t skip, int limit, struct nd_item **rows, size_t *n,
			struct nd_error *err)
{
	struct nd_buf sql = ND_BUF_INIT;
	sqlite3_stmt *stmt;
	*rows = NULL;
	*n = 0;
	if (limit <= 0)
		return 0;
	if (window_sql(&sql, actor, f, from != NULL, backward, strict) < 0) {
		nd_buf_free(&sql);
		return nd_fail(err, ND_ENOMEM, _("out of memory"));
	}
	int rc = nd_store_prepare(st, nd_buf_str(&sql), &stmt, err);
	nd_buf_free(&sql);
	if (rc < 0)
		return rc;
	bind_common(stmt);
	bind_filter(stmt, actor, f);
	if ((rc = bind_text_limit(stmt, f, err)) < 0) {
		sqlite3_finalize(stmt);
		return rc;
	}
	if (from) {
		sqlite3_bind_int64(stmt, sqlite3_bind_parameter_index(stmt, ":key"), from->key);
		sqlite3_bind_int64(stmt, sqlite3_bind_parameter_index(stmt, ":id"), from->id);
	}
	sqlite3_bind_int(stmt, sqlite3_bind_parameter_index(stmt, ":limit"), limit);
	sqlite3_bind_int64(stmt, sqlite3_bind_parameter_index(stmt, ":skip"), skip);
	rc = nd_sql_collect(st, stmt, rows, n, sizeof **rows, fill_item_row, err, "listing items");
	if (rc < 0) {
		nd_items_free(*rows, *n);
		*rows = NULL;
		*n = 0;
		return rc;
	}
	if (backward)
		reverse_rows(*rows, *n);
	return 0;
}

/* The rows of the revisions ids (the index's rowids), in that order. */
static int rows_of_revisions(struct nd_store *st, const int64_t *ids, size_t count,
			     struct nd_item **rows, size_t *n, struct nd_error *err)
{
	sqlite3_stmt *stmt;
	*rows = count ? calloc(count, sizeof **rows) : NULL;
	*n = 0;
	if (count && !*rows)
		return nd_fail(err, ND_ENOMEM, _("out of memory"));
	int rc = nd_store_prepare(st,
				  "SELECT " ITEM_COLUMNS("NULL") "JOIN revisions r ON r.item_id = "
								 "i.id AND r.rev = i.current_rev "
								 "WHERE r.id = :rev",
				  &stmt, err);
	if (rc < 0)
		return rc;
	bind_common(stmt);
	for (size_t k = 0; k < count && rc >= 0; k++) {
		sqlite3_bind_int64(stmt, sqlite3_bind_parameter_index(stmt, ":rev"), ids[k]);
		/* an item edited since the walk read it is in no longer */
		if ((rc = nd_sql_step(st, stmt, "listing items", err)) > 0)
			fill_item(stmt, &(*rows)[(*n)++]);
		sqlite3_reset(stmt);
	}
	sqlite3_finalize(stmt);
	return rc < 0 ? rc : 0;
}

/* A text limit whose words need FTS5's prefix merge (a word of one
 * character, in most items: 0.6 s before its first row at a million): the
 * window's rows read in their text from its key on (nd_search_walk, as the
 * search page reads the newest items), and the index asked only beyond the
 * walk's edge when the window is not full by then (a rare character, whose
 * merge is small). The walk runs in the order the rows are wanted, so a
 * window anywhere in the list (the first, the last, a page from a key)
 * costs about its rows; in the index's order, no row twice, none missed. */
static int walk_window(struct nd_store *st, const struct nd_actor *actor, const struct nd_filter *f,
		       const struct nd_list_key *from, bool backward, int64_t skip, int limit,
		       struct nd_item **rows, size_t *n, struct nd_error *err)
{
	bool up = f->ascending != backward; /* rowids ascending */
	int64_t start = !from      ? (up ? INT64_MIN : INT64_MAX)
			: backward ? (up ? from->key + 1 : from->key - 1)
				   : from->key;
	struct nd_search_options o = {
		.state = f->state, .section = f->section, .reporter = f->reporter, .issue = f->issue
	};
	struct nd_search_walk w = { .from = start, .up = up, .offset = skip, .limit = limit };
	int rc = nd_search_walk(st, actor, f->text, &o, &w, err);
	if (rc == 0)
		rc = rows_of_revisions(st, w.ids, w.n, rows, n, err);
	free(w.ids);
	struct nd_item *more = NULL;
	size_t m = 0;
	if (rc == 0 && (int)*n < limit && w.edge >= 0) {
		struct nd_list_key edge = { w.edge, 0 };
		rc = index_window(st, actor, f, &edge, backward, true,
				  skip > w.seen ? skip - w.seen : 0, limit - (int)*n, &more, &m,
				  err);
	}
	if (rc < 0) {
		nd_items_free(*rows, *n);
		*rows = NULL;
		*n = 0;
		return rc;
	}
	/* in list order: the walk's rows nearest the key, the index's beyond */
	if (backward)
		reverse_rows(*rows, *n);
	struct nd_item *all = m ? realloc(*rows, (*n + m) * sizeof *all) : *rows;
	if (m && !all) {
		nd_items_free(more, m);
		nd_items_free(*rows, *n);
		*rows = NULL;
		*n = 0;
		return nd_fail(err, ND_ENOMEM, _("out of memory"));
	}
	if (m && backward) {
		memmove(all + m, all, *n * sizeof *all);
		memcpy(all, more, m * sizeof *all);
	} else if (m) {
		memcpy(all + *n, more, m * sizeof *all);
	}
	free(more);
	*rows = all;
	*n += m;
	return 0;
}

static int window_rows(struct nd_store *st, const struct nd_actor *actor, const struct nd_filter *f,
		       const struct nd_list_key *from, bool backward, int64_t skip, int limit,
		       struct nd_item **rows, size_t *n, struct nd_error *err)
{
	*rows = NULL;
	*n = 0;
	if (limit <= 0)
		return 0;
	if (skip < 0)
		return nd_fail(err, ND_EINVAL, _("a window cannot skip back"));
	if (f->text && nd_search_merges(f->text))
		return walk_window(st, actor, f, from, backward, skip, limit, rows, n, err);
	return index_window(st, actor, f, from, backward, false, skip, limit, rows, n, err);
}

int nd_item_window(struct nd_store *st, const struct nd_actor *actor, const struct nd_filter *f,
		   const struct nd_list_key *from, bool backward, int64_t skip, int limit,
		   struct nd_item **rows, size_t *n, struct nd_error *err)
{
	return window_rows(st, actor, f, from, backward, skip, limit, rows, n, err);
}

static int may_read(const struct nd_actor *actor, const struct nd_item *it, struct nd_error *err)
{
	if (actor->user.rank >= ND_RANK_EDITOR || strcmp(actor->user.login, it->reporter) == 0)
		return 0;
	return nd_item_unknown(actor, it->id, err);
}

int nd_item_get(struct nd_store *st, const struct nd_actor *actor, int64_t id, int rev,
		struct nd_item *it, struct nd_error *err)
{
	sqlite3_stmt *stmt;
	int rc = nd_store_prepare(
	    st,
	    "SELECT " ITEM_COLUMNS(
		"r.body") "JOIN revisions r ON r.item_id = i.id "
			  "AND r.rev = CASE WHEN :rev > 0 THEN :rev ELSE i.current_rev END "
			  "WHERE i.id = :id",
	    &stmt, err);
	memset(it, 0, sizeof *it);
	if (rc < 0)
		return rc;
	bind_common(stmt);
	sqlite3_bind_int(stmt, sqlite3_bind_parameter_index(stmt, ":rev"), rev);
	sqlite3_bind_int64(stmt, sqlite3_bind_parameter_index(stmt, ":id"), id);
	if ((rc = nd_sql_step(st, stmt, "reading the item", err)) > 0) {
		fill_item(stmt, it);
		rc = 0;
	} else if (rc == 0) {
		/* to a reporter, without saying whether the item exists */
		if (rev <= 0)
			rc = nd_item_unknown(actor, id, err);
		else if (actor->user.rank < ND_RANK_EDITOR)
			rc = nd_fail(err, ND_ENOENT,
				     _("you have no item #%1$lld with a revision %2$d"),
				     (long long)id, rev);
		else
			rc = nd_fail(err, ND_ENOENT, _("#%1$lld has no revision %2$d"),
				     (long long)id, rev);
	}
	sqlite3_finalize(stmt);
	if (rc == 0 && (rc = may_read(actor, it, err)) < 0)
		nd_item_free(it);
	return rc;
}

int nd_item_revisions(struct nd_store *st, const struct nd_actor *actor, int64_t id,
		      struct nd_item **revs, size_t *n, struct nd_error *err)
{
	struct nd_item head;
	int rc = nd_item_get(st, actor, id, 0, &head, err);
	*revs = NULL;
	*n = 0;
	if (rc < 0)
		return rc;
	nd_item_free(&head);
	sqlite3_stmt *stmt;
	if ((rc = nd_store_prepare(
		 st,
		 "SELECT " ITEM_COLUMNS(
		     "NULL") "JOIN revisions r ON r.item_id = i.id WHERE i.id = :id ORDER BY r.rev",
		 &stmt, err)) < 0)
		return rc;
	bind_common(stmt);
	sqlite3_bind_int64(stmt, sqlite3_bind_parameter_index(stmt, ":id"), id);
	rc = nd_sql_collect(st, stmt, revs, n, sizeof **revs, fill_item_row, err,
			    "listing revisions");
	if (rc < 0) {
		nd_items_free(*revs, *n);
		*revs = NULL;
		*n = 0;
	}
	return rc;
}

static int fill_count(sqlite3_stmt *stmt, void *elem)
{
	struct nd_state_count *c = elem;
	c->state = nd_column_dup(stmt, 0);
	c->label = nd_column_dup(stmt, 1);
	c->count = sqlite3_column_int64(stmt, 2);
	return 0;
}

int nd_item_state_counts(struct nd_store *st, const struct nd_actor *actor,
			 struct nd_state_count **counts, size_t *n, struct nd_error *err)
{
	*counts = NULL;
	*n = 0;
	int rc =
	    actor->user.rank < ND_RANK_EDITOR
		? nd_sql_list(st, counts, n, sizeof **counts, fill_count, err, "counting items",
			      "SELECT s.name, CASE WHEN ? THEN s.label_zh ELSE s.label_en END, "
			      "(SELECT count(*) FROM items i WHERE i.state = s.name AND "
			      "i.reporter = ?) FROM states s ORDER BY s.position",
			      "ds", nd_lang_is_zh(), actor->user.login)
		: nd_sql_list(st, counts, n, sizeof **counts, fill_count, err, "counting items",
			      "SELECT s.name, CASE WHEN ? THEN s.label_zh ELSE s.label_en END, "
			      "coalesce(c.n, 0) FROM states s LEFT JOIN state_counts c "
			      "ON c.state = s.name ORDER BY s.position",
			      "d", nd_lang_is_zh());
	if (rc < 0) {
		nd_state_counts_free(*counts, *n);
		*counts = NULL;
		*n = 0;
	}
	return rc;
}

void nd_state_counts_free(struct nd_state_count *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(c[i].state);
		free(c[i].label);
	}
	free(c);
}

void nd_item_free(struct nd_item *it)
{
	free(it->state);
	free(it->state_label);
	free(it->reporter);
	free(it->reporter_name);
	free(it->issue);
	free(it->lock_holder);
	free(it->rev_author);
	free(it->encoding);
	nd_story_free(&it->story);
	memset(it, 0, sizeof *it);
}

void nd_items_free(struct nd_item *items, size_t n)
{
	for (size_t i = 0; i < n; i++)
		nd_item_free(&items[i]);
	free(items);
}
