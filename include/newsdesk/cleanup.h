/* cleanup.h — the copy editor's clean-up, one explicit rule at a time (never
 * NFKC: it would turn ，；？（） into ASCII and … into "..."). Each rule
 * rewrites a body (paragraphs separated by '\n') and counts its changes,
 * so the editor can apply each as its own undoable step. */
#ifndef NEWSDESK_CLEANUP_H
#define NEWSDESK_CLEANUP_H

#include "newsdesk/buf.h"

#include <stdbool.h>
#include <stddef.h>

struct nd_cleanup_rule {
	const char *id; /* stable name: "rejoin", "punctuation", … */
	const char *what_en; /* its changes counted, for the message (a msgid with %ld) */
	/* Appends the cleaned text to out; returns the number of changes, or
	 * -1 on allocation failure. */
	long (*apply)(const char *in, struct nd_buf *out);
};

extern const struct nd_cleanup_rule nd_cleanup_rules[];
extern const size_t nd_cleanup_rule_count;

const struct nd_cleanup_rule *nd_cleanup_find(const char *id);

/* The full-width mark the "punctuation" rule puts for the half-width mark at
 * cp[i], or 0 when it leaves it (not a mark it maps, or not in Chinese
 * context). Proofreading asks this so that what it counts as "^K fixes them"
 * is exactly what clean-up changes. */
unsigned nd_cleanup_fullwidth_at(const unsigned *cp, size_t n, size_t i);

/* The "rejoin" rule joins the paragraph p (len bytes, no '\n') of body
 * with the one after it: a page or column break split it. One of the
 * body's parallel subheads is never joined to the text under it. */
bool nd_cleanup_rejoins(const char *body, const char *p, size_t len, const char *next,
			size_t next_len);

#endif
