/* revcheck.c — check's proof of the revisions (revcheck.h): each one's
 * place in its item's hash chain, and its kept counts (字数, 汉字, the line
 * profile) counted again from its text; alone, or both in one pass over
 * the table, which is what check --full runs (at a million items each pass
 * over the revisions is a read of 7 GB). */
#include "newsdesk/revcheck.h"
#include "newsdesk/chain.h"
#include "newsdesk/lang.h"
#include "newsdesk/layout.h"
#include "newsdesk/store_sql.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Each record's hash recomputed over its stored values after the stored
 * hash of the record before it (history.c and journal.c wrote them). */
#define REVISION_PROBLEM                                                                            \
	"CASE WHEN hash IS NULL THEN printf('revision %d has no hash: newsdesk did not write it', " \
	"rev) "                                                                                     \
	"WHEN prev_rev IS NULL AND rev <> 1 THEN printf('the revisions before %d are missing "      \
	"(deleted)', rev) "                                                                         \
	"WHEN prev_rev IS NOT NULL AND rev <> prev_rev + 1 THEN printf('revision %d is "            \
	"missing (deleted): its history jumps from revision %d to %d', prev_rev + 1, "              \
	"prev_rev, rev) "                                                                           \
	"ELSE printf('revision %d was changed after it was written: its text no longer "            \
	"matches its hash', rev) END "
#define REVISION_WANT                                                                              \
	"nd_chain(lag(r.hash) OVER w, r.item_id, r.rev, r.base_rev, r.kind, r.section, r.kicker, " \
	"r.headline, r.subhead, r.dateline, r.byline, r.body, r.chars, r.body_chars, r.author, "   \
	"r.created_at, r.conflict, r.encoding) AS want"
#define REVISION_BROKEN "(hash IS NOT want OR rev <> coalesce(prev_rev + 1, 1))"

/* The revisions' problems in their words; `where` narrows them to an item. */
#define REVISION_PROBLEMS(where)                                                                   \
	"SELECT item_id, " REVISION_PROBLEM                                                        \
	"FROM (SELECT r.item_id, r.rev, r.hash, lag(r.rev) OVER w AS prev_rev, " REVISION_WANT     \
	" FROM revisions r " where " WINDOW w AS (PARTITION BY r.item_id "                         \
	"ORDER BY r.rev)) WHERE " REVISION_BROKEN " ORDER BY item_id, rev"

int nd_revisions_check(struct nd_check *c, struct nd_error *err)
{
	return nd_check_rows(c, "revisions", REVISION_PROBLEMS(""), 0, err);
}

/* Every revision's 字数, 汉字 and line profile, counted again from its text:
 * derived data, outside the hash chain, so recounted here rather than
 * proved. A revision with no counts at all (inserted outside newsdesk) is
 * counted from its text where it is shown, as newsdesk(1) says. */
int nd_revision_counts_verify(struct nd_check *c, struct nd_error *err)
{
	return nd_check_rows(
	    c, "revision counts",
	    "SELECT r.item_id, printf('revision %d: its stored counts (字数 %s, 汉字 %s) are "
	    "not its text''s (字数 %d, 汉字 %d)', r.rev, coalesce(k.chars, '-'), "
	    "coalesce(k.hanzi, '-'), nd_chars(" ND_STORY_COLUMNS ", " ND_COUNT_RULE_SQL
	    "), nd_hanzi(" ND_STORY_COLUMNS
	    ")) FROM revisions r JOIN revision_counts k ON k.revision_id = r.id "
	    "WHERE NOT nd_counts_same(k.chars, k.body_chars, k.hanzi, k.lines, " ND_STORY_COLUMNS
	    ", " ND_COUNT_RULE_SQL ") ORDER BY r.id",
	    0, err);
}

/* ---- the revisions' chains and counts in one pass ---------------------------- */

/* check --full reads the revisions once for both (at a million items each
 * pass over them is a read of 7 GB), in the table's order (by id: in the
 * chains' order, through the index, the same pass cost 1.8 times as
 * much), hashing each chain in C. Each item keeps its newest revision
 * seen: a revision that comes after the one before it in its chain is
 * hashed after that one's hash; one that does not (a revision missing,
 * rows written out of order), or whose hash is not as written, has its
 * item told by the chain's own query (REVISION_PROBLEMS); so do items
 * the walk cannot place. A revision whose counts differ is told by the
 * counts' own query, by id. Nothing is judged by the walk alone: it only
 * picks what the queries are asked about. */
/* What the pass keeps for the checks after it (revcheck.h): each
 * revision in id order, and by item where its revisions are. */
struct nd_revs {
	struct nd_rev *rev; /* in id order */
	size_t n, cap;
	int64_t n_items; /* item ids below this */
	uint32_t *count; /* by item: its revisions kept (n_items + 1, then offsets) */
	uint32_t *order; /* indexes into rev[], by item */
	unsigned char *odd; /* by item: one of its revisions could not be kept */
	size_t unkept; /* revisions not kept (with no item, or a number not placed) */
	bool orphans; /* a revision's item or author may not be there (foreign keys) */
	unsigned char *item_there; /* by item id: in items */
	char **logins; /* the users', sorted as SQLite's BINARY collation sorts */
	size_t n_logins;
};

struct seen {
	int64_t rev; /* 0: none yet */
	unsigned char hash[32];
	bool hashed; /* hash is the revision's, as written (64 hex digits) */
};

struct rev_walk {
	struct seen *items; /* by item id */
	int64_t n_items;
	bool keeping; /* for the checks after it (nd_revisions_counted's kept) */
	struct nd_revs *kept; /* what other checks will ask, or NULL */
	int64_t *told, *miscounted; /* items to tell, revision ids to recount */
	size_t n_told, cap_told, n_miscounted, cap_miscounted;
	bool whole; /* a revision with no item: the chain's whole query tells it */
	enum nd_count_rule rule; /* the kept counts' (count_rule) */
};

static bool push(int64_t **arr, size_t *n, size_t *cap, int64_t v)
{
	if (*n == *cap) {
		size_t more = *cap ? 2 * *cap : 64;
		int64_t *a = realloc(*arr, more * sizeof **arr);
		if (!a)
			return false;
		*arr = a;
		*cap = more;
	}
	(*arr)[(*n)++] = v;
	return true;
}

static int hexval(int ch)
{
	return ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10 : -1;
}

static void to_hex(const unsigned char bin[32], char hex[65])
{
	static const char digits[] = "0123456789abcdef";
	for (int i = 0; i < 32; i++) {
		hex[2 * i] = digits[bin[i] >> 4];
		hex[2 * i + 1] = digits[bin[i] & 15];
	}
	hex[64] = '\0';
}

/* Columns of the walk's rows: W_COUNTS, whether it has counts kept, and
 * from W_KEPT_COUNTS on, k.chars, k.body_chars, k.hanzi, k.lines. */
enum { W_ITEM, W_REV, W_ID, W_COUNTS, W_HASH, W_CHAINED, W_N_CHAINED = 17 };
/* r.author and r.conflict among the chained values; the story's first
 * (kicker, then headline, subhead, dateline, byline, body) */
enum { W_AUTHOR = W_CHAINED + 13, W_CONFLICT = W_CHAINED + 15, W_STORY = W_CHAINED + 5 };
enum { W_KEPT_COUNTS = W_CHAINED + W_N_CHAINED };

/* One revision: whether its place in its chain is as written. */
static bool chained(struct rev_walk *w, sqlite3_stmt *stmt, int64_t item)
{
	struct seen *s = &w->items[item];
	bool integer = sqlite3_column_type(stmt, W_REV) == SQLITE_INTEGER; /* before reading it */
	int64_t rev = sqlite3_column_int64(stmt, W_REV);
	bool in_order =
	    integer && (rev == 1 ? s->rev == 0 : rev > 1 && s->rev == rev - 1 && s->hashed);
	char prev[65], want[65];
	if (in_order && rev > 1)
		to_hex(s->hash, prev);
	bool ok = in_order && sqlite3_column_type(stmt, W_HASH) == SQLITE_TEXT;
	const unsigned char *have = ok ? sqlite3_column_text(stmt, W_HASH) : NULL;
	ok = ok && have && sqlite3_column_bytes(stmt, W_HASH) == 64;
	if (ok) {
		nd_chain_columns(stmt, prev, rev > 1 ? 64 : -1, W_CHAINED, W_N_CHAINED, want);
		ok = memcmp(have, want, 64) == 0;
	}
	s->rev = rev;
	s->hashed = ok;
	for (int i = 0; ok && i < 32; i++)
		s->hash[i] = (unsigned char)(hexval(want[2 * i]) << 4 | hexval(want[2 * i + 1]));
	return ok;
}

/* The revision of this row into w->kept (false: out of memory). */
static bool keep(struct rev_walk *w, sqlite3_stmt *stmt, int64_t item)
{
	struct nd_revs *m = w->kept;
	bool integer = sqlite3_column_type(stmt, W_REV) == SQLITE_INTEGER;
	int64_t rev = sqlite3_column_int64(stmt, W_REV);
	if (!integer || rev < 1 || rev > INT32_MAX || m->count[item] == UINT32_MAX) {
		m->odd[item] = 1; /* asked about, it is told by SQL */
		m->unkept++;
		return true;
	}
	if (m->n == m->cap) {
		size_t more = m->cap ? 2 * m->cap : 1024;
		struct nd_rev *r = realloc(m->rev, more * sizeof *r);
		if (!r)
			return false;
		m->rev = r;
		m->cap = more;
	}
	struct nd_rev *e = &m->rev[m->n++];
	/* item < n_items < INT32_MAX (revs_new) */
	int ctype = sqlite3_column_type(stmt, W_CONFLICT);
	int64_t conflict = sqlite3_column_int64(stmt, W_CONFLICT);
	*e =
	    (struct nd_rev){ .id = sqlite3_column_int64(stmt, W_ID),
			     .item = (int32_t)item,
			     .rev = (int32_t)rev,
			     .conflict = ctype == SQLITE_INTEGER && (conflict == 0 || conflict == 1)
					     ? (int8_t)conflict
					     : -1 };
	const unsigned char *h = sqlite3_column_type(stmt, W_HASH) == SQLITE_TEXT
				     ? sqlite3_column_text(stmt, W_HASH)
				     : NULL;
	e->hashed = h && sqlite3_column_bytes(stmt, W_HASH) == 64;
	for (int i = 0; e->hashed && i < 32; i++) {
		int hi = hexval(h[2 * i]), lo = hexval(h[2 * i + 1]);
		e->hashed = hi >= 0 && lo >= 0;
		e->hash[i] = (unsigned char)(hi << 4 | lo);
	}
	m->count[item]++;
	return true;
}

static int by_login(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Whether this row's item and author are there, as foreign_key_check asks. */
static bool parents_there(struct nd_revs *m, sqlite3_stmt *stmt, int64_t item)
{
	if (!m->item_there[item] || sqlite3_column_type(stmt, W_AUTHOR) != SQLITE_TEXT)
		return false;
	const char *author = (const char *)sqlite3_column_text(stmt, W_AUTHOR);
	return author && (size_t)sqlite3_column_bytes(stmt, W_AUTHOR) == strlen(author) &&
	       bsearch(&author, m->logins, m->n_logins, sizeof *m->logins, by_login);
}

/* The items there and the users' logins, for parents_there(). */
static int read_parents(struct nd_check *c, struct nd_revs *m, struct nd_error *err)
{
	sqlite3_stmt *stmt;
	int rc = nd_sql_prepare(c->st, &stmt, err, "SELECT id FROM items", NULL);
	if (rc < 0)
		return rc;
	while ((rc = nd_sql_step(c->st, stmt, "revisions", err)) > 0) {
		int64_t id = sqlite3_column_int64(stmt, 0);
		if (id > 0 && id < m->n_items)
			m->item_there[id] = 1;
	}
	sqlite3_finalize(stmt);
	if (rc < 0 || (rc = nd_sql_prepare(c->st, &stmt, err, "SELECT login FROM users", NULL)) < 0)
		return rc;
	size_t cap = 0;
	while ((rc = nd_sql_step(c->st, stmt, "revisions", err)) > 0) {
		const char *login = (const char *)sqlite3_column_text(stmt, 0);
		char **more = m->n_logins < cap
				  ? m->logins
				  : realloc(m->logins, (cap = 2 * cap + 16) * sizeof *more);
		if (!more || !login || !(more[m->n_logins] = strdup(login))) {
			m->logins = more ? more : m->logins;
			m->orphans = true; /* not known: foreign_key_check runs whole */
			break;
		}
		m->logins = more;
		m->n_logins++;
	}
	sqlite3_finalize(stmt);
	if (m->n_logins > 0)
		qsort(m->logins, m->n_logins, sizeof *m->logins, by_login);
	return rc < 0 ? rc : 0;
}

/* By item: where each item's revisions kept are in order[]. */
static bool index_kept(struct nd_revs *m)
{
	uint32_t at = 0;
	for (int64_t i = 0; i <= m->n_items; i++) { /* counts → offsets */
		uint32_t n = m->count[i];
		m->count[i] = at;
		at += n;
	}
	if (!(m->order = malloc((m->n ? m->n : 1) * sizeof *m->order)))
		return false;
	for (size_t k = 0; k < m->n; k++) /* offsets move on as they fill… */
		m->order[m->count[m->rev[k].item]++] = (uint32_t)k;
	for (int64_t i = m->n_items; i > 0; i--) /* …and back */
		m->count[i] = m->count[i - 1];
	m->count[0] = 0;
	return true;
}

void nd_revs_free(struct nd_revs *m)
{
	if (!m)
		return;
	free(m->rev);
	free(m->count);
	free(m->order);
	free(m->odd);
	free(m->item_there);
	for (size_t i = 0; i < m->n_logins; i++)
		free(m->logins[i]);
	free(m->logins);
	free(m);
}

static struct nd_revs *revs_new(int64_t n_items)
{
	struct nd_revs *m = calloc(1, sizeof *m);
	if (!m || n_items >= INT32_MAX)
		return free(m), NULL;
	m->n_items = n_items;
	m->count = calloc((size_t)n_items + 1, sizeof *m->count);
	m->odd = calloc((size_t)n_items, 1);
	m->item_there = calloc((size_t)n_items, 1);
	if (!m->count || !m->odd || !m->item_there)
		return nd_revs_free(m), NULL;
	return m;
}

const struct nd_rev *nd_revs_find(const struct nd_revs *m, int64_t item, int64_t rev)
{
	if (item <= 0 || item >= m->n_items || m->odd[item])
		return NULL;
	for (uint32_t k = m->count[item]; k < m->count[item + 1]; k++)
		if (m->rev[m->order[k]].rev == rev)
			return &m->rev[m->order[k]];
	return NULL;
}

const struct nd_rev *nd_revs_newest(const struct nd_revs *m, int64_t item, bool drafts)
{
	const struct nd_rev *newest = NULL;
	if (item <= 0 || item >= m->n_items || m->odd[item])
		return NULL;
	for (uint32_t k = m->count[item]; k < m->count[item + 1]; k++) {
		const struct nd_rev *e = &m->rev[m->order[k]];
		if (e->conflict < 0)
			return NULL; /* not known: SQL tells */
		if ((drafts || e->conflict == 0) && (!newest || e->rev > newest->rev))
			newest = e;
	}
	return newest;
}

const struct nd_rev *nd_revs_by_id(const struct nd_revs *m, int64_t id)
{
	size_t lo = 0, hi = m->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (m->rev[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < m->n && m->rev[lo].id == id ? &m->rev[lo] : NULL;
}

bool nd_revs_orphans(const struct nd_revs *m)
{
	return m->orphans;
}

size_t nd_revs_count(const struct nd_revs *m)
{
	return m->n;
}

const struct nd_rev *nd_revs_nth(const struct nd_revs *m, size_t k)
{
	return k < m->n ? &m->rev[k] : NULL;
}

bool nd_revs_all(const struct nd_revs *m)
{
	return m->unkept == 0;
}

size_t nd_revs_at(const struct nd_revs *m, const struct nd_rev *e)
{
	return (size_t)(e - m->rev);
}

bool nd_rev_hash_is(const struct nd_rev *e, sqlite3_stmt *stmt, int col)
{
	char hex[65];
	if (!e || !e->hashed || sqlite3_column_type(stmt, col) != SQLITE_TEXT)
		return false;
	const unsigned char *t = sqlite3_column_text(stmt, col);
	nd_rev_hex(e, hex);
	return t && sqlite3_column_bytes(stmt, col) == 64 && memcmp(t, hex, 64) == 0;
}

void nd_rev_hex(const struct nd_rev *e, char hex[65])
{
	to_hex(e->hash, hex);
}

/* Whether the row's kept counts are its story's, counted again (what
 * nd_counts_same() says in SQL, by the same nd_story_measure(), in the
 * one reading of the row the chain's hash makes: the function would have
 * the text read out of the row a second time). -1: out of memory. */
static int counts_same(sqlite3_stmt *stmt, enum nd_count_rule rule)
{
	for (int i = W_KEPT_COUNTS; i < W_KEPT_COUNTS + 4; i++)
		if (sqlite3_column_type(stmt, i) == SQLITE_NULL)
			return 0; /* a NULL is never the same */
	const char *v[6];
	for (int i = 0; i < 6; i++)
		v[i] = sqlite3_column_type(stmt, W_STORY + i) == SQLITE_NULL
			   ? NULL
			   : (const char *)sqlite3_column_text(stmt, W_STORY + i);
	struct nd_story s = { .kicker = (char *)v[0],
			      .headline = (char *)v[1],
			      .subhead = (char *)v[2],
			      .dateline = (char *)v[3],
			      .byline = (char *)v[4],
			      .body = (char *)v[5] };
	struct nd_story_measure m;
	if (nd_story_measure(&s, rule, &m) < 0)
		return -1;
	const char *lines = (const char *)sqlite3_column_text(stmt, W_KEPT_COUNTS + 3);
	int same = m.chars == sqlite3_column_int64(stmt, W_KEPT_COUNTS) &&
		   m.body_chars == sqlite3_column_int64(stmt, W_KEPT_COUNTS + 1) &&
		   m.hanzi == sqlite3_column_int64(stmt, W_KEPT_COUNTS + 2) && lines &&
		   strcmp(m.profile, lines) == 0;
	free(m.profile);
	return same;
}

/* The rule the kept counts were made by (ND_COUNT_RULE_SQL); < 0 with
 * err when it is none newsdesk knows (as nd_counts_same() fails). */
static int count_rule(struct nd_check *c, enum nd_count_rule *rule, struct nd_error *err)
{
	char name[64];
	int rc = nd_sql_text(c->st, name, sizeof name, err, "revision counts",
			     "SELECT value FROM meta WHERE key = 'count_rule'", NULL);
	if (rc < 0)
		return rc;
	int r = nd_count_rule_parse(name);
	if (r < 0) /* each check then runs its own way, and SQL says so */
		return nd_fail(err, ND_EINVAL,
			       _("the store's count rule %s is none newsdesk knows: its counts "
				 "cannot be checked"),
			       name);
	*rule = (enum nd_count_rule)r;
	return 0;
}

static int walk_revisions(struct nd_check *c, struct rev_walk *w, struct nd_error *err)
{
	sqlite3_stmt *stmt;
	int rc = nd_sql_int(c->st, &w->n_items, err, "revisions",
			    "SELECT coalesce(max(id), 0) + 1 FROM items", NULL);
	if (rc < 0)
		return rc;
	if (!(w->items = calloc((size_t)w->n_items, sizeof *w->items)))
		return nd_fail(err, ND_ENOMEM, _("out of memory"));
	if (w->keeping && (w->kept = revs_new(w->n_items)) && /* NULL: they read the rows */
	    (rc = read_parents(c, w->kept, err)) < 0)
		return rc;
	if ((rc = count_rule(c, &w->rule, err)) < 0 ||
	    (rc = nd_sql_prepare(
		 c->st, &stmt, err,
		 "SELECT r.item_id, r.rev, r.id, k.revision_id IS NOT NULL, r.hash, r.item_id, "
		 "r.rev, r.base_rev, r.kind, r.section, r.kicker, r.headline, r.subhead, "
		 "r.dateline, r.byline, r.body, r.chars, r.body_chars, r.author, r.created_at, "
		 "r.conflict, r.encoding, k.chars, k.body_chars, k.hanzi, k.lines "
		 "FROM revisions r LEFT JOIN revision_counts k ON k.revision_id = r.id "
		 "ORDER BY r.id",
		 NULL)) < 0)
		return rc;
	int same; /* the row's counts are its text's (or it has none kept) */
	while ((rc = nd_sql_step(c->st, stmt, "revisions", err)) > 0) {
		/* an item id that is not a number: the whole query tells it */
		bool integer = sqlite3_column_type(stmt, W_ITEM) == SQLITE_INTEGER;
		int64_t item = sqlite3_column_int64(stmt, W_ITEM);
		bool placed = integer && item > 0 && item < w->n_items;
		w->whole |= !integer;
		/* what is kept is read before the walk reads the columns as text */
		if (!placed && w->kept) {
			w->kept->unkept++;
			w->kept->orphans = true;
		}
		if (placed && w->kept && !parents_there(w->kept, stmt, item))
			w->kept->orphans = true;
		if (placed && w->kept && !keep(w, stmt, item)) { /* they read the rows */
			nd_revs_free(w->kept);
			w->kept = NULL;
		}
		if (((placed && !chained(w, stmt, item)) || (!placed && !w->whole)) &&
		    !push(&w->told, &w->n_told, &w->cap_told, item))
			rc = nd_fail(err, ND_ENOMEM, _("out of memory"));
		else if ((same = sqlite3_column_int(stmt, W_COUNTS) ? counts_same(stmt, w->rule)
								    : 1) < 0 ||
			 (!same && !push(&w->miscounted, &w->n_miscounted, &w->cap_miscounted,
					 sqlite3_column_int64(stmt, W_ID))))
			rc = nd_fail(err, ND_ENOMEM, _("out of memory"));
		if (rc < 0)
			break;
	}
	sqlite3_finalize(stmt);
	return rc;
}

static int by_value(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return x < y ? -1 : x > y;
}

/* c reports the chains' problems, k the counts'; < 0 when the pass could
 * not run (then nothing was reported, and each check runs its own way). */
int nd_revisions_counted(struct nd_check *c, struct nd_check *k, struct nd_revs **kept,
			 struct nd_error *err)
{
	struct rev_walk w = { .keeping = kept != NULL };
	int rc = walk_revisions(c, &w, err);
	free(w.items);
	if (rc >= 0 && w.kept && index_kept(w.kept))
		*kept = w.kept;
	else
		nd_revs_free(w.kept);
	if (rc >= 0 && w.whole)
		rc = nd_revisions_check(c, err);
	else if (rc >= 0 && w.n_told > 0) { /* qsort takes no NULL, not even for 0 */
		qsort(w.told, w.n_told, sizeof *w.told, by_value);
		for (size_t i = 0; rc >= 0 && i < w.n_told; i++)
			if (i == 0 || w.told[i] != w.told[i - 1])
				rc = nd_check_rows(c, "revisions",
						   REVISION_PROBLEMS("WHERE r.item_id = ?1"),
						   w.told[i], err);
	}
	/* what the counts' own check says of each (its words, its order) */
	for (size_t i = 0; rc >= 0 && i < w.n_miscounted; i++)
		rc = nd_check_rows(
		    k, "revision counts",
		    "SELECT r.item_id, printf('revision %d: its stored counts (字数 %s, 汉字 "
		    "%s) are not its text''s (字数 %d, 汉字 %d)', r.rev, coalesce(k.chars, "
		    "'-'), coalesce(k.hanzi, '-'), nd_chars(" ND_STORY_COLUMNS
		    ", " ND_COUNT_RULE_SQL "), nd_hanzi(" ND_STORY_COLUMNS
		    ")) FROM revisions r JOIN revision_counts k "
		    "ON k.revision_id = r.id WHERE r.id = ?1",
		    w.miscounted[i], err);
	free(w.told);
	free(w.miscounted);
	return rc < 0 ? rc : 0;
}
