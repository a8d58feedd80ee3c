/* grapheme.h — moving by user-perceived character (a base character with
 * its combining marks), by libunistring's grapheme cluster rules. */
#ifndef NEWSDESK_GRAPHEME_H
#define NEWSDESK_GRAPHEME_H

#include <stddef.h>

/* Offset of the next grapheme boundary after off in s[0..n) (n at the end). */
size_t nd_grapheme_next(const char *s, size_t n, size_t off);
/* Offset of the grapheme boundary before off (0 at the start). */
size_t nd_grapheme_prev(const char *s, size_t n, size_t off);

#endif
