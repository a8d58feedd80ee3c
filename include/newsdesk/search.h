/* search.h — finding items by their text. Terms of three or more
 * characters go through the FTS5 trigram index; one- and two-character
 * terms (most Chinese words are two) through instr() over the current
 * revisions. Terms are ANDed; "a quoted phrase" is one term; nothing the
 * user types is ever read as FTS5 syntax. */
#ifndef NEWSDESK_SEARCH_H
#define NEWSDESK_SEARCH_H

#include "newsdesk/buf.h"
#include "newsdesk/items.h"

#include <stdbool.h>

#define ND_SEARCH_MAX_TERMS 8

struct nd_search_terms {
	char *term[ND_SEARCH_MAX_TERMS];
	int n;
};

/* Splits a query into terms; refuses an empty query or one of too many. */
int nd_search_parse(const char *query, struct nd_search_terms *t, struct nd_error *err);
void nd_search_terms_free(struct nd_search_terms *t);

/* Appends "AND (…)" conditions on items i and their current revision r
 * with parameters :t0, :t1, … and binds them (for core modules). */
int nd_search_sql(struct nd_buf *sql, const struct nd_search_terms *t);
struct sqlite3_stmt;
void nd_search_bind(struct sqlite3_stmt *stmt, const struct nd_search_terms *t);

struct nd_search_hit {
	int64_t id;
	char *state, *state_label;
	char *headline;
	char *snippet; /* the text around the first hit, the hit between « » */
	bool in_headline;
	int64_t updated_at;
	long chars;
};

/* One- and two-character words are matched by scanning: over the newest
 * this many items (the trigram index answers longer words over all). */
#define ND_SEARCH_SHORT_WINDOW 20000

struct nd_search_options {
	const char *state; /* NULL: every state but spiked */
	const char *issue;
	int limit;
	bool windowed; /* out: only short words, so only the newest items were searched */
};

/* Best first: headline hits before body hits, then the newest (by the
 * current revision for indexed words, by the last change for short ones). */
int nd_search(struct nd_store *st, const struct nd_actor *actor, const char *query,
	      struct nd_search_options *o, bool zh, struct nd_search_hit **hits, size_t *n,
	      struct nd_error *err);
void nd_search_hits_free(struct nd_search_hit *hits, size_t n);

/* Rebuilds the index from the current revisions (admins). */
int nd_search_reindex(struct nd_store *st, const struct nd_actor *actor, int64_t *indexed,
		      struct nd_error *err);
/* The same without the role check, for check --repair. */
int nd_search_rebuild(struct nd_store *st, int64_t *indexed, struct nd_error *err);

#endif
