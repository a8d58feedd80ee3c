/* fuzz_photo.c — the photo validator on arbitrary bytes: every decoder
 * (libjpeg-turbo, libpng, libwebp) and libexif behind it, never a crash, a
 * leak or an unbounded allocation, and what EXIF gives never carries a
 * control character to a terminal. */
#include "newsdesk/photo.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void inert(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nd_photo_info info;
	struct nd_error err = { 0 };
	if (nd_photo_inspect(data, size, 0, &info, &err) == 0) {
		if (info.width <= 0 || info.height <= 0 ||
		    (long long)info.width * info.height > ND_PHOTO_MAX_PIXELS)
			abort();
		inert(info.date);
		inert(info.camera);
		inert(info.caption);
		uint8_t *px = NULL;
		int w = 0, h = 0;
		if (nd_photo_thumbnail(data, size, 17, 9, &px, &w, &h, &err) == 0 &&
		    (w < 1 || w > 17 || h < 1 || h > 9))
			abort();
		free(px);
	}
	return 0;
}
