/* photo_module.c — reading a picture through the module nd_photo
 * (photo.c, with libjpeg, libpng, libwebp and libexif), opened the first
 * time a picture is read: a command that reads none (list, file, the
 * desk's start) never loads those libraries. */
#include "newsdesk/module.h"
#include "newsdesk/photo.h"

typedef int (*inspect_fn)(const void *, size_t, size_t, struct nd_photo_info *, struct nd_error *);
typedef int (*thumbnail_fn)(const void *, size_t, int, int, uint8_t **, int *, int *,
			    struct nd_error *);

int nd_photo_inspect(const void *bytes, size_t n, size_t max_bytes, struct nd_photo_info *info,
		     struct nd_error *err)
{
	inspect_fn f = (inspect_fn)nd_module_symbol("nd_photo", "nd_photo_inspect", err);
	return f ? f(bytes, n, max_bytes, info, err) : ND_EIO;
}

int nd_photo_thumbnail(const void *bytes, size_t n, int max_w, int max_h, uint8_t **rgba, int *w,
		       int *h, struct nd_error *err)
{
	thumbnail_fn f = (thumbnail_fn)nd_module_symbol("nd_photo", "nd_photo_thumbnail", err);
	return f ? f(bytes, n, max_w, max_h, rgba, w, h, err) : ND_EIO;
}
