/* search_index.c — the search indexes' upkeep (search_index.h): the
 * check that they hold exactly what a search may find, and their rebuild.
 * The queries that read them are search.c's. */
#include "newsdesk/search_index.h"
#include "newsdesk/lang.h"
#include "newsdesk/revcheck.h"
#include "newsdesk/store_sql.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What the index must hold: each a query whose rows are problems, in
 * the order of its plan; with narrow appended (and ?1 bound), the same
 * query about one item (by_item) or one docsize row. The docsize shadow
 * table has one row per indexed revision (search itself, being external
 * content, would read the revisions). */
static const struct {
	const char *what;
	const char *sql;
	const char *narrow;
	bool by_item; /* rows come one per item, in an order of the plan's */
	int docsize; /* which docsize table: 0 search's, 1 the headline index's */
} index_checks[] = {
	{ "item the search index has lost",
	  "SELECT i.id FROM items i JOIN states s ON s.name = i.state "
	  "JOIN revisions r ON r.item_id = i.id AND r.rev = i.current_rev "
	  "WHERE NOT s.withdrawn AND NOT EXISTS (SELECT 1 FROM search_docsize d WHERE d.id = r.id)",
	  " AND i.id = ?1", true, 0 },
	{ "text the search index holds but should not (an old revision or a withdrawn item: "
	  "search would find words it no longer has)",
	  "SELECT coalesce(r.item_id, 0) FROM search_docsize d LEFT JOIN revisions r ON r.id = d.id "
	  "LEFT JOIN items i ON i.id = r.item_id AND i.current_rev = r.rev "
	  "LEFT JOIN states s ON s.name = i.state WHERE (i.id IS NULL OR s.withdrawn)",
	  " AND d.id = ?1", false, 0 },
	{ "item the headline index has lost",
	  "SELECT i.id FROM items i JOIN states s ON s.name = i.state "
	  "JOIN revisions r ON r.item_id = i.id AND r.rev = i.current_rev "
	  "WHERE NOT s.withdrawn AND NOT EXISTS (SELECT 1 FROM search_head_docsize d "
	  "WHERE d.id = r.id)",
	  " AND i.id = ?1", true, 1 },
	{ "headline the headline index holds but should not (an old revision or a withdrawn item)",
	  "SELECT coalesce(r.item_id, 0) FROM search_head_docsize d "
	  "LEFT JOIN revisions r ON r.id = d.id "
	  "LEFT JOIN items i ON i.id = r.item_id AND i.current_rev = r.rev "
	  "LEFT JOIN states s ON s.name = i.state WHERE (i.id IS NULL OR s.withdrawn)",
	  " AND d.id = ?1", false, 1 },
};
enum { N_INDEX_CHECKS = sizeof index_checks / sizeof *index_checks };

/* A query's rows into report, one line each; how many, or < 0. */
static int report_rows(struct nd_store *st, sqlite3_stmt *stmt, size_t c, struct nd_buf *report,
		       struct nd_error *err)
{
	int rc, problems = 0;
	while ((rc = nd_sql_step(st, stmt, index_checks[c].what, err)) > 0) {
		nd_buf_printf(report, "#%lld: %s\n", (long long)sqlite3_column_int64(stmt, 0),
			      index_checks[c].what);
		problems++;
	}
	return rc < 0 ? rc : problems;
}

static int whole_check(struct nd_store *st, size_t c, struct nd_buf *report, struct nd_error *err)
{
	sqlite3_stmt *stmt;
	int rc = nd_sql_prepare(st, &stmt, err, index_checks[c].sql, NULL);
	if (rc < 0)
		return rc;
	rc = report_rows(st, stmt, c, report, err);
	sqlite3_finalize(stmt);
	return rc;
}

/* ---- the same, picked in C from what check --full's pass kept ------------ */

/* What the checks above read, once each: the items (in id order) with
 * their current revision and whether a search may find them, and the ids
 * of the two docsize tables (in order). The revisions are the pass's. */
struct member_item {
	int64_t id, rev;
	int8_t shown; /* 1: not withdrawn, 0: withdrawn, -1: not told here (SQL is asked) */
};
struct members {
	const struct nd_revs *revs;
	struct member_item *items;
	size_t n_items;
	int64_t *ids[2];
	size_t n_ids[2];
};

static void members_free(struct members *m)
{
	free(m->items);
	free(m->ids[0]);
	free(m->ids[1]);
}

/* Grows an array of n elements of size elem to hold one more. */
static void *grow(void *arr, size_t n, size_t *cap, size_t elem)
{
	if (n < *cap)
		return arr;
	size_t want = *cap ? *cap * 2 : 1024;
	void *p = realloc(arr, want * elem);
	if (p)
		*cap = want;
	return p;
}

static int read_ids(struct nd_store *st, struct members *m, int k, struct nd_error *err)
{
	static const char *const sql[] = { "SELECT id FROM search_docsize ORDER BY id",
					   "SELECT id FROM search_head_docsize ORDER BY id" };
	sqlite3_stmt *stmt = NULL;
	size_t cap = 0;
	int rc = nd_sql_prepare(st, &stmt, err, sql[k], NULL);
	while (rc >= 0 && (rc = nd_sql_step(st, stmt, "search index", err)) > 0) {
		int64_t *p = grow(m->ids[k], m->n_ids[k], &cap, sizeof *p);
		if (!p) {
			rc = nd_fail(err, ND_ENOMEM, _("out of memory"));
			break;
		}
		m->ids[k] = p;
		p[m->n_ids[k]++] = sqlite3_column_int64(stmt, 0);
	}
	if (stmt)
		sqlite3_finalize(stmt);
	return rc;
}

/* The workflow's states: which a search may find (withdrawn is 0), as
 * SQL's NOT s.withdrawn tells it where it is a plain 0 or 1. */
struct state_shown {
	char name[64];
	int8_t shown;
};

static int8_t state_shown(const struct state_shown *s, size_t n, const unsigned char *name)
{
	for (size_t k = 0; name && k < n; k++)
		if (strcmp(s[k].name, (const char *)name) == 0)
			return s[k].shown;
	return -1;
}

static int read_states(struct nd_store *st, struct state_shown *s, size_t cap, size_t *n,
		       struct nd_error *err)
{
	sqlite3_stmt *stmt = NULL;
	int rc = nd_sql_prepare(st, &stmt, err, "SELECT name, withdrawn FROM states", NULL);
	while (rc >= 0 && (rc = nd_sql_step(st, stmt, "search index", err)) > 0) {
		const char *name = (const char *)sqlite3_column_text(stmt, 0);
		int w = sqlite3_column_type(stmt, 1) == SQLITE_INTEGER ? sqlite3_column_int(stmt, 1)
								       : -1;
		if (*n == cap || !name || strlen(name) >= sizeof s->name)
			continue; /* its items are asked about */
		snprintf(s[*n].name, sizeof s->name, "%s", name);
		s[(*n)++].shown = w == 0 ? 1 : w == 1 ? 0 : -1;
	}
	if (stmt)
		sqlite3_finalize(stmt);
	return rc;
}

static int read_items(struct nd_store *st, struct members *m, struct nd_error *err)
{
	struct state_shown states[32];
	size_t n_states = 0, cap = 0;
	sqlite3_stmt *stmt = NULL;
	int rc = read_states(st, states, sizeof states / sizeof *states, &n_states, err);
	if (rc < 0)
		return rc;
	rc = nd_sql_prepare(st, &stmt, err, "SELECT id, current_rev, state FROM items ORDER BY id",
			    NULL);
	while (rc >= 0 && (rc = nd_sql_step(st, stmt, "search index", err)) > 0) {
		struct member_item *p = grow(m->items, m->n_items, &cap, sizeof *p);
		if (!p) {
			rc = nd_fail(err, ND_ENOMEM, _("out of memory"));
			break;
		}
		m->items = p;
		bool plain = sqlite3_column_type(stmt, 1) == SQLITE_INTEGER;
		p[m->n_items++] = (struct member_item){
			.id = sqlite3_column_int64(stmt, 0),
			.rev = sqlite3_column_int64(stmt, 1),
			.shown = plain ? state_shown(states, n_states, sqlite3_column_text(stmt, 2))
				       : -1,
		};
	}
	if (stmt)
		sqlite3_finalize(stmt);
	return rc;
}

static const struct member_item *find_item(const struct members *m, int64_t id)
{
	size_t lo = 0, hi = m->n_items;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (m->items[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < m->n_items && m->items[lo].id == id ? &m->items[lo] : NULL;
}

static bool has_id(const int64_t *ids, size_t n, int64_t id)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (ids[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && ids[lo] == id;
}

/* Whether the query of check c may have a row about the k-th item (by_item)
 * or docsize row: what the pass and the reads above saw says nothing is
 * wrong there only where it can be told here. */
static bool candidate(const struct members *m, size_t c, size_t k)
{
	int d = index_checks[c].docsize;
	if (index_checks[c].by_item) {
		const struct member_item *it = &m->items[k];
		if (it->shown <= 0)
			return it->shown < 0; /* withdrawn: not a search's */
		const struct nd_rev *r = nd_revs_find(m->revs, it->id, it->rev);
		return !r || !has_id(m->ids[d], m->n_ids[d], r->id);
	}
	const struct nd_rev *r = nd_revs_by_id(m->revs, m->ids[d][k]);
	const struct member_item *it = r ? find_item(m, r->item) : NULL;
	return !it || it->rev != r->rev || it->shown != 1;
}

/* Check c asked of its candidates only, each by the query narrowed to it,
 * into report. The rows of a query by item come in its plan's order, which
 * only the whole query knows: where two or more items are found, it runs
 * whole. How many problems, or < 0 (then nothing was reported). */
static int picked_check(struct nd_store *st, const struct members *m, size_t c,
			struct nd_buf *report, struct nd_error *err)
{
	char sql[640];
	snprintf(sql, sizeof sql, "%s%s", index_checks[c].sql, index_checks[c].narrow);
	sqlite3_stmt *stmt = NULL;
	struct nd_buf lines = { 0 };
	int rc = nd_sql_prepare(st, &stmt, err, sql, "i", (int64_t)0);
	size_t n = index_checks[c].by_item ? m->n_items : m->n_ids[index_checks[c].docsize];
	int problems = 0;
	for (size_t k = 0; rc >= 0 && k < n; k++) {
		if (!candidate(m, c, k))
			continue;
		int64_t id =
		    index_checks[c].by_item ? m->items[k].id : m->ids[index_checks[c].docsize][k];
		sqlite3_reset(stmt);
		if ((rc = sqlite3_bind_int64(stmt, 1, id)) != SQLITE_OK) {
			rc = nd_store_fail(st, err, index_checks[c].what);
			break;
		}
		if ((rc = report_rows(st, stmt, c, &lines, err)) > 0)
			problems += rc;
	}
	if (stmt)
		sqlite3_finalize(stmt);
	if (rc >= 0 && index_checks[c].by_item && problems > 1) {
		nd_buf_free(&lines);
		return whole_check(st, c, report, err);
	}
	if (rc >= 0)
		nd_buf_add(report, nd_buf_str(&lines), lines.len);
	nd_buf_free(&lines);
	return rc < 0 ? rc : problems;
}

int nd_search_members(struct nd_store *st, const struct nd_revs *revs, struct nd_buf *report,
		      struct nd_error *err)
{
	struct members m = { .revs = revs };
	struct nd_error why = { 0 };
	/* what could not be read or kept here is the whole queries' to tell,
	   as they told it before */
	bool picked = revs && nd_revs_all(revs) && read_items(st, &m, &why) >= 0 &&
		      read_ids(st, &m, 0, &why) >= 0 && read_ids(st, &m, 1, &why) >= 0;
	int problems = 0, rc = 0;
	for (size_t c = 0; rc >= 0 && c < N_INDEX_CHECKS; c++) {
		rc = picked ? picked_check(st, &m, c, report, &why) : -1;
		if (rc < 0) /* the whole query, as without the pass */
			rc = whole_check(st, c, report, err);
		problems += rc > 0 ? rc : 0;
	}
	members_free(&m);
	return rc < 0 ? rc : problems;
}

int nd_search_head_check(struct nd_store *st, struct nd_error *err)
{
	return nd_sql_exec(st, err, "checking the headline index",
			   "INSERT INTO search_head(search_head) VALUES ('integrity-check')", NULL);
}

/* The two indexes (migration search_fold): all the text, and the headlines alone. */
static const struct {
	const char *table, *columns, *what;
} indexes[] = {
	{ "search", "kicker, headline, subhead, dateline, byline, body", "the search index" },
	{ "search_head", "headline", "the headline index" },
};

/* Puts an index's shadow tables back as CREATE VIRTUAL TABLE leaves them
 * (FTS5's empty index: the averages and structure records, format version
 * 4), for an index too damaged to open. */
static int reset_index(struct nd_store *st, const char *t, struct nd_error *err)
{
	static const char *const steps[] = {
		"DELETE FROM %s_data",
		"DELETE FROM %s_idx",
		"DELETE FROM %s_docsize",
		"INSERT INTO %s_data(id, block) VALUES (1, X''), (10, X'00000000000000')",
		"INSERT OR REPLACE INTO %s_config(k, v) VALUES ('version', 4)",
	};
	int rc = 0;
	for (size_t i = 0; i < sizeof steps / sizeof *steps && rc >= 0; i++) {
		char sql[160];
		snprintf(sql, sizeof sql, steps[i], t);
		rc = nd_sql_exec(st, err, "resetting the index", sql, NULL);
	}
	return rc;
}

/* Clears an index and adds the current revisions of the items a search may
 * find, as migration search_no_positions does ('rebuild' would read every revision). */
static int fill_index(struct nd_store *st, size_t k, bool fresh, struct nd_error *err)
{
	char sql[640];
	snprintf(sql, sizeof sql, "INSERT INTO %s(%s) VALUES ('delete-all')", indexes[k].table,
		 indexes[k].table);
	int rc = nd_sql_exec(st, err, "clearing the index", sql, NULL);
	/* only the index that cannot be cleared is reset: FTS5 keeps the
	   structure of one it has opened, and must not find it changed */
	if (rc == ND_EDB && fresh) {
		memset(err, 0, sizeof *err);
		rc = reset_index(st, indexes[k].table, err);
	}
	/* the inner LIMIT keeps it from being flattened: nd_progress counts
	   the rows indexed, not every revision an outer loop reads. The ids
	   in order: FTS5 writes its pending terms out whenever a rowid is
	   lower than the last, and in the items' order (an edited item's
	   revision is newer than the next item's) it wrote thousands of small
	   segments and merged them (4× the CPU at 100,000 items) */
	snprintf(
	    sql, sizeof sql,
	    "INSERT INTO %s(rowid, %s) SELECT r.id, %s FROM (SELECT r.id AS id "
	    "FROM items i JOIN states s ON s.name = i.state "
	    "JOIN revisions r ON r.item_id = i.id AND r.rev = i.current_rev "
	    "WHERE NOT s.withdrawn ORDER BY r.id LIMIT -1) AS x JOIN revisions r ON r.id = x.id "
	    "WHERE nd_progress('rebuilding %s', (SELECT count(*) FROM items))",
	    indexes[k].table, indexes[k].columns, indexes[k].columns, indexes[k].what);
	return rc < 0 ? rc : nd_sql_exec(st, err, "rebuilding the index", sql, NULL);
}

/* fresh: an index too damaged to clear is reset (a second try, when the
 * first failed on a damaged index). */
static int rebuild(struct nd_store *st, bool fresh, int64_t *indexed, struct nd_error *err)
{
	int rc = nd_store_begin(st, err);
	if (rc < 0)
		return rc;
	for (size_t k = 0; k < sizeof indexes / sizeof *indexes; k++) {
		if ((rc = fill_index(st, k, fresh, err)) < 0) {
			nd_store_rollback(st);
			return rc;
		}
		if (k == 0)
			*indexed = rc;
	}
	return nd_store_commit(st, err);
}

int nd_search_rebuild(struct nd_store *st, int64_t *indexed, struct nd_error *err)
{
	int rc = rebuild(st, false, indexed, err);
	return rc == ND_EDB ? rebuild(st, true, indexed, err) : rc;
}

int nd_search_reindex(struct nd_store *st, const struct nd_actor *actor, int64_t *indexed,
		      struct nd_error *err)
{
	int rc = nd_require_rank(actor, ND_RANK_ADMIN, N_("rebuild the search index"), err);
	return rc < 0 ? rc : nd_search_rebuild(st, indexed, err);
}
