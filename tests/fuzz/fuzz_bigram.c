/* fuzz_bigram.c — the search tokenizer and the re-check on any bytes: no
 * overrun, no leak, every term within ND_BIGRAM_FOLD_MAX per character,
 * and the two ways of finding a word in a text (nd_bigram_contains, which
 * folds the text a piece at a time and uses memmem, and nd_bigram_find,
 * character by character) always agree. The first byte says how long the
 * word is; the word, then the text, follow. */
#include "newsdesk/bigram.h"

#include <stdint.h>
#include <stdlib.h>

static int token(void *ctx, int flags, const char *term, int bytes, int start, int end)
{
	(void)flags;
	(void)term;
	int len = *(int *)ctx;
	if (bytes < 1 || bytes > 2 * ND_BIGRAM_FOLD_MAX || start < 0 || end <= start || end > len)
		abort();
	return SQLITE_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1 || size > 1 << 20)
		return 0;
	size_t k = data[0] % 32;
	if (k > size - 1)
		k = size - 1;
	const char *word = (const char *)data + 1, *text = word + k;
	int wlen = (int)k, tlen = (int)(size - 1 - k);
	if (nd_bigram_tokenize(&tlen, FTS5_TOKENIZE_DOCUMENT, text, tlen, token) != SQLITE_OK ||
	    nd_bigram_tokenize(&wlen, FTS5_TOKENIZE_QUERY, word, wlen, token) != SQLITE_OK)
		abort();
	int len = -1, at = nd_bigram_find(text, tlen, word, wlen, &len);
	int has = nd_bigram_contains(text, tlen, word, wlen);
	if (has != (at >= 0) || (at >= 0 && (len < 0 || at + len > tlen)))
		abort();
	int exact;
	sqlite3_free(nd_bigram_expr(word, wlen, &exact, NULL));
	return 0;
}
