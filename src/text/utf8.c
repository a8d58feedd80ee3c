/* utf8.c — strict UTF-8 decoding (RFC 3629). */
#include "newsdesk/utf8.h"

#include <string.h>

int nd_utf8_decode(const char *str, size_t n, unsigned *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned c = s[0], min;
	int len;

	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if (c >= 0xC2 && c <= 0xDF) {
		len = 2;
		c &= 0x1F;
		min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		c &= 0x0F;
		min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		c &= 0x07;
		min = 0x10000;
	} else {
		*cp = ND_REPLACEMENT;
		return -1;
	}
	if ((size_t)len > n)
		goto bad;
	for (int i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			goto bad;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		goto bad;
	*cp = c;
	return len;
bad:
	*cp = ND_REPLACEMENT;
	return -1;
}

bool nd_utf8_valid(const char *s, size_t n, size_t *bad)
{
	size_t i = 0;
	while (i < n) {
		unsigned cp;
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		int len = nd_utf8_decode(s + i, n - i, &cp);
		if (len < 0) {
			if (bad)
				*bad = i;
			return false;
		}
		i += (size_t)len;
	}
	return true;
}

size_t nd_utf8_length(const char *s)
{
	size_t n = strlen(s), i = 0, count = 0;
	while (i < n) {
		unsigned cp;
		int len = nd_utf8_decode(s + i, n - i, &cp);
		i += len > 0 ? (size_t)len : 1;
		count++;
	}
	return count;
}

size_t nd_utf8_prefix(const char *s, size_t max_cps)
{
	size_t n = strlen(s), i = 0;
	while (i < n && max_cps--) {
		unsigned cp;
		int len = nd_utf8_decode(s + i, n - i, &cp);
		i += len > 0 ? (size_t)len : 1;
	}
	return i;
}
