/* tap.c — see tap.h. */
#include "tap.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int count, failed;

bool tap_ok(bool cond, const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	count++;
	printf("%s %d - ", cond ? "ok" : "not ok", count);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	if (!cond) {
		failed++;
		printf("#   at %s:%d\n", file, line);
	}
	return cond;
}

bool tap_is_str(const char *got, const char *want, const char *file, int line, const char *name)
{
	bool same = (!got && !want) || (got && want && strcmp(got, want) == 0);
	tap_ok(same, file, line, "%s", name);
	if (!same)
		printf("#   got:  [%s]\n#   want: [%s]\n", got ? got : "(null)",
		       want ? want : "(null)");
	return same;
}

bool tap_is_int(long long got, long long want, const char *file, int line, const char *name)
{
	tap_ok(got == want, file, line, "%s", name);
	if (got != want)
		printf("#   got:  %lld\n#   want: %lld\n", got, want);
	return got == want;
}

int tap_done(void)
{
	printf("1..%d\n", count);
	if (failed)
		printf("# %d of %d checks failed\n", failed, count);
	fflush(stdout);
	return failed ? 1 : 0;
}
