/* fuzz_tar.c — the file --tar reader on arbitrary bytes: never a crash,
 * every entry inside the bytes given, within the limits asked, with a
 * plain name. */
#include "newsdesk/tar.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nd_tar_entry e[4];
	size_t n = 0;
	struct nd_error err = { 0 };
	const char *b = (const char *)data;
	if (nd_tar_read(b, size, 4, 40000, e, &n, &err) == 0)
		for (size_t i = 0; i < n; i++)
			if (n > 4 || e[i].size > 40000 || e[i].data < b ||
			    e[i].data + e[i].size > b + size || !e[i].name[0] ||
			    strchr(e[i].name, '/') || e[i].name[0] == '.')
				abort();
	return 0;
}
