/* fuzz_diff.c — the diff of two texts rebuilds both exactly. */
#include "newsdesk/buf.h"
#include "newsdesk/diff.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t half = size / 2;
	char *a = strndup((const char *)data, half),
	     *b = strndup((const char *)data + half, size - half);
	struct nd_diff d;
	if (a && b && nd_diff_texts(a, b, &d) == 0) {
		struct nd_buf l = ND_BUF_INIT, r = ND_BUF_INIT;
		for (size_t i = 0; i < d.n; i++) {
			if (d.spans[i].op != ND_DIFF_INSERT)
				nd_buf_adds(&l, d.spans[i].text);
			if (d.spans[i].op != ND_DIFF_DELETE)
				nd_buf_adds(&r, d.spans[i].text);
		}
		if (strcmp(nd_buf_str(&l), a) || strcmp(nd_buf_str(&r), b))
			abort();
		nd_buf_free(&l);
		nd_buf_free(&r);
		nd_diff_free(&d);
	}
	free(a);
	free(b);
	return 0;
}
