/* fuzz_importer.c — page splitting on arbitrary text. */
#include "newsdesk/filing.h"
#include "newsdesk/importer.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text;
	struct nd_error err;
	struct nd_import_page page;
	if (nd_text_from_bytes((const char *)data, size, 1 << 20, NULL, &text, NULL, &err) < 0)
		return 0;
	if (nd_import_split(text, &page, &err) == 0)
		nd_import_page_free(&page);
	free(text);
	return 0;
}
