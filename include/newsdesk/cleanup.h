/* cleanup.h — the copy editor's clean-up, one explicit rule at a time (never
 * NFKC: it would turn ，；？（） into ASCII and … into "..."). Each rule
 * rewrites a body (paragraphs separated by '\n') and counts its changes,
 * so the editor can apply each as its own undoable step. */
#ifndef NEWSDESK_CLEANUP_H
#define NEWSDESK_CLEANUP_H

#include "newsdesk/buf.h"

#include <stddef.h>

struct nd_cleanup_rule {
	const char *id; /* stable name: "rejoin", "punctuation", … */
	const char *what_en; /* what one change is, for the message */
	const char *what_zh;
	/* Appends the cleaned text to out; returns the number of changes, or
	 * -1 on allocation failure. */
	long (*apply)(const char *in, struct nd_buf *out);
};

extern const struct nd_cleanup_rule nd_cleanup_rules[];
extern const size_t nd_cleanup_rule_count;

const struct nd_cleanup_rule *nd_cleanup_find(const char *id);

#endif
