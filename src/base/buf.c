/* buf.c — growable NUL-terminated buffer. Every append returns 0 or -1 on
 * allocation failure, leaving the old contents intact. */
#include "newsdesk/buf.h"
#include "newsdesk/utf8enc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int nd_buf_reserve(struct nd_buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return 0;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap *= 2;
	char *p = realloc(b->data, cap);
	if (!p)
		return -1;
	b->data = p;
	b->cap = cap;
	return 0;
}

int nd_buf_add(struct nd_buf *b, const void *p, size_t n)
{
	if (nd_buf_reserve(b, n) < 0)
		return -1;
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
	return 0;
}

int nd_buf_adds(struct nd_buf *b, const char *s)
{
	return nd_buf_add(b, s, strlen(s));
}

int nd_buf_addc(struct nd_buf *b, char c)
{
	return nd_buf_add(b, &c, 1);
}

int nd_buf_vprintf(struct nd_buf *b, const char *fmt, va_list ap)
{
	va_list copy;
	va_copy(copy, ap);
	int n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0 || nd_buf_reserve(b, (size_t)n) < 0)
		return -1;
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
	return 0;
}

int nd_buf_printf(struct nd_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int rc = nd_buf_vprintf(b, fmt, ap);
	va_end(ap);
	return rc;
}

int nd_buf_add_cp(struct nd_buf *b, unsigned cp)
{
	char s[4];
	return nd_buf_add(b, s, (size_t)nd_utf8_put(cp, s));
}

void nd_buf_reset(struct nd_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

char *nd_buf_take(struct nd_buf *b)
{
	char *s = b->data;
	if (!s)
		s = calloc(1, 1);
	b->data = NULL;
	b->len = b->cap = 0;
	return s;
}

void nd_buf_free(struct nd_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

const char *nd_buf_str(const struct nd_buf *b)
{
	return b->data ? b->data : "";
}
