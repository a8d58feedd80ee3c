/* count.h — 字数, the newsroom's length measure. */
#ifndef NEWSDESK_COUNT_H
#define NEWSDESK_COUNT_H

/* 1 for each Han character, kana, hangul syllable, full-width mark or
 * symbol; 1 for each run of Latin letters and digits ("2024", "App");
 * 1 for each other visible mark; 0 for white space and zero-width
 * characters. */
long nd_count_chars(const char *utf8);

/* Formats n with thousands separators ("1,204") into out. */
void nd_format_count(long n, char *out, unsigned size);

#endif
