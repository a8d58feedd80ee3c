/* proof_marks.c — the proofreading checks of single marks: the mechanical
 * classes clean-up fixes (half-width marks, straight quotes, full-width
 * digits, paragraphs a page break split), and the slips of one mark a
 * person must fix (。。, 2，000). */
#include "newsdesk/cleanup.h"
#include "newsdesk/lang.h"
#include "proof_int.h"

#include <stdio.h>
#include <string.h>

/* ---- the mechanical classes clean-up fixes ------------------------------- */

int nd_proof_halfwidth(const struct ctx *c)
{
	const struct text *t = c->t;
	for (size_t i = 0; i < t->n; i++) {
		if (!nd_cleanup_fullwidth_at(t->cp, t->n, i))
			continue;
		char detail[64];
		snprintf(detail, sizeof detail, _("half-width '%c'"), (char)t->cp[i]);
		if (nd_proof_hit(c, "halfwidth", i, detail) < 0)
			return -1;
	}
	return 0;
}

/* Straight quotes, as the "quotes" rule sees them (it leaves don't, it's). */
int nd_proof_straight_quotes(const struct ctx *c)
{
	const struct text *t = c->t;
	for (size_t i = 0; i < t->n; i++) {
		unsigned cp = t->cp[i];
		if (cp == '\'') {
			unsigned prev = i ? t->cp[i - 1] : 0,
				 next = i + 1 < t->n ? t->cp[i + 1] : 0;
			bool letters = prev < 0x80 && next < 0x80 &&
				       ((prev | 0x20) >= 'a' && (prev | 0x20) <= 'z') &&
				       ((next | 0x20) >= 'a' && (next | 0x20) <= 'z');
			if (letters)
				continue;
		} else if (cp != '"') {
			continue;
		}
		char detail[64];
		snprintf(detail, sizeof detail, _("straight %c"), (char)cp);
		if (nd_proof_hit(c, "straight-quotes", i, detail) < 0)
			return -1;
	}
	return 0;
}

int nd_proof_fullwidth_alnum(const struct ctx *c)
{
	const struct text *t = c->t;
	for (size_t i = 0; i < t->n; i++) {
		unsigned cp = t->cp[i];
		if (!((cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) ||
		      (cp >= 0xFF41 && cp <= 0xFF5A)))
			continue;
		char mark[8], detail[64];
		nd_proof_span(t, i, i + 1, mark, sizeof mark);
		snprintf(detail, sizeof detail, _("full-width %s"), mark);
		if (nd_proof_hit(c, "fullwidth-alnum", i, detail) < 0)
			return -1;
	}
	return 0;
}

/* A paragraph split by a page or column break: ^K rejoins it. Reported at
 * the start of the part that continues it. */
int nd_proof_split(const struct ctx *c)
{
	for (size_t k = 1; k < c->t->nseg; k++)
		if (nd_proof_hit(c, "split", c->t->seg[k], _("a paragraph split by a page break")) <
		    0)
			return -1;
	return 0;
}

/* The same sentence or pause mark twice (。。 ，， 、、): a slip. …… and
 * —— are one mark of two halves, and ！！ ？？ may be meant. */
int nd_proof_doubled_mark(const struct ctx *c)
{
	static const unsigned marks[] = { 0x3002, 0xFF0C, 0x3001, 0xFF1B, 0xFF1A };
	const struct text *t = c->t;
	for (size_t i = 1; i < t->n; i++) {
		if (t->cp[i] != t->cp[i - 1] || (i >= 2 && t->cp[i - 2] == t->cp[i]))
			continue;
		for (size_t k = 0; k < sizeof marks / sizeof *marks; k++) {
			if (marks[k] != t->cp[i])
				continue;
			char mark[16], detail[64];
			nd_proof_span(t, i - 1, i + 1, mark, sizeof mark);
			snprintf(detail, sizeof detail, _("%s: one mark twice"), mark);
			if (nd_proof_hit(c, "doubled-mark", i - 1, detail) < 0)
				return -1;
		}
	}
	return 0;
}

static bool digit_at(const struct text *t, size_t i)
{
	return i < t->n && t->cp[i] >= '0' && t->cp[i] <= '9';
}

/* 2，000: a full-width comma between digits, three digits after it and no
 * fourth, is a thousands separator written as Chinese punctuation (it reads
 * as "2, 000"): GB/T 15835 writes 2000 or 2,000. */
int nd_proof_number_comma(const struct ctx *c)
{
	const struct text *t = c->t;
	for (size_t i = 1; i + 3 < t->n; i++) {
		if (t->cp[i] != 0xFF0C || !digit_at(t, i - 1) || !digit_at(t, i + 1) ||
		    !digit_at(t, i + 2) || !digit_at(t, i + 3) || digit_at(t, i + 4))
			continue;
		char number[64], detail[96];
		size_t a = i - 1;
		while (a > 0 && (digit_at(t, a - 1) || t->cp[a - 1] == 0xFF0C))
			a--;
		nd_proof_span(t, a, i + 4, number, sizeof number);
		snprintf(detail, sizeof detail, _("%s: a thousands separator written ，"), number);
		if (nd_proof_hit(c, "number-comma", i, detail) < 0)
			return -1;
	}
	return 0;
}
