/* proof_int.h — what proof.c shares with the checks in other files of
 * text/ (proof_marks.c): the text a check reads and where its hits go. */
#ifndef NEWSDESK_PROOF_INT_H
#define NEWSDESK_PROOF_INT_H

#include "newsdesk/proof.h"

#include <stdbool.h>
#include <stddef.h>

/* A field, or one body paragraph as clean-up would rejoin it (so a quote a
 * page break split still pairs); seg says where each physical paragraph
 * starts, so a hit names the paragraph the editor sees. */
struct text {
	unsigned *cp;
	size_t *off; /* byte offset of each code point */
	size_t n;
	const char *s;
	const size_t *seg; /* character offset where each paragraph starts */
	size_t nseg;
	int para; /* the first paragraph's number; 0 outside the body */
};

/* What one paragraph's checks need: where the hits go and what the text is.
 * continued: the next paragraph opens with “, so a quotation that opens this
 * one may stay open (GB/T 15834: each paragraph of a long quotation opens
 * with “, only the last one closes). */
struct ctx {
	struct nd_proof_report *r;
	const char *field;
	bool continued;
	const struct text *t;
};

/* Records a hit of check id at character at of c's text. */
int nd_proof_hit(const struct ctx *c, const char *id, size_t at, const char *detail);

/* "%s" of the characters [a, b) of the text, for a detail line. */
void nd_proof_span(const struct text *t, size_t a, size_t b, char *out, size_t size);

/* The checks of single marks (proof_marks.c); 0, or -1 out of memory. */
int nd_proof_halfwidth(const struct ctx *c);
int nd_proof_straight_quotes(const struct ctx *c);
int nd_proof_fullwidth_alnum(const struct ctx *c);
int nd_proof_split(const struct ctx *c);
int nd_proof_doubled_mark(const struct ctx *c);
int nd_proof_number_comma(const struct ctx *c);

#endif
