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

/* What the checks above read, once each, beside the revisions the pass
 * kept: by kept revision, whether it is the current one of an item a
 * search may find and whether each index holds it; then, for each check,
 * the items or docsize rows to ask it about, in its order. */
enum { CURRENT = 1, INDEXED = 2 /* << docsize table */ };
enum { NOT_KEPT = -1 };
struct member_item {
	int64_t id;
	int64_t at; /* its current revision among the kept, or NOT_KEPT */
	int8_t shown; /* 1: not withdrawn, 0: withdrawn, -1: not told here (SQL is asked) */
};
struct asks {
	int64_t *id;
	size_t n, cap;
};
struct members {
	const struct nd_revs *revs;
	unsigned char *flags; /* by kept revision */
	struct member_item *items; /* in id order */
	size_t n_items, cap_items;
	struct asks asks[N_INDEX_CHECKS];
};

static void members_free(struct members *m)
{
	free(m->flags);
	free(m->items);
	for (size_t c = 0; c < N_INDEX_CHECKS; c++)
		free(m->asks[c].id);
}

/* arr (of n elements of size elem) with room for one more, or NULL (arr
 * is left as it was). */
static void *room(void *arr, size_t n, size_t *cap, size_t elem)
{
	if (n < *cap)
		return arr;
	size_t want = *cap ? *cap * 2 : 1024;
	void *grown = realloc(arr, want * elem);
	if (grown)
		*cap = want;
	return grown;
}

static bool ask(struct asks *a, int64_t id)
{
	int64_t *ids = room(a->id, a->n, &a->cap, sizeof *a->id);
	if (!ids)
		return false;
	a->id = ids;
	a->id[a->n++] = id;
	return true;
}

/* The workflow's states: which a search may find (withdrawn is 0), where
 * it is a plain 0 or 1 (anything else: SQL is asked). */
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

/* The items, each with its current revision among the kept (marked
 * CURRENT where a search may find the item). */
static int read_items(struct nd_store *st, struct members *m, struct nd_error *err)
{
	struct state_shown states[32];
	size_t n_states = 0;
	sqlite3_stmt *stmt = NULL;
	int rc = read_states(st, states, sizeof states / sizeof *states, &n_states, err);
	if (rc >= 0)
		rc = nd_sql_prepare(st, &stmt, err,
				    "SELECT id, current_rev, state FROM items ORDER BY id", NULL);
	while (rc >= 0 && (rc = nd_sql_step(st, stmt, "search index", err)) > 0) {
		struct member_item *items =
		    room(m->items, m->n_items, &m->cap_items, sizeof *items);
		if (!items) {
			rc = nd_fail(err, ND_ENOMEM, _("out of memory"));
			break;
		}
		m->items = items;
		struct member_item *it = &m->items[m->n_items++];
		it->id = sqlite3_column_int64(stmt, 0);
		it->shown = sqlite3_column_type(stmt, 1) == SQLITE_INTEGER
				? state_shown(states, n_states, sqlite3_column_text(stmt, 2))
				: -1;
		const struct nd_rev *r =
		    it->shown > 0 ? nd_revs_find(m->revs, it->id, sqlite3_column_int64(stmt, 1))
				  : NULL;
		it->at = r ? (int64_t)nd_revs_at(m->revs, r) : NOT_KEPT;
		if (r)
			m->flags[it->at] |= CURRENT;
	}
	if (stmt)
		sqlite3_finalize(stmt);
	return rc;
}

/* A docsize table's ids, walked beside the kept revisions (both in id
 * order): each marked INDEXED there, and a row that is not the current
 * revision of an item a search may find is asked about (check c). */
static int read_index(struct nd_store *st, struct members *m, int k, size_t c, struct nd_error *err)
{
	static const char *const sql[] = { "SELECT id FROM search_docsize ORDER BY id",
					   "SELECT id FROM search_head_docsize ORDER BY id" };
	sqlite3_stmt *stmt = NULL;
	size_t j = 0;
	const struct nd_rev *r = nd_revs_nth(m->revs, 0);
	int rc = nd_sql_prepare(st, &stmt, err, sql[k], NULL);
	while (rc >= 0 && (rc = nd_sql_step(st, stmt, "search index", err)) > 0) {
		int64_t id = sqlite3_column_int64(stmt, 0);
		while (r && r->id < id)
			r = nd_revs_nth(m->revs, ++j);
		bool there = r && r->id == id;
		if (there)
			m->flags[j] |= INDEXED << k;
		if ((!there || !(m->flags[j] & CURRENT)) && !ask(&m->asks[c], id)) {
			rc = nd_fail(err, ND_ENOMEM, _("out of memory"));
			break;
		}
	}
	if (stmt)
		sqlite3_finalize(stmt);
	return rc;
}

/* The items whose current revision an index (k) may have lost: asked of check c. */
static bool ask_lost(struct members *m, int k, size_t c)
{
	for (size_t i = 0; i < m->n_items; i++) {
		const struct member_item *it = &m->items[i];
		bool lost =
		    it->shown < 0 ||
		    (it->shown > 0 && (it->at == NOT_KEPT || !(m->flags[it->at] & (INDEXED << k))));
		if (lost && !ask(&m->asks[c], it->id))
			return false;
	}
	return true;
}

/* What each check is to be asked about; < 0 when it cannot be told here. */
static int pick(struct nd_store *st, struct members *m, struct nd_error *err)
{
	size_t n = nd_revs_count(m->revs);
	if (!nd_revs_all(m->revs)) /* a revision the pass could not place */
		return ND_EDB;
	if (!(m->flags = calloc(n ? n : 1, 1)))
		return ND_ENOMEM;
	int rc = read_items(st, m, err);
	for (size_t c = 0; rc >= 0 && c < N_INDEX_CHECKS; c++)
		if (!index_checks[c].by_item)
			rc = read_index(st, m, index_checks[c].docsize, c, err);
	for (size_t c = 0; rc >= 0 && c < N_INDEX_CHECKS; c++)
		if (index_checks[c].by_item && !ask_lost(m, index_checks[c].docsize, c))
			rc = ND_ENOMEM;
	return rc;
}

/* Check c asked of what was picked for it, each by the query narrowed to
 * it, into report. The rows of a query by item come in its plan's order,
 * which only the whole query knows: where two or more items are found, it
 * runs whole. How many problems, or < 0 (then nothing was reported). */
static int picked_check(struct nd_store *st, const struct members *m, size_t c,
			struct nd_buf *report, struct nd_error *err)
{
	char sql[640];
	snprintf(sql, sizeof sql, "%s%s", index_checks[c].sql, index_checks[c].narrow);
	sqlite3_stmt *stmt = NULL;
	struct nd_buf lines = { 0 };
	int rc = m->asks[c].n ? nd_sql_prepare(st, &stmt, err, sql, "i", (int64_t)0) : 0;
	int problems = 0;
	for (size_t k = 0; rc >= 0 && k < m->asks[c].n; k++) {
		sqlite3_reset(stmt);
		if ((rc = sqlite3_bind_int64(stmt, 1, m->asks[c].id[k])) != SQLITE_OK) {
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
	bool picked = revs && pick(st, &m, &why) >= 0;
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
