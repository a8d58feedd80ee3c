/* grapheme.c — grapheme boundaries via libunistring (UAX #29). Offsets are
 * first snapped to a character boundary: libunistring reads garbage when
 * asked to step from the middle of a UTF-8 sequence (an offset can land
 * there after a rule rewrote the text under the cursor). */
#include "newsdesk/grapheme.h"

#include <stdint.h>
#include <unigbrk.h>

static size_t char_boundary(const char *s, size_t off)
{
	while (off > 0 && ((unsigned char)s[off] & 0xC0) == 0x80)
		off--;
	return off;
}

size_t nd_grapheme_next(const char *s, size_t n, size_t off)
{
	if (off >= n)
		return n;
	off = char_boundary(s, off);
	const uint8_t *p = u8_grapheme_next((const uint8_t *)s + off, (const uint8_t *)s + n);
	return p ? (size_t)(p - (const uint8_t *)s) : n;
}

size_t nd_grapheme_prev(const char *s, size_t n, size_t off)
{
	if (off > n)
		off = n;
	off = char_boundary(s, off);
	if (off == 0)
		return 0;
	const uint8_t *p = u8_grapheme_prev((const uint8_t *)s + off, (const uint8_t *)s);
	return p ? (size_t)(p - (const uint8_t *)s) : 0;
}
