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

/* Formats n with thousands separators ("1,204") into out. */
void nd_format_count(long n, char *out, unsigned size);

/* The same for a figure that may be unknown (n < 0): "?", never a number
 * that was not counted. */
void nd_format_figure(long n, char *out, unsigned size);

#endif
