/* number.c — whole decimal numbers, strictly. */
#include "newsdesk/number.h"

#include <errno.h>
#include <stdlib.h>

int nd_parse_number(const char *s, long long min, long long max, long long *out)
{
	if (!s || !(*s == '-' || (*s >= '0' && *s <= '9')))
		return -1;
	char *end;
	errno = 0;
	long long n = strtoll(s, &end, 10);
	if (errno || *end || end == s || n < min || n > max)
		return -1;
	*out = n;
	return 0;
}
