/* count.h — 字数, the newsroom's length measure. */
#ifndef NEWSDESK_COUNT_H
#define NEWSDESK_COUNT_H

/* 字数 as Word counts it: 1 for each Han character, kana, hangul
 * syllable, full-width mark or symbol; 1 for each run of half-width
 * letters and digits with the half-width marks inside it ("2024", "App",
 * "2,000", "1.7"); 0 for a half-width mark on its own, white space and
 * zero-width characters. */
long nd_count_chars(const char *utf8);

/* The rules 字数 may be counted by: Word's (above), or, for a publication
 * that asks for it (its setting count-rule), the older rule: each
 * half-width mark 1 as well, and a run of letters and digits one word
 * without the marks inside it (2,000 is 3). */
enum nd_count_rule { ND_COUNT_WORD, ND_COUNT_MARKS };

/* The rule this process counts by: nd_count_chars, nd_count_span, … follow
 * it. The store sets it when it opens (the publication's count-rule). */
void nd_count_set_rule(enum nd_count_rule rule);
enum nd_count_rule nd_count_get_rule(void);
/* "word" or "marks" (NULL or "" is word): the rule, or -1. */
int nd_count_rule_parse(const char *name);
const char *nd_count_rule_name(enum nd_count_rule rule);
/* 字数 by the given rule, whatever the process counts by. */
long nd_count_chars_by(const char *utf8, enum nd_count_rule rule);
/* The same, adding the text's 汉字 (nd_count_hanzi) to *hanzi in the same
 * pass. */
long nd_count_chars_hanzi(const char *utf8, enum nd_count_rule rule, long *hanzi);

/* The same for s[0..n), a part of the text that starts at text_start: a
 * run that begins before s is counted there, not again here, so the
 * counts of consecutive parts add up to the count of the whole. */
#include <stdbool.h>
#include <stddef.h>
long nd_count_span(const char *s, size_t n, const char *text_start);
/* Does s[0..n) begin by going on with a run begun before it (so that its
 * count is one less than on its own)? */
bool nd_count_joins(const char *s, size_t n, const char *text_start);
/* Is s[0..n) all inside a run of half-width characters? Then what comes
 * after it counts on from what came before it (a word's letter may be
 * further back than the character before). */
bool nd_count_within_run(const char *s, size_t n);

/* 汉字: the Han characters alone (CJK ideographs of every extension, the
 * compatibility ideographs, and 〇). */
long nd_count_hanzi(const char *utf8);

/* ---- counting inside another scan of a text ---------------------------- */

/* What counting asks of a character, in one byte, worked out once per
 * character of the Basic Multilingual Plane and kept (count.c): whether it
 * makes a run a word (a half-width letter or digit), is white space, takes
 * nothing (a combining mark, a control), is a 汉字. Relaxed atomics: two
 * threads may both work out a character's byte, and store the same value. */
enum {
	ND_CP_KNOWN = 1,
	ND_CP_RUN = 2,
	ND_CP_SPACE = 4,
	ND_CP_SKIP = 8,
	ND_CP_HANZI = 16,
};
#include <stdatomic.h>
extern _Atomic unsigned char nd_count_classes[0x10000];
unsigned nd_count_class_work_out(unsigned cp);

static inline unsigned nd_count_class(unsigned cp)
{
	unsigned k =
	    cp < 0x10000 ? atomic_load_explicit(&nd_count_classes[cp], memory_order_relaxed) : 0;
	return k ? k : nd_count_class_work_out(cp);
}

/* Where a text stands in a run of half-width characters: in none, in
 * marks whose word is not counted yet, in a word counted. */
enum nd_count_state { ND_RUN_NONE, ND_RUN_MARKS, ND_RUN_WORD };

/* 字数 and 汉字 counted one character at a time, for a loop that reads the
 * text for something else too (layout.c's line profile): the same figures
 * as nd_count_chars_hanzi, which counts with it. Start at ND_RUN_NONE. */
struct nd_count_run {
	long chars, hanzi;
	enum nd_count_state state;
	enum nd_count_rule rule;
};

/* One character: cp as decoded, valid false for a byte that was no UTF-8
 * (cp is then U+FFFD, which counts, but is no 汉字). */
static inline void nd_count_step(struct nd_count_run *r, unsigned cp, bool valid)
{
	unsigned k = nd_count_class(cp);
	r->hanzi += valid && (k & ND_CP_HANZI);
	bool run = k & ND_CP_RUN;
	/* a letter or digit, or under Word's rule a half-width mark */
	if (run || (r->rule == ND_COUNT_WORD && cp > 0x20 && cp < 0x7F)) {
		if (run && r->state != ND_RUN_WORD)
			r->chars++;
		r->state = run || r->state == ND_RUN_WORD ? ND_RUN_WORD : ND_RUN_MARKS;
		return;
	}
	r->state = ND_RUN_NONE;
	/* white space; combining marks belong to their base; controls */
	if (!(k & (ND_CP_SPACE | ND_CP_SKIP)))
		r->chars++;
}

/* Formats n with thousands separators ("1,204") into out. */
void nd_format_count(long n, char *out, unsigned size);

/* The same for a figure that may be unknown (n < 0): "?", never a number
 * that was not counted. */
void nd_format_figure(long n, char *out, unsigned size);

#endif
