/* search.c — full-text search. Long terms use the trigram index, short
 * ones instr(); the results are ranked in SQL and the snippet is cut here. */
#include "newsdesk/search.h"
#include "newsdesk/store_sql.h"
#include "newsdesk/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Bytes of the blank at p (space, tab, ideographic space), or 0. */
static size_t blank_at(const char *p)
{
	if (*p == ' ' || *p == '\t')
		return 1;
	if ((unsigned char)p[0] == 0xE3 && (unsigned char)p[1] == 0x80 &&
	    (unsigned char)p[2] == 0x80)
		return 3;
	return 0;
}

int nd_search_parse(const char *query, struct nd_search_terms *t, struct nd_error *err)
{
	memset(t, 0, sizeof *t);
	const char *p = query ? query : "";
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
			return nd_fail(err, ND_EINVAL, "too many search words (at most %d)",
				       ND_SEARCH_MAX_TERMS);
		}
		t->term[t->n] = strndup(start, (size_t)(end - start));
		if (!t->term[t->n]) {
			nd_search_terms_free(t);
			return nd_fail(err, ND_ENOMEM, "out of memory");
		}
		t->n++;
	}
	if (t->n == 0)
		return nd_fail(err, ND_EINVAL, "search for what? the query is empty");
	return 0;
}

void nd_search_terms_free(struct nd_search_terms *t)
{
	for (int i = 0; i < t->n; i++)
		free(t->term[i]);
	memset(t, 0, sizeof *t);
}

/* Case matters only for Latin letters; lower() of a Chinese body would
 * copy kilobytes per row for nothing. */
static bool has_latin(const char *term)
{
	for (const char *p = term; *p; p++)
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))
			return true;
	return false;
}

/* instr over a column, folding case only when the term needs it. */
static void add_instr(struct nd_buf *sql, const char *column, const char *term, int k)
{
	if (has_latin(term))
		nd_buf_printf(sql, "instr(lower(%s), lower(:t%d))", column, k);
	else
		nd_buf_printf(sql, "instr(%s, :t%d)", column, k);
}

/* The term is in one of the item's fields. */
static void add_anywhere(struct nd_buf *sql, const char *term, int k)
{
	static const char *const columns[] = { "r.headline", "coalesce(r.kicker, '')",
					       "coalesce(r.subhead, '')", "coalesce(r.byline, '')",
					       "r.body" };
	nd_buf_adds(sql, "AND (");
	for (size_t c = 0; c < sizeof columns / sizeof *columns; c++) {
		if (c)
			nd_buf_adds(sql, " OR ");
		add_instr(sql, columns[c], term, k);
	}
	nd_buf_adds(sql, ") ");
}

static bool is_long(const char *term)
{
	return nd_utf8_length(term) >= 3;
}

int nd_search_sql(struct nd_buf *sql, const struct nd_search_terms *t)
{
	int rc = 0;
	for (int k = 0; k < t->n; k++) {
		if (is_long(t->term[k]))
			rc |= nd_buf_printf(
			    sql, "AND r.id IN (SELECT rowid FROM search WHERE search MATCH :t%d) ",
			    k);
		else
			add_anywhere(sql, t->term[k], k);
	}
	return rc;
}

/* An FTS5 string: the term between double quotes, its quotes doubled, so
 * ", *, NEAR, AND, - and the rest are only text. */
static char *fts_string(const char *term)
{
	struct nd_buf b = ND_BUF_INIT;
	nd_buf_addc(&b, '"');
	for (const char *p = term; *p; p++) {
		if (*p == '"')
			nd_buf_addc(&b, '"');
		nd_buf_addc(&b, *p);
	}
	nd_buf_addc(&b, '"');
	return nd_buf_take(&b);
}

void nd_search_bind(struct sqlite3_stmt *stmt, const struct nd_search_terms *t)
{
	for (int k = 0; k < t->n; k++) {
		char name[16];
		snprintf(name, sizeof name, ":t%d", k);
		int idx = sqlite3_bind_parameter_index(stmt, name);
		if (!idx)
			continue;
		if (is_long(t->term[k])) {
			char *s = fts_string(t->term[k]);
			sqlite3_bind_text(stmt, idx, s, -1, free);
		} else {
			nd_bind_text(stmt, idx, t->term[k]);
		}
	}
}

/* About 15 characters either side of the first hit, the hit in « ». */
static char *snippet(const char *text, const struct nd_search_terms *t)
{
	const char *hit = NULL;
	size_t hit_len = 0;
	for (int k = 0; k < t->n; k++) {
		const char *h = strcasestr(text, t->term[k]);
		if (h && (!hit || h < hit)) {
			hit = h;
			hit_len = strlen(t->term[k]);
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

/* An FTS5 expression: every long term (AND), restricted to the headline
 * (any long term in it) or excluding it. */
static char *fts_expr(const struct nd_search_terms *t, int headline)
{
	struct nd_buf b = ND_BUF_INIT;
	bool first = true;
	nd_buf_addc(&b, '(');
	for (int k = 0; k < t->n; k++) {
		if (!is_long(t->term[k]))
			continue;
		char *s = fts_string(t->term[k]);
		nd_buf_printf(&b, "%s%s", first ? "" : " AND ", s);
		free(s);
		first = false;
	}
	nd_buf_addc(&b, ')');
	if (headline) {
		nd_buf_adds(&b, headline > 0 ? " AND (" : " NOT (");
		first = true;
		for (int k = 0; k < t->n; k++) {
			if (!is_long(t->term[k]))
				continue;
			char *s = fts_string(t->term[k]);
			nd_buf_printf(&b, "%sheadline : %s", first ? "" : " OR ", s);
			free(s);
			first = false;
		}
		nd_buf_addc(&b, ')');
	}
	return nd_buf_take(&b);
}

/* One phase: headline hits (headline > 0) or the others (< 0), newest first,
 * appended to *hits until limit. */
static int phase(struct nd_store *st, const struct nd_actor *actor, const struct nd_search_terms *t,
		 struct nd_search_options *o, bool zh, int headline, struct nd_search_hit **hits,
		 size_t *n, struct nd_error *err)
{
	struct nd_buf sql = ND_BUF_INIT;
	sqlite3_stmt *stmt;
	bool fts = false;
	for (int k = 0; k < t->n; k++)
		fts |= is_long(t->term[k]);
	int limit = o->limit > 0 ? o->limit : 20;
	if ((int)*n >= limit)
		return 0;
	nd_buf_adds(&sql,
		    "SELECT i.id, i.state, CASE WHEN :zh THEN s.label_zh ELSE s.label_en END, "
		    "r.headline, r.body, i.updated_at, r.chars ");
	if (fts) {
		/* FTS5 yields rowids newest first without sorting: LIMIT stops it */
		nd_buf_adds(&sql, "FROM search JOIN revisions r ON r.id = search.rowid "
				  "JOIN items i ON i.id = r.item_id AND r.rev = i.current_rev "
				  "JOIN states s ON s.name = i.state WHERE search MATCH :fts ");
	} else {
		/* short words: the newest items first, within a window */
		nd_buf_adds(
		    &sql,
		    "FROM (SELECT id FROM items ORDER BY updated_at DESC, id DESC LIMIT :window) w "
		    "JOIN items i ON i.id = w.id "
		    "JOIN revisions r ON r.item_id = i.id AND r.rev = i.current_rev "
		    "JOIN states s ON s.name = i.state WHERE 1 ");
	}
	for (int k = 0; k < t->n; k++)
		if (!is_long(t->term[k]))
			add_anywhere(&sql, t->term[k], k);
	if (!fts) {
		nd_buf_adds(&sql, headline > 0 ? "AND (0" : "AND NOT (0");
		for (int k = 0; k < t->n; k++) {
			nd_buf_adds(&sql, " OR ");
			add_instr(&sql, "r.headline", t->term[k], k);
		}
		nd_buf_adds(&sql, ") ");
	}
	if (o->state)
		nd_buf_adds(&sql, "AND i.state = :state ");
	else
		nd_buf_adds(&sql, "AND i.state NOT IN (SELECT name FROM states WHERE withdrawn) ");
	if (o->issue)
		nd_buf_adds(&sql, "AND i.issue = :issue ");
	if (actor->user.rank < ND_RANK_EDITOR)
		nd_buf_adds(&sql, "AND i.reporter = :me ");
	nd_buf_adds(&sql, fts ? "ORDER BY search.rowid DESC LIMIT :limit"
			      : "ORDER BY i.updated_at DESC, i.id DESC LIMIT :limit");
	int rc = nd_store_prepare(st, nd_buf_str(&sql), &stmt, err);
	nd_buf_free(&sql);
	if (rc < 0)
		return rc;
	int idx;
	for (int k = 0; k < t->n; k++) {
		char name[16];
		snprintf(name, sizeof name, ":t%d", k);
		if ((idx = sqlite3_bind_parameter_index(stmt, name)))
			nd_bind_text(stmt, idx, t->term[k]);
	}
	if ((idx = sqlite3_bind_parameter_index(stmt, ":fts")))
		sqlite3_bind_text(stmt, idx, fts_expr(t, headline), -1, free);
	if ((idx = sqlite3_bind_parameter_index(stmt, ":window")))
		sqlite3_bind_int(stmt, idx, ND_SEARCH_SHORT_WINDOW);
	sqlite3_bind_int(stmt, sqlite3_bind_parameter_index(stmt, ":zh"), zh);
	if ((idx = sqlite3_bind_parameter_index(stmt, ":state")))
		nd_bind_text(stmt, idx, o->state);
	if ((idx = sqlite3_bind_parameter_index(stmt, ":issue")))
		nd_bind_text(stmt, idx, o->issue);
	if ((idx = sqlite3_bind_parameter_index(stmt, ":me")))
		nd_bind_text(stmt, idx, actor->user.login);
	sqlite3_bind_int(stmt, sqlite3_bind_parameter_index(stmt, ":limit"), limit - (int)*n);
	while ((rc = nd_sql_step(st, stmt, "searching", err)) > 0) {
		struct nd_search_hit *nh = realloc(*hits, (*n + 1) * sizeof *nh);
		if (!nh) {
			rc = nd_fail(err, ND_ENOMEM, "out of memory");
			break;
		}
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
		h->in_headline = headline > 0;
		h->snippet = snippet(body ? body : "", t);
		if (!h->snippet)
			h->snippet = snippet(h->headline ? h->headline : "", t);
	}
	sqlite3_finalize(stmt);
	if (!fts)
		o->windowed = true;
	return rc;
}

int nd_search(struct nd_store *st, const struct nd_actor *actor, const char *query,
	      struct nd_search_options *o, bool zh, struct nd_search_hit **hits, size_t *n,
	      struct nd_error *err)
{
	struct nd_search_terms t;
	*hits = NULL;
	*n = 0;
	o->windowed = false;
	int rc = nd_search_parse(query, &t, err);
	if (rc < 0)
		return rc;
	/* Headline hits first, then the rest; each newest first. */
	rc = phase(st, actor, &t, o, zh, 1, hits, n, err);
	if (rc == 0)
		rc = phase(st, actor, &t, o, zh, -1, hits, n, err);
	if (rc == 0 && o->windowed) {
		/* the window only mattered if there are more items than it holds */
		int64_t items = 0;
		rc = nd_sql_int(st, &items, err, "counting items",
				"SELECT coalesce(sum(n), 0) FROM state_counts", NULL);
		o->windowed = items > ND_SEARCH_SHORT_WINDOW;
		if (rc > 0)
			rc = 0;
	}
	nd_search_terms_free(&t);
	if (rc < 0) {
		nd_search_hits_free(*hits, *n);
		*hits = NULL;
		*n = 0;
	}
	return rc;
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

/* Clears the index and adds the current revisions ('rebuild' would read
 * every revision). fresh: the index is too damaged to open, so its shadow
 * tables are first put back as CREATE VIRTUAL TABLE leaves them (FTS5's
 * empty index: the averages and structure records, format version 4). */
static int rebuild(struct nd_store *st, bool fresh, int64_t *indexed, struct nd_error *err)
{
	int rc = nd_store_begin(st, err);
	if (rc < 0)
		return rc;
	if (fresh &&
	    ((rc = nd_sql_exec(st, err, "resetting the index", "DELETE FROM search_data", NULL)) <
		 0 ||
	     (rc = nd_sql_exec(st, err, "resetting the index", "DELETE FROM search_idx", NULL)) <
		 0 ||
	     (rc = nd_sql_exec(st, err, "resetting the index", "DELETE FROM search_docsize",
			       NULL)) < 0 ||
	     (rc = nd_sql_exec(st, err, "resetting the index",
			       "INSERT INTO search_data(id, block) VALUES (1, X''), "
			       "(10, X'00000000000000')",
			       NULL)) < 0 ||
	     (rc = nd_sql_exec(st, err, "resetting the index",
			       "INSERT OR REPLACE INTO search_config(k, v) "
			       "VALUES ('version', 4)",
			       NULL)) < 0))
		return rc;
	if ((!fresh &&
	     (rc = nd_sql_exec(st, err, "clearing the index",
			       "INSERT INTO search(search) VALUES ('delete-all')", NULL)) < 0) ||
	    (rc = nd_sql_exec(st, err, "rebuilding the index",
			      "INSERT INTO search(rowid, kicker, headline, subhead, byline, body) "
			      "SELECT r.id, r.kicker, r.headline, r.subhead, r.byline, r.body "
			      "FROM items i JOIN revisions r ON r.item_id = i.id "
			      "AND r.rev = i.current_rev",
			      NULL)) < 0) {
		nd_store_rollback(st);
		return rc;
	}
	*indexed = rc;
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
	int rc = nd_require_rank(actor, ND_RANK_ADMIN, "rebuild the search index", err);
	return rc < 0 ? rc : nd_search_rebuild(st, indexed, err);
}
