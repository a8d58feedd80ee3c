/* search.c — full-text search over every item. Words of any length go
 * through the bigram index (see search.h); the one exception is a search
 * within a withdrawn state (--state spiked), whose items the index does not
 * hold: those few are read one by one. The exact total is the index's own
 * count when nothing else filters and every word is one index term, so it
 * costs one walk of a list of rowids (for a one-character word, the merge
 * of every pair that starts with it first: 0.6 s for 会 at a million
 * items).
 *
 * Chosen by measurement, 100,000 generated items (bench/gen.c), 2 shared
 * cores: the trigram index was 537 MB and could not answer 工会 at all;
 * the bigram index with positions (detail=full) was 760 MB, larger than
 * the text; without positions (detail=none, migration search_no_positions) it is 118 MB, 0.17×
 * the revisions table. A longer word then costs a re-check of the index's
 * candidates against their text (nd_bigram_has): its first page reads 20
 * or so, its exact total every candidate. The headlines have an index of
 * their own (search_head), because detail=none has no columns and the
 * headline hits rank first. Without a term for every character (migration
 * search_pairs) it is 0.30× the text it indexes, where it was 0.44×; a
 * page of a one-character word reads the newest items' text first
 * (newest_part), as a common character is in most of them. */
#include "newsdesk/search.h"
#include "newsdesk/bigram.h"
#include "newsdesk/lang.h"
#include "newsdesk/measure.h"
#include "newsdesk/store_sql.h"
#include "newsdesk/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Bytes of the blank at p, or 0: the blanks the tokenizer splits at
 * (ASCII white space, no-break space, ideographic space). */
static size_t blank_at(const char *p)
{
	if (*p == ' ' || (*p >= '\t' && *p <= '\r'))
		return 1;
	if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0)
		return 2;
	if ((unsigned char)p[0] == 0xE3 && (unsigned char)p[1] == 0x80 &&
	    (unsigned char)p[2] == 0x80)
		return 3;
	return 0;
}

int nd_search_parse(const char *query, struct nd_search_terms *t, struct nd_error *err)
{
	memset(t, 0, sizeof *t);
	const char *p = query ? query : "";
	/* a phrase costs a doclist per character: bound what one query can ask */
	if (strlen(p) > ND_SEARCH_MAX_BYTES)
		return nd_fail(err, ND_EINVAL, _("the query is too long (at most %d bytes)"),
			       ND_SEARCH_MAX_BYTES);
	while (*p) {
		size_t skip;
		while ((skip = blank_at(p)) > 0)
			p += skip;
		if (!*p)
			break;
		const char *start = p, *end;
		if (*p == '"' && strchr(p + 1, '"')) {
			/* "a quoted phrase" is one term, blanks and all */
			start = p + 1;
			end = strchr(start, '"');
			p = end + 1;
		} else {
			end = p;
			while (*end && !blank_at(end))
				end++;
			p = end;
		}
		const char *q = start;
		while (q < end && blank_at(q))
			q += blank_at(q);
		if (q >= end)
			continue; /* nothing but blanks */
		if (t->n == ND_SEARCH_MAX_TERMS) {
			nd_search_terms_free(t);
			return nd_fail(err, ND_EINVAL, _("too many search words (at most %d)"),
				       ND_SEARCH_MAX_TERMS);
		}
		t->term[t->n] = strndup(start, (size_t)(end - start));
		if (!t->term[t->n]) {
			nd_search_terms_free(t);
			return nd_fail(err, ND_ENOMEM, _("out of memory"));
		}
		t->n++;
	}
	if (t->n == 0)
		return nd_fail(err, ND_EINVAL, _("search for what? the query is empty"));
	return 0;
}

void nd_search_terms_free(struct nd_search_terms *t)
{
	for (int i = 0; i < t->n; i++)
		free(t->term[i]);
	memset(t, 0, sizeof *t);
}

/* The term is in one of the item's fields, character by character as the
 * index folds them (nd_bigram_has: the tokenizer's own normalisation). */
static void add_anywhere(struct nd_buf *sql, int k)
{
	static const char *const columns[] = { "r.headline", "r.kicker", "r.subhead",
					       "r.dateline", "r.byline", "r.body" };
	nd_buf_adds(sql, "AND (");
	for (size_t c = 0; c < sizeof columns / sizeof *columns; c++)
		nd_buf_printf(sql, "%snd_bigram_has(%s, :t%d)", c ? " OR " : "", columns[c], k);
	nd_buf_adds(sql, ") ");
}

/* Some term is in the headline. */
static void add_in_headline(struct nd_buf *sql, int n, bool negate)
{
	nd_buf_adds(sql, negate ? "AND NOT (" : "AND (");
	for (int k = 0; k < n; k++)
		nd_buf_printf(sql, "%snd_bigram_has(r.headline, :t%d)", k ? " OR " : "", k);
	nd_buf_adds(sql, ") ");
}

/* About 15 characters either side of the first hit, the hit in « ». */
static char *snippet(const char *text, const struct nd_search_terms *t)
{
	const char *hit = NULL;
	size_t hit_len = 0;
	for (int k = 0; k < t->n; k++) {
		/* as the search matched it: folded (工會 for 工会, ＡＰＰ for app) */
		int len, at = nd_bigram_find(text, (int)strlen(text), t->term[k],
					     (int)strlen(t->term[k]), &len);
		if (at >= 0 && (!hit || text + at < hit)) {
			hit = text + at;
			hit_len = (size_t)len;
		}
	}
	if (!hit)
		return NULL;
	const char *from = hit;
	for (int i = 0; i < 15 && from > text; i++)
		do
			from--;
		while (from > text && ((unsigned char)*from & 0xC0) == 0x80);
	const char *to = hit + hit_len;
	for (int i = 0; i < 15 && *to && *to != '\n'; i++) {
		to++;
		while (*to && ((unsigned char)*to & 0xC0) == 0x80)
			to++;
	}
	/* stay within the paragraph */
	const char *nl = memchr(from, '\n', (size_t)(hit - from));
	while (nl) {
		from = nl + 1;
		nl = memchr(from, '\n', (size_t)(hit - from));
	}
	struct nd_buf b = ND_BUF_INIT;
	if (from > text)
		nd_buf_adds(&b, "…");
	nd_buf_add(&b, from, (size_t)(hit - from));
	nd_buf_adds(&b, "«");
	nd_buf_add(&b, hit, hit_len);
	nd_buf_adds(&b, "»");
	nd_buf_add(&b, hit + hit_len, (size_t)(to - (hit + hit_len)));
	if (*to)
		nd_buf_adds(&b, "…");
	return nd_buf_take(&b);
}

/* One search, put together once. */
struct query {
	struct nd_search_terms t;
	char *expr[ND_SEARCH_MAX_TERMS]; /* each term's FTS5 expression (nd_bigram_expr) */
	bool exact_term[ND_SEARCH_MAX_TERMS]; /* the term is one index term */
	bool exact; /* every term is one index term: the index's hits need no re-check */
	bool merge; /* a term is a prefix (a one-character word): FTS5 merges every
		       term that starts with it before its first row */
	bool scan; /* a withdrawn state: its items' text, read one by one */
	bool joined; /* filters: the index's hits are joined to their items */
};

/* Each term's candidates in the index, and whether they are all hits. */
static int terms_expr(struct query *q, struct nd_error *err)
{
	q->exact = true;
	for (int k = 0; k < q->t.n; k++) {
		int exact = 0, prefix = 0;
		q->expr[k] =
		    nd_bigram_expr(q->t.term[k], (int)strlen(q->t.term[k]), &exact, &prefix);
		if (!q->expr[k])
			return nd_fail(err, ND_ENOMEM, _("out of memory"));
		q->exact_term[k] = exact;
		q->merge = q->merge || prefix;
		q->exact = q->exact && exact;
	}
	return 0;
}

static void query_free(struct query *q)
{
	for (int k = 0; k < q->t.n; k++)
		sqlite3_free(q->expr[k]);
	nd_search_terms_free(&q->t);
}

/* An FTS5 expression: the terms' candidates joined by op ("AND", "OR"). */
static char *fts_expr(const struct query *q, const char *op)
{
	struct nd_buf b = ND_BUF_INIT;
	for (int k = 0; k < q->t.n; k++)
		nd_buf_printf(&b, "%s(%s)", k ? op : "", q->expr[k]);
	return nd_buf_take(&b);
}

static bool reporter_only(const struct nd_actor *actor)
{
	return actor->user.rank < ND_RANK_EDITOR;
}

/* Where a part's rows come from: the index (its hits joined to their
 * revisions, and to their items when a filter or the page needs them), one
 * revision the index holds, :id, with every word re-checked in its text
 * (NEWEST: newest_part asks for the newest one by one, no FTS5 query at
 * all), or the index's hits below :edge (OLDER, what NEWEST did not read). */
enum source { INDEX, INDEX_ITEMS, NEWEST, OLDER };

/* NEWEST's re-check of every word in the text, the headline first (short):
 * "AND …" terms, after a "1" in the SELECT list, so the text is read only
 * for the rows the filters let through. */
static void add_newest_checks(struct nd_buf *sql, const struct query *q, int part)
{
	if (part != 0)
		add_in_headline(sql, q->t.n, part < 0);
	for (int k = 0; k < q->t.n; k++)
		if (!(part > 0 && q->t.n == 1))
			add_anywhere(sql, k);
}

/* The FROM and WHERE of one part: the hits with a term in the headline
 * (part > 0, from the headline index), those without (< 0), or all (0). */
static void add_from(struct nd_buf *sql, const struct query *q, const struct nd_search_options *o,
		     const struct nd_actor *actor, int part, enum source from)
{
	const char *index = part > 0 ? "search_head" : "search";
	bool newest = from == NEWEST && !q->scan;
	if (q->scan) {
		nd_buf_adds(sql, "FROM items i JOIN revisions r ON r.item_id = i.id "
				 "AND r.rev = i.current_rev WHERE 1 ");
	} else if (newest) {
		nd_buf_adds(sql, "FROM revisions r JOIN items i ON i.id = r.item_id "
				 "AND r.rev = i.current_rev WHERE r.id = :id ");
	} else {
		nd_buf_printf(sql, "FROM %s JOIN revisions r ON r.id = %s.rowid ", index, index);
		if (from != INDEX || q->joined)
			nd_buf_adds(sql,
				    "JOIN items i ON i.id = r.item_id AND r.rev = i.current_rev ");
		nd_buf_printf(sql, "WHERE %s MATCH %s ", index, part > 0 ? ":head" : ":fts");
		if (from == OLDER)
			nd_buf_printf(sql, "AND %s.rowid < :edge ", index);
	}
	/* the index proves a one-term word; the rest is read in the text (the
	   headline index proves only that some term may be in the headline);
	   NEWEST's are in its SELECT list (add_newest_checks) */
	bool single = q->t.n == 1 && q->exact;
	for (int k = 0; k < q->t.n; k++)
		if (q->scan || (!newest && (part > 0 ? !single : !q->exact_term[k])))
			add_anywhere(sql, k);
	if (!newest && (part < 0 || (part > 0 && (q->scan || !q->exact))))
		add_in_headline(sql, q->t.n, part < 0);
	/* the index holds no withdrawn item; the scan is of one state */
	if (o->state)
		nd_buf_adds(sql, "AND i.state = :state ");
	if (o->section)
		nd_buf_adds(sql, "AND i.section = :section ");
	if (o->reporter || reporter_only(actor))
		nd_buf_adds(sql, "AND i.reporter = :reporter ");
	if (o->issue)
		nd_buf_adds(sql, "AND i.issue = :issue ");
	if (o->since)
		nd_buf_adds(sql, "AND i.filed_at >= :since ");
	if (o->until)
		nd_buf_adds(sql, "AND i.filed_at < :until ");
}

static void bind_param(sqlite3_stmt *stmt, const char *name, const char *value)
{
	int idx = sqlite3_bind_parameter_index(stmt, name);
	if (idx)
		nd_bind_text(stmt, idx, value);
}

static void bind_query(sqlite3_stmt *stmt, const struct query *q, const struct nd_search_options *o,
		       const struct nd_actor *actor)
{
	int idx;
	for (int k = 0; k < q->t.n; k++) {
		char name[16];
		snprintf(name, sizeof name, ":t%d", k);
		bind_param(stmt, name, q->t.term[k]);
	}
	if ((idx = sqlite3_bind_parameter_index(stmt, ":fts")))
		sqlite3_bind_text(stmt, idx, fts_expr(q, " AND "), -1, free);
	if ((idx = sqlite3_bind_parameter_index(stmt, ":head")))
		sqlite3_bind_text(stmt, idx, fts_expr(q, " OR "), -1, free);
	bind_param(stmt, ":state", o->state);
	bind_param(stmt, ":section", o->section);
	bind_param(stmt, ":reporter", reporter_only(actor) ? actor->user.login : o->reporter);
	bind_param(stmt, ":issue", o->issue);
	if ((idx = sqlite3_bind_parameter_index(stmt, ":since")))
		sqlite3_bind_int64(stmt, idx, o->since);
	if ((idx = sqlite3_bind_parameter_index(stmt, ":until")))
		sqlite3_bind_int64(stmt, idx, o->until);
}

/* The exact number of items matching one part. With no filter the index
 * holds exactly the items that may be found, so when its candidates need
 * no re-check their count is the answer: one walk of a list of rowids. */
static int count_part(struct nd_store *st, const struct query *q, const struct nd_search_options *o,
		      const struct nd_actor *actor, int part, int64_t *count, struct nd_error *err)
{
	struct nd_buf sql = ND_BUF_INIT;
	sqlite3_stmt *stmt;
	if (!q->scan && !q->joined && q->exact && part == 0) {
		nd_buf_adds(&sql, "SELECT count(*) FROM search WHERE search MATCH :fts");
	} else {
		nd_buf_adds(&sql, "SELECT count(*) ");
		add_from(&sql, q, o, actor, part, INDEX);
	}
	int rc = nd_store_prepare(st, nd_buf_str(&sql), &stmt, err);
	nd_buf_free(&sql);
	if (rc < 0)
		return rc;
	bind_query(stmt, q, o, actor);
	*count = 0;
	if ((rc = nd_sql_step(st, stmt, "counting search hits", err)) > 0) {
		*count = sqlite3_column_int64(stmt, 0);
		rc = 0;
	}
	sqlite3_finalize(stmt);
	return rc;
}

static int add_hit(sqlite3_stmt *stmt, const struct query *q, int part, struct nd_search_hit **hits,
		   size_t *n, struct nd_error *err)
{
	struct nd_search_hit *nh = realloc(*hits, (*n + 1) * sizeof *nh);
	if (!nh)
		return nd_fail(err, ND_ENOMEM, _("out of memory"));
	*hits = nh;
	struct nd_search_hit *h = &(*hits)[(*n)++];
	memset(h, 0, sizeof *h);
	h->id = sqlite3_column_int64(stmt, 0);
	h->state = nd_column_dup(stmt, 1);
	h->state_label = nd_column_dup(stmt, 2);
	h->headline = nd_column_dup(stmt, 3);
	const char *body = (const char *)sqlite3_column_text(stmt, 4);
	h->updated_at = sqlite3_column_int64(stmt, 5);
	h->chars = (long)sqlite3_column_int64(stmt, 6);
	h->in_headline = part > 0;
	/* the hit where it is: the body, else the dateline (a reporter named
	   only there), else the headline */
	const char *dateline = (const char *)sqlite3_column_text(stmt, 7);
	h->snippet = snippet(body ? body : "", &q->t);
	if (!h->snippet && dateline)
		h->snippet = snippet(dateline, &q->t);
	if (!h->snippet)
		h->snippet = snippet(h->headline ? h->headline : "", &q->t);
	return 0;
}

/* The SELECT of a page's rows from one source (add_hit reads them). */
static int page_sql(struct nd_store *st, const struct query *q, const struct nd_search_options *o,
		    const struct nd_actor *actor, int part, enum source from, sqlite3_stmt **stmt,
		    struct nd_error *err)
{
	struct nd_buf sql = ND_BUF_INIT;
	/* the label by a subquery: a join to states could let the planner
	   start from the states rather than from the index */
	nd_buf_adds(&sql, "SELECT i.id, i.state, (SELECT CASE WHEN :zh THEN label_zh ELSE label_en "
			  "END FROM states WHERE name = i.state), "
			  "r.headline, r.body, i.updated_at, " ND_SQL_CHARS("r") ", r.dateline ");
	if (from == NEWEST && !q->scan) {
		nd_buf_adds(&sql, ", (1 ");
		add_newest_checks(&sql, q, part);
		nd_buf_adds(&sql, ") ");
	}
	add_from(&sql, q, o, actor, part, from);
	/* the index yields its rowids newest first without sorting, so LIMIT
	   stops the walk after one page */
	if (from != NEWEST || q->scan) {
		nd_buf_adds(&sql, q->scan    ? "ORDER BY r.id DESC "
				  : part > 0 ? "ORDER BY search_head.rowid DESC "
					     : "ORDER BY search.rowid DESC ");
		nd_buf_adds(&sql, "LIMIT :limit OFFSET :offset");
	}
	int rc = nd_store_prepare(st, nd_buf_str(&sql), stmt, err);
	nd_buf_free(&sql);
	if (rc < 0)
		return rc;
	bind_query(*stmt, q, o, actor);
	sqlite3_bind_int(*stmt, sqlite3_bind_parameter_index(*stmt, ":zh"), nd_lang_is_zh());
	return 0;
}

/* Hits of one part from the index (INDEX_ITEMS, or OLDER: below edge),
 * newest first, from offset, until *n reaches limit. */
static int page_from(struct nd_store *st, const struct query *q, const struct nd_search_options *o,
		     const struct nd_actor *actor, int part, enum source from, int64_t edge,
		     int64_t offset, int limit, struct nd_search_hit **hits, size_t *n,
		     struct nd_error *err)
{
	sqlite3_stmt *stmt;
	int rc = page_sql(st, q, o, actor, part, from, &stmt, err);
	if (rc < 0)
		return rc;
	int idx;
	if ((idx = sqlite3_bind_parameter_index(stmt, ":edge")))
		sqlite3_bind_int64(stmt, idx, edge);
	sqlite3_bind_int(stmt, sqlite3_bind_parameter_index(stmt, ":limit"), limit - (int)*n);
	sqlite3_bind_int64(stmt, sqlite3_bind_parameter_index(stmt, ":offset"), offset);
	while ((rc = nd_sql_step(st, stmt, "searching", err)) > 0)
		if ((rc = add_hit(stmt, q, part, hits, n, err)) < 0)
			break;
	sqlite3_finalize(stmt);
	return rc;
}

/* How many of the newest indexed items a page of a word with a prefix
 * term reads in their text before it asks the index. A common character
 * (的, 工, 会: in most items) fills a page from a few dozen of them, where
 * FTS5 would first merge every pair that starts with it (0.6 s at a
 * million items); a rare one is in few of them, and its merge is small:
 * at a million items a page of 会 took 6 ms, of a character in 0.1%, 1%
 * or 5% of the items 11–15 ms (bench/search measures both). */
enum { NEWEST_ITEMS = 500 };

/* NEWEST_ITEMS; in a test build only (-Dtest_hooks=true),
 * NEWSDESK_SEARCH_NEWEST=N reads N instead (0: none, the index alone), so
 * the tests cross the edge with a few items. The shipped binary reads no
 * such variable. */
static int64_t newest_items(void)
{
#ifdef ND_TEST_HOOKS
	const char *v = getenv("NEWSDESK_SEARCH_NEWEST");
	if (v && *v)
		return atoll(v) > 0 ? atoll(v) : 0;
#endif
	return NEWEST_ITEMS;
}

/* A walk of the revisions the index holds, one by one from a rowid: those
 * the filters let through, at most newest_items() of them (of at most
 * NEWEST_READ times as many read: a reporter's own items are a few in each
 * hundred), read one by one (a join would let SQLite's planner read the
 * whole revisions table first, for a Bloom filter), every word re-checked
 * in the text. Of the hits, offset are passed over, then take is given
 * each until want are taken. seen: the hits read, those passed over too;
 * edge: the last rowid read when the index holds more beyond it (else -1):
 * the index is asked only beyond it, so no hit comes twice. */
enum { NEWEST_READ = 20 };

struct walk {
	int64_t from; /* the first rowid read (inclusive) */
	bool up; /* rowids ascending from it (else descending) */
	int64_t offset;
	int want;
	int64_t seen, edge; /* out */
};

typedef int (*take_hit)(sqlite3_stmt *row, int64_t rowid, void *arg, struct nd_error *err);

static const char *const walk_ids[2][2] = {
	{ "SELECT id FROM search_docsize WHERE id <= ?1 ORDER BY id DESC LIMIT ?2",
	  "SELECT id FROM search_docsize WHERE id >= ?1 ORDER BY id ASC LIMIT ?2" },
	{ "SELECT id FROM search_head_docsize WHERE id <= ?1 ORDER BY id DESC LIMIT ?2",
	  "SELECT id FROM search_head_docsize WHERE id >= ?1 ORDER BY id ASC LIMIT ?2" },
};

static int walk_part(struct nd_store *st, const struct query *q, const struct nd_search_options *o,
		     const struct nd_actor *actor, int part, struct walk *w, take_hit take,
		     void *arg, struct nd_error *err)
{
	sqlite3_stmt *row, *ids;
	int rc = page_sql(st, q, o, actor, part, NEWEST, &row, err);
	if (rc < 0)
		return rc;
	int64_t most = newest_items() * NEWEST_READ, read = 0, passed = 0, last = -1;
	if ((rc = nd_sql_prepare(st, &ids, err, walk_ids[part > 0][w->up], "ii", w->from, most)) <
	    0) {
		sqlite3_finalize(row);
		return rc;
	}
	int id_at = sqlite3_bind_parameter_index(row, ":id");
	bool end = false; /* the index read to its end: nothing beyond */
	w->seen = 0;
	while (w->want > 0 && passed < newest_items()) {
		if ((rc = nd_sql_step(st, ids, "reading the newest items", err)) <= 0) {
			end = rc == 0 && read < most;
			break;
		}
		last = sqlite3_column_int64(ids, 0);
		read++;
		sqlite3_bind_int64(row, id_at, last);
		rc = nd_sql_step(st, row, "searching", err);
		passed += rc > 0;
		if (rc > 0 && sqlite3_column_int(row, 8) && w->seen++ >= w->offset &&
		    (rc = take(row, last, arg, err)) >= 0)
			w->want--;
		sqlite3_reset(row);
		if (rc < 0)
			break;
	}
	w->edge = end ? -1 : last;
	sqlite3_finalize(ids);
	sqlite3_finalize(row);
	return rc < 0 ? rc : 0;
}

/* A page's hits from a walk (add_hit). */
struct page_hits {
	const struct query *q;
	int part;
	struct nd_search_hit **hits;
	size_t *n;
};

static int take_page_hit(sqlite3_stmt *row, int64_t rowid, void *arg, struct nd_error *err)
{
	struct page_hits *p = arg;
	(void)rowid;
	return add_hit(row, p->q, p->part, p->hits, p->n, err);
}

/* Hits of one part among the newest newest_items() revisions its index
 * holds (walk_part from the newest down), newest first, from offset, until
 * *n reaches limit. */
static int newest_part(struct nd_store *st, const struct query *q,
		       const struct nd_search_options *o, const struct nd_actor *actor, int part,
		       int64_t offset, int limit, struct nd_search_hit **hits, size_t *n,
		       int64_t *seen, int64_t *edge, struct nd_error *err)
{
	struct walk w = { .from = INT64_MAX, .offset = offset, .want = limit - (int)*n };
	struct page_hits p = { q, part, hits, n };
	int rc = walk_part(st, q, o, actor, part, &w, take_page_hit, &p, err);
	*seen = w.seen;
	*edge = w.edge;
	return rc;
}

/* Hits of one part, newest first, from offset, until *n reaches limit.
 * A word with a prefix term reads the newest items first, then asks the
 * index for the older ones only when the page is not full: no hit twice
 * (the newest are from the edge up, the index's below it), none missed,
 * in the index's order. */
static int page_part(struct nd_store *st, const struct query *q, const struct nd_search_options *o,
		     const struct nd_actor *actor, int part, int64_t offset, int limit,
		     struct nd_search_hit **hits, size_t *n, struct nd_error *err)
{
	int64_t edge = -1, seen = 0;
	if ((int)*n >= limit)
		return 0;
	if (!q->merge || q->scan || newest_items() == 0)
		return page_from(st, q, o, actor, part, INDEX_ITEMS, 0, offset, limit, hits, n,
				 err);
	int rc = newest_part(st, q, o, actor, part, offset, limit, hits, n, &seen, &edge, err);
	if (rc < 0 || (int)*n >= limit || edge < 0)
		return rc;
	return page_from(st, q, o, actor, part, OLDER, edge, offset > seen ? offset - seen : 0,
			 limit, hits, n, err);
}

/* Is state one the index leaves out (withdrawn)? */
static int withdrawn_state(struct nd_store *st, const char *state, bool *withdrawn,
			   struct nd_error *err)
{
	int64_t w = 0;
	int rc = nd_sql_int(st, &w, err, "reading the workflow",
			    "SELECT withdrawn FROM states WHERE name = ?", "s", state);
	*withdrawn = rc > 0 && w;
	return rc < 0 ? rc : 0;
}

/* The page: headline hits first, then the others. Paging past the
 * headline hits needs their number, counted only when this page holds
 * none of them (a page that starts among them ends where they end). */
static int run_search(struct nd_store *st, const struct query *q, struct nd_search_options *o,
		      const struct nd_actor *actor, struct nd_search_hit **hits, size_t *n,
		      struct nd_error *err)
{
	int limit = o->limit > 0 ? o->limit : 20;
	int64_t head = 0;
	int rc = 0;
	o->total = -1;
	if (!o->page_only && (rc = count_part(st, q, o, actor, 0, &o->total, err)) < 0)
		return rc;
	if (o->total >= 0 && o->offset >= o->total)
		return 0;
	if ((rc = page_part(st, q, o, actor, 1, o->offset, limit, hits, n, err)) < 0)
		return rc;
	if (*n > 0 || o->offset == 0)
		return page_part(st, q, o, actor, -1, 0, limit, hits, n, err);
	if ((rc = count_part(st, q, o, actor, 1, &head, err)) < 0)
		return rc;
	return page_part(st, q, o, actor, -1, o->offset - head, limit, hits, n, err);
}

/* The query parsed and its plan chosen (the scan of a withdrawn state,
 * whether the index's hits are joined to filter them). */
static int prepare_query(struct nd_store *st, const struct nd_actor *actor, const char *query,
			 const struct nd_search_options *o, struct query *q, struct nd_error *err)
{
	memset(q, 0, sizeof *q);
	if (o->offset < 0)
		return nd_fail(err, ND_EINVAL,
			       _("a search page cannot start before the first hit"));
	int rc = nd_search_parse(query, &q->t, err);
	if (rc < 0)
		return rc;
	if ((rc = terms_expr(q, err)) < 0 ||
	    (o->state && (rc = withdrawn_state(st, o->state, &q->scan, err)) < 0)) {
		query_free(q);
		return rc;
	}
	q->joined = q->scan || o->state || o->section || o->reporter || o->issue || o->since ||
		    o->until || reporter_only(actor);
	return 0;
}

int nd_search(struct nd_store *st, const struct nd_actor *actor, const char *query,
	      struct nd_search_options *o, struct nd_search_hit **hits, size_t *n,
	      struct nd_error *err)
{
	struct query q;
	*hits = NULL;
	*n = 0;
	o->total = o->page_only ? -1 : 0;
	int rc = prepare_query(st, actor, query, o, &q, err);
	if (rc < 0)
		return rc;
	rc = run_search(st, &q, o, actor, hits, n, err);
	query_free(&q);
	if (rc < 0) {
		nd_search_hits_free(*hits, *n);
		*hits = NULL;
		*n = 0;
	}
	return rc;
}

int nd_search_count(struct nd_store *st, const struct nd_actor *actor, const char *query,
		    struct nd_search_options *o, struct nd_error *err)
{
	struct query q;
	int rc = prepare_query(st, actor, query, o, &q, err);
	if (rc < 0)
		return rc;
	rc = count_part(st, &q, o, actor, 0, &o->total, err);
	query_free(&q);
	return rc;
}

/* The walk's hits as their revisions' rowids (nd_search_walk). */
static int take_rowid(sqlite3_stmt *row, int64_t rowid, void *arg, struct nd_error *err)
{
	struct nd_search_walk *w = arg;
	(void)row;
	int64_t *ids = realloc(w->ids, (w->n + 1) * sizeof *ids);
	if (!ids)
		return nd_fail(err, ND_ENOMEM, _("out of memory"));
	w->ids = ids;
	w->ids[w->n++] = rowid;
	return 0;
}

int nd_search_walk(struct nd_store *st, const struct nd_actor *actor, const char *query,
		   const struct nd_search_options *o, struct nd_search_walk *w,
		   struct nd_error *err)
{
	struct query q;
	w->ids = NULL;
	w->n = 0;
	w->seen = 0;
	w->edge = -1;
	int rc = prepare_query(st, actor, query, o, &q, err);
	if (rc < 0)
		return rc;
	/* a withdrawn state: the index holds none of its items, nor any walk */
	if (!q.scan && w->limit > 0) {
		struct walk k = { w->from, w->up, w->offset, w->limit, 0, -1 };
		rc = walk_part(st, &q, o, actor, 0, &k, take_rowid, w, err);
		w->seen = k.seen;
		w->edge = k.edge;
	}
	query_free(&q);
	if (rc < 0) {
		free(w->ids);
		w->ids = NULL;
		w->n = 0;
	}
	return rc;
}

/* The query parsed with its terms' expressions, for the text limit. */
static int text_query(const char *query, struct query *q, struct nd_error *err)
{
	memset(q, 0, sizeof *q);
	int rc = nd_search_parse(query, &q->t, err);
	if (rc == 0 && (rc = terms_expr(q, err)) < 0)
		query_free(q);
	return rc;
}

char *nd_search_match(const char *query, struct nd_error *err)
{
	struct query q;
	if (text_query(query, &q, err) < 0)
		return NULL;
	char *expr = fts_expr(&q, " AND ");
	query_free(&q);
	if (!expr)
		nd_fail(err, ND_ENOMEM, _("out of memory"));
	return expr;
}

bool nd_search_merges(const char *query)
{
	struct query q;
	struct nd_error err = { 0 };
	if (newest_items() == 0 || text_query(query, &q, &err) < 0)
		return false;
	bool merge = q.merge;
	query_free(&q);
	return merge;
}

int nd_search_recheck(struct nd_buf *sql, const char *query)
{
	struct query q;
	struct nd_error err = { 0 };
	if (text_query(query, &q, &err) < 0)
		return err.code ? err.code : ND_EINVAL;
	int added = 0;
	for (int k = 0; k < q.t.n; k++)
		if (!q.exact_term[k]) {
			add_anywhere(sql, k);
			added++;
		}
	query_free(&q);
	return added;
}

void nd_search_bind_terms(struct sqlite3_stmt *stmt, const char *query)
{
	struct nd_search_terms t;
	struct nd_error err = { 0 };
	if (nd_search_parse(query, &t, &err) < 0)
		return;
	for (int k = 0; k < t.n; k++) {
		char name[16];
		snprintf(name, sizeof name, ":t%d", k);
		bind_param(stmt, name, t.term[k]);
	}
	nd_search_terms_free(&t);
}

void nd_search_hits_free(struct nd_search_hit *hits, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(hits[i].state);
		free(hits[i].state_label);
		free(hits[i].headline);
		free(hits[i].snippet);
	}
	free(hits);
}
