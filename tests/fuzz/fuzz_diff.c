/* fuzz_diff.c — the diff of two texts rebuilds both exactly, its spans are
 * tidy (none empty, no two neighbours alike, a deletion before its
 * insertion), and a diff cut short by its bound is flagged and still
 * exact. Inputs past 4 KiB, and odd first bytes, get a small bound so that
 * the fallback is fuzzed too at a few milliseconds an input; the corpus
 * holds two unrelated 32 KiB texts for it (unrelated-32k). */
#include "newsdesk/buf.h"
#include "newsdesk/diff.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void check(const struct nd_diff *d, const char *a, const char *b)
{
	struct nd_buf l = ND_BUF_INIT, r = ND_BUF_INIT;
	for (size_t i = 0; i < d->n; i++) {
		const struct nd_diff_span *s = &d->spans[i];
		if (!s->text[0] || (i && d->spans[i - 1].op == s->op) ||
		    (i && s->op == ND_DIFF_DELETE && d->spans[i - 1].op == ND_DIFF_INSERT))
			abort();
		if (s->op != ND_DIFF_INSERT)
			nd_buf_adds(&l, s->text);
		if (s->op != ND_DIFF_DELETE)
			nd_buf_adds(&r, s->text);
	}
	if (strcmp(nd_buf_str(&l), a) || strcmp(nd_buf_str(&r), b))
		abort();
	nd_buf_free(&l);
	nd_buf_free(&r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t half = size / 2;
	char *a = strndup((const char *)data, half),
	     *b = strndup((const char *)data + half, size - half);
	long steps = size > 4096 || (size && data[0] & 1) ? 1 << 16 : ND_DIFF_STEPS;
	struct nd_diff d;
	if (a && b && nd_diff_texts_within(a, b, steps, &d) == 0) {
		check(&d, a, b);
		nd_diff_free(&d);
	}
	free(a);
	free(b);
	return 0;
}
