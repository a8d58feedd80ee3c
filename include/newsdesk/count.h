/* count.h — 字数, the newsroom's length measure. */
#ifndef NEWSDESK_COUNT_H
#define NEWSDESK_COUNT_H

/* 字数 as Word counts it: 1 for each Han character, kana, hangul
 * syllable, full-width mark or symbol; 1 for each run of half-width
 * letters and digits with the half-width marks inside it ("2024", "App",
 * "2,000", "1.7"); 0 for a half-width mark on its own, white space and
 * zero-width characters. */
long nd_count_chars(const char *utf8);

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
