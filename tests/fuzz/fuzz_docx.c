/* fuzz_docx.c — the Word document reader on arbitrary bytes (seeded with
 * real documents): never a crash, a leak or an unbounded cost; what it
 * accepts is text in the filing format and pictures within the bounds. */
#include "newsdesk/docx.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nd_docx d;
	struct nd_error err = { 0 };
	(void)nd_docx_sniff(data, size);
	if (nd_docx_read(data, size, &d, &err) == 0) {
		if (d.npictures > ND_DOCX_MAX_PICTURES || d.text.len > ND_DOCX_MAX_TOTAL)
			abort();
		for (size_t i = 0; i < d.npictures; i++)
			if (!d.pictures[i].name[0] || strchr(d.pictures[i].name, '/'))
				abort();
		struct nd_buf notes = ND_BUF_INIT;
		nd_docx_notes(&d, &notes);
		nd_buf_free(&notes);
		nd_docx_free(&d);
	}
	return 0;
}
