/* fuzz_charset.c — encoding detection; a success must be valid UTF-8. */
#include "newsdesk/charset.h"
#include "newsdesk/utf8.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nd_decoded d;
	struct nd_error err;
	if (nd_charset_decode((const char *)data, size, NULL, &d, &err) == 0) {
		if (!nd_utf8_valid(d.text, d.len, NULL))
			abort();
		nd_decoded_free(&d);
	}
	return 0;
}
