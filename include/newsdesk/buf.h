/* buf.h — a growable byte buffer that always stays NUL-terminated. */
#ifndef NEWSDESK_BUF_H
#define NEWSDESK_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct nd_buf {
	char *data; /* NUL-terminated; NULL until the first append */
	size_t len;
	size_t cap;
};

#define ND_BUF_INIT                                                                                \
	{                                                                                          \
		NULL, 0, 0                                                                         \
	}

int nd_buf_reserve(struct nd_buf *b, size_t extra);
int nd_buf_add(struct nd_buf *b, const void *p, size_t n);
int nd_buf_adds(struct nd_buf *b, const char *s);
int nd_buf_addc(struct nd_buf *b, char c);
int nd_buf_printf(struct nd_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int nd_buf_vprintf(struct nd_buf *b, const char *fmt, va_list ap);
/* Appends the UTF-8 encoding of one code point. */
int nd_buf_add_cp(struct nd_buf *b, unsigned cp);
void nd_buf_reset(struct nd_buf *b);
/* Hands the string over (never NULL on success); the buffer is empty after. */
char *nd_buf_take(struct nd_buf *b);
void nd_buf_free(struct nd_buf *b);
/* The contents as a string: "" when nothing was added. */
const char *nd_buf_str(const struct nd_buf *b);

#endif
