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

/* The same, inline, for the loops that read every character of a text
 * (counting 字数 over the whole store): ASCII and the three-byte sequences
 * of Chinese take the short way, the rest nd_utf8_decode's. */
static inline int nd_utf8_next(const char *str, size_t n, unsigned *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xE1 && s[0] <= 0xEF && s[0] != 0xED && n >= 3 && (s[1] & 0xC0) == 0x80 &&
	    (s[2] & 0xC0) == 0x80) { /* U+1000..U+CFFF, U+E000..U+FFFF: never overlong, never a
					surrogate */
		*cp = (unsigned)(s[0] & 0x0F) << 12 | (unsigned)(s[1] & 0x3F) << 6 | (s[2] & 0x3F);
		return 3;
	}
	return nd_utf8_decode(str, n, cp);
}

/* True when s[0..n) is strict UTF-8; otherwise *bad (if given) is the byte
 * offset of the first invalid sequence. */
bool nd_utf8_valid(const char *s, size_t n, size_t *bad);

/* Number of code points (an invalid byte counts as one). */
size_t nd_utf8_length(const char *s);

/* Length in bytes of the first max_cps code points of s. */
size_t nd_utf8_prefix(const char *s, size_t max_cps);

#endif
