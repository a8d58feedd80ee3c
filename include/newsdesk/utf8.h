/* utf8.h — strict UTF-8 decoding: no overlongs, no surrogates, nothing past
 * U+10FFFF. Everything inside newsdesk is UTF-8 checked by these. */
#ifndef NEWSDESK_UTF8_H
#define NEWSDESK_UTF8_H

#include <stdbool.h>
#include <stddef.h>

#define ND_REPLACEMENT 0xFFFDu

/* Decodes the code point at s (n bytes left, n > 0). Returns its length in
 * bytes; on an invalid sequence sets *cp to U+FFFD and returns -1 (the
 * caller skips one byte). */
int nd_utf8_decode(const char *s, size_t n, unsigned *cp);

/* True when s[0..n) is strict UTF-8; otherwise *bad (if given) is the byte
 * offset of the first invalid sequence. */
bool nd_utf8_valid(const char *s, size_t n, size_t *bad);

/* Number of code points (an invalid byte counts as one). */
size_t nd_utf8_length(const char *s);

/* Length in bytes of the first max_cps code points of s. */
size_t nd_utf8_prefix(const char *s, size_t max_cps);

#endif
