/* search.h — finding items by their text, over every item, for words of
 * any length. The index (schema/0NN_search_no_positions.sql, tokenizer
 * src/store/bigram.c) holds, without positions, every pair of adjacent
 * characters and the last character of every run: a word of two
 * characters is one term, found exactly, one of one character the prefix
 * query of the terms it starts, exactly too; a longer one is all of its bigrams, and those
 * candidates are re-checked against the text (nd_bigram_has), so a match
 * is exactly where instr() would find the word. Terms are ANDed; "a quoted phrase" is one term;
 * nothing the user types is ever read as FTS5 syntax. */
#ifndef NEWSDESK_SEARCH_H
#define NEWSDESK_SEARCH_H

#include "newsdesk/buf.h"
#include "newsdesk/items.h"
#include "newsdesk/search_index.h"

#include <stdbool.h>

struct sqlite3_stmt;

#define ND_SEARCH_MAX_TERMS 8
#define ND_SEARCH_MAX_BYTES 1024

struct nd_search_terms {
	char *term[ND_SEARCH_MAX_TERMS];
	int n;
};

/* Splits a query into terms; refuses an empty query or one of too many. */
int nd_search_parse(const char *query, struct nd_search_terms *t, struct nd_error *err);
void nd_search_terms_free(struct nd_search_terms *t);

struct nd_search_hit {
	int64_t id;
	char *state, *state_label;
	char *headline;
	char *snippet; /* the text around the first hit, the hit between « » */
	bool in_headline;
	int64_t updated_at;
	long chars;
};

struct nd_search_options {
	const char *state; /* NULL: every state but withdrawn (spiked) ones */
	const char *section; /* NULL: any */
	const char *reporter; /* NULL: any; a reporter only ever sees their own */
	const char *issue; /* NULL: any */
	int64_t since, until; /* filed at >= since, < until (0: no bound) */
	int limit; /* hits on this page (20 when 0) */
	int64_t offset; /* hits skipped before this page */
	/* The page first, the total after: true leaves total at -1 and the
	 * count (a walk of the whole doclist, 50 ms for 工会 at a million) to
	 * nd_search_count, so the page is shown before it is done. */
	bool page_only;
	int64_t total; /* out: every item that matches, exactly (-1: page_only) */
};

/* A page of hits, best first: headline hits before body hits, each
 * newest first (by the current revision). o->total is always filled. */
int nd_search(struct nd_store *st, const struct nd_actor *actor, const char *query,
	      struct nd_search_options *o, struct nd_search_hit **hits, size_t *n,
	      struct nd_error *err);
void nd_search_hits_free(struct nd_search_hit *hits, size_t n);

/* The exact number of items matching query with o's filters, into
 * o->total (the count nd_search skips with page_only). */
int nd_search_count(struct nd_store *st, const struct nd_actor *actor, const char *query,
		    struct nd_search_options *o, struct nd_error *err);

/* The query as an FTS5 expression over the index (every term's bigrams,
 * ANDed, as text only), for core queries that page through the search
 * themselves (the desk's limit, nd_item_window): its rows are candidates.
 * Free it. */
char *nd_search_match(const char *query, struct nd_error *err);

/* What makes those candidates exact: appends "AND …" reading the text of
 * the revision r for each word the index alone cannot prove (longer than
 * two characters), with the parameters :t0… that nd_search_bind_terms
 * binds. Returns how many it appended (0: the index's rows are the
 * answer), or < 0 for a query nd_search_match refuses too. */
int nd_search_recheck(struct nd_buf *sql, const char *query);
void nd_search_bind_terms(struct sqlite3_stmt *stmt, const char *query);

/* Does query need FTS5's prefix merge before its first row (a word of one
 * character: every pair that starts with it, 0.6 s for 会 at a million
 * items)? Its rows are then best read near where they are wanted, by
 * nd_search_walk. */
bool nd_search_merges(const char *query);

/* A walk of the revisions the index holds, one by one from the rowid from
 * (inclusive; downwards unless up), every word of query re-checked in the
 * text, with o's filters (state, section, reporter, issue): the search
 * page's way with the newest items, for a window of the desk's text limit
 * anywhere in the list. It reads at most as many items as a search page
 * reads of the newest (500 the filters let through), passes over offset
 * hits, then keeps up to limit. Out: ids, the hits' revisions (the index's
 * rowids) in the walk's order (free them); seen, the hits read, those
 * passed over too; edge, the last rowid read when the index holds more
 * beyond it, else -1 (the walk reached the end: nothing beyond). The rest
 * of the window is the index's, strictly beyond edge: no hit twice, none
 * missed. */
struct nd_search_walk {
	int64_t from;
	bool up;
	int64_t offset;
	int limit;
	int64_t *ids; /* out */
	size_t n;
	int64_t seen, edge;
};
int nd_search_walk(struct nd_store *st, const struct nd_actor *actor, const char *query,
		   const struct nd_search_options *o, struct nd_search_walk *w,
		   struct nd_error *err);

#endif
