/* fuzz_words.c — the SSH command splitter never overruns or leaks. */
#include "newsdesk/words.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = strndup((const char *)data, size);
	char **w;
	int n;
	struct nd_error err;
	if (s && nd_split_words(s, &w, &n, &err) == 0) {
		if (w[n] != NULL)
			abort();
		nd_words_free(w, n);
	}
	free(s);
	return 0;
}
