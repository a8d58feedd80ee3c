/* diff.h — what changed between two texts, character by character (by
 * grapheme cluster: Chinese has no spaces, so a word diff is useless).
 * Myers' algorithm, then a semantic clean-up so that a changed phrase
 * reads as one deletion followed by one insertion. */
#ifndef NEWSDESK_DIFF_H
#define NEWSDESK_DIFF_H

#include "newsdesk/buf.h"

#include <stddef.h>

enum nd_diff_op { ND_DIFF_EQUAL, ND_DIFF_DELETE, ND_DIFF_INSERT };

struct nd_diff_span {
	enum nd_diff_op op;
	char *text;
};

struct nd_diff {
	struct nd_diff_span *spans;
	size_t n;
};

/* Diffs a against b. Returns 0, or -1 on allocation failure. */
int nd_diff_texts(const char *a, const char *b, struct nd_diff *out);
void nd_diff_free(struct nd_diff *d);

/* Appends the diff with [-deleted-] and {+inserted+} markers. */
int nd_diff_markup(const struct nd_diff *d, struct nd_buf *out);

/* True when the diff has any change. */
int nd_diff_changed(const struct nd_diff *d);

#endif
