/* fuzz_filing.c — the whole filing intake on arbitrary bytes. */
#include "newsdesk/filing.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nd_story st;
	struct nd_error err;
	if (nd_story_from_bytes((const char *)data, size, NULL, &st, NULL, &err) == 0) {
		char *again = nd_story_format(&st);
		struct nd_story st2;
		/* what we format, we can read back */
		if (again && nd_story_parse(again, &st2, &err) == 0)
			nd_story_free(&st2);
		free(again);
		nd_story_free(&st);
	}
	return 0;
}
