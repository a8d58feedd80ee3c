/* count.h — 字数, the newsroom's length measure. */
#ifndef NEWSDESK_COUNT_H
#define NEWSDESK_COUNT_H

/* 字数 as Word counts it: 1 for each Han character, kana, hangul
 * syllable, full-width mark or symbol; 1 for each run of half-width
 * letters and digits with the half-width marks inside it ("2024", "App",
 * "2,000", "1.7"); 0 for a half-width mark on its own, white space and
 * zero-width characters. */
long nd_count_chars(const char *utf8);

/* 汉字: the Han characters alone (CJK ideographs of every extension, the
 * compatibility ideographs, and 〇). */
long nd_count_hanzi(const char *utf8);

/* Formats n with thousands separators ("1,204") into out. */
void nd_format_count(long n, char *out, unsigned size);

/* The same for a figure that may be unknown (n < 0): "?", never a number
 * that was not counted. */
void nd_format_figure(long n, char *out, unsigned size);

#endif
