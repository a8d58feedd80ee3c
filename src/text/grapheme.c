/* grapheme.c — grapheme boundaries via libunistring (UAX #29). */
#include "newsdesk/grapheme.h"

#include <stdint.h>
#include <unigbrk.h>

size_t nd_grapheme_next(const char *s, size_t n, size_t off)
{
	if (off >= n)
		return n;
	const uint8_t *p = u8_grapheme_next((const uint8_t *)s + off, (const uint8_t *)s + n);
	return p ? (size_t)(p - (const uint8_t *)s) : n;
}

size_t nd_grapheme_prev(const char *s, size_t n, size_t off)
{
	if (off == 0)
		return 0;
	if (off > n)
		off = n;
	const uint8_t *p = u8_grapheme_prev((const uint8_t *)s + off, (const uint8_t *)s);
	return p ? (size_t)(p - (const uint8_t *)s) : 0;
}
