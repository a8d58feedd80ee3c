/* diff.h — what changed between two texts, character by character (by
 * grapheme cluster: Chinese has no spaces, so a word diff is useless).
 * Paragraphs first, then Myers' algorithm in linear space inside the
 * changed paragraphs, then a semantic clean-up so that a changed phrase
 * reads as one deletion followed by one insertion. The work is bounded:
 * texts too different to diff by character within it are shown by
 * paragraph, and the diff says so. */
#ifndef NEWSDESK_DIFF_H
#define NEWSDESK_DIFF_H

#include "newsdesk/buf.h"

#include <stdbool.h>
#include <stddef.h>

enum nd_diff_op { ND_DIFF_EQUAL, ND_DIFF_DELETE, ND_DIFF_INSERT };

struct nd_diff_span {
	enum nd_diff_op op;
	char *text;
};

struct nd_diff {
	struct nd_diff_span *spans;
	size_t n;
	/* Some changed paragraphs differ too much for a character diff within
	 * the work bound and are shown whole, as deletion plus insertion: the
	 * screen should say so. The spans still rebuild both texts exactly. */
	bool coarse;
};

/* Diffs a against b in time and memory bounded for any input (the same
 * output for the same input: the bound counts steps, not time). Returns 0,
 * or -1 on allocation failure. */
int nd_diff_texts(const char *a, const char *b, struct nd_diff *out);

/* The bound nd_diff_texts works within, in steps of the search (a few
 * nanoseconds each): two unrelated texts of any length cost at most this. */
#define ND_DIFF_STEPS 96000000L

/* nd_diff_texts within another bound: the tests and the fuzz target reach
 * the fallback with small texts this way. */
int nd_diff_texts_within(const char *a, const char *b, long steps, struct nd_diff *out);
void nd_diff_free(struct nd_diff *d);

/* Appends the diff with [-deleted-] and {+inserted+} markers. */
int nd_diff_markup(const struct nd_diff *d, struct nd_buf *out);

/* True when the diff has any change. */
int nd_diff_changed(const struct nd_diff *d);

#endif
