/* error.c — filling struct nd_error. */
#include "newsdesk/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int nd_fail(struct nd_error *err, int code, const char *fmt, ...)
{
	if (err) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(err->msg, sizeof err->msg, fmt, ap);
		va_end(ap);
		err->code = code;
		err->detail[0] = '\0';
	}
	return code;
}

void nd_error_prefix(struct nd_error *err, const char *fmt, ...)
{
	char prefix[256];
	va_list ap;

	if (!err)
		return;
	va_start(ap, fmt);
	vsnprintf(prefix, sizeof prefix, fmt, ap);
	va_end(ap);
	size_t pl = strlen(prefix), ml = strlen(err->msg), cap = sizeof err->msg - 1;
	if (pl > cap)
		pl = cap;
	if (pl + ml > cap)
		ml = cap - pl;
	memmove(err->msg + pl, err->msg, ml);
	memcpy(err->msg, prefix, pl);
	err->msg[pl + ml] = '\0';
}

void nd_error_clear(struct nd_error *err)
{
	if (err) {
		err->code = 0;
		err->msg[0] = '\0';
		err->detail[0] = '\0';
	}
}
