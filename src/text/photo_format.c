/* photo_format.c — the photo formats by name (photo.h): what the
 * program says and stores without reading a picture, so without the
 * picture libraries (they are in the module nd_photo, photo.c). */
#include "newsdesk/photo.h"

#include <string.h>

static const struct {
	enum nd_photo_format format;
	const char *name, *ext;
} formats[] = {
	{ ND_PHOTO_JPEG, "jpeg", "jpg" },
	{ ND_PHOTO_PNG, "png", "png" },
	{ ND_PHOTO_WEBP, "webp", "webp" },
};

const char *nd_photo_format_name(enum nd_photo_format f)
{
	for (size_t i = 0; i < sizeof formats / sizeof *formats; i++)
		if (formats[i].format == f)
			return formats[i].name;
	return "";
}

const char *nd_photo_extension(enum nd_photo_format f)
{
	for (size_t i = 0; i < sizeof formats / sizeof *formats; i++)
		if (formats[i].format == f)
			return formats[i].ext;
	return "bin";
}

enum nd_photo_format nd_photo_format_parse(const char *name)
{
	for (size_t i = 0; name && i < sizeof formats / sizeof *formats; i++)
		if (strcmp(formats[i].name, name) == 0)
			return formats[i].format;
	return ND_PHOTO_NONE;
}
