/* number.h — the one parser for numbers people type, shared by the CLI's
 * options and the desk's prompts, so "2-07" is refused by both. */
#ifndef NEWSDESK_NUMBER_H
#define NEWSDESK_NUMBER_H

/* Parses a whole decimal number in [min, max] into *out; -1 if s is anything
 * else ("12x", "", " 3", "2-07", out of range), so nothing silently becomes 0. */
int nd_parse_number(const char *s, long long min, long long max, long long *out);

#endif
