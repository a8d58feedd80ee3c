/* fuzz_proof.c — the proofreading checks on arbitrary text: any body, any
 * headline, never a crash, every hit inside the text it names. */
#include "newsdesk/proof.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0'; /* stored text is a C string: it stops at a NUL */
	char *body = strchr(text, '\n');
	if (body)
		*body++ = '\0';
	struct nd_story st = { .kind = "article", .headline = text, .body = body ? body : "" };
	struct nd_proof_report r;
	if (nd_proof_story(&st, 2, &r) == 0) {
		for (size_t i = 0; i < r.n; i++)
			if (r.hits[i].offset < 0 || (long)size < r.hits[i].offset ||
			    !memchr(r.hits[i].excerpt, '\0', sizeof r.hits[i].excerpt))
				abort();
		nd_proof_free(&r);
	}
	free(text);
	return 0;
}
