/* photo.h — what a picture file is, read by the format's own library
 * (libjpeg-turbo, libpng, libwebp; EXIF by libexif), never by its name.
 * Everything here is pure: no SQLite, no terminal. A reporter's file is
 * hostile, so every cost is bounded before it is paid: the byte size, the
 * width × height (checked from the header, before any pixel is decoded),
 * the JPEG scans, the PNG chunks, the EXIF strings (sanitised and cut). */
#ifndef NEWSDESK_PHOTO_H
#define NEWSDESK_PHOTO_H

#include "newsdesk/error.h"

#include <stddef.h>
#include <stdint.h>

/* A photo's default byte limit; the store's meta key photo_max_bytes
 * overrides it. */
#define ND_PHOTO_MAX_BYTES (40 * 1024 * 1024)
/* The most pixels a photo may have: 80 megapixels (a 60 MP camera's frame
 * passes). Checked from the header, before decoding. */
#define ND_PHOTO_MAX_PIXELS (80LL * 1000 * 1000)
/* Checking a photo as it arrives may take this much CPU (issue 32): past
 * it the picture is refused, whatever made it costly. */
#define ND_PHOTO_CHECK_CPU_MS 800
/* The most JPEG scans (a progressive JPEG has ~10; thousands is an attack). */
#define ND_PHOTO_MAX_SCANS 100

enum nd_photo_format { ND_PHOTO_NONE = 0, ND_PHOTO_JPEG, ND_PHOTO_PNG, ND_PHOTO_WEBP };

struct nd_photo_info {
	enum nd_photo_format format;
	int width, height;
	/* From EXIF, sanitised (safe to print), "" when absent. */
	char date[32]; /* DateTimeOriginal (or DateTime), "2024:05:01 10:20:30" */
	char camera[96]; /* Make and Model */
	char caption[384]; /* ImageDescription */
};

/* "jpeg", "png", "webp" (and "" for none). */
const char *nd_photo_format_name(enum nd_photo_format f);
/* The file name extension for a format: "jpg", "png", "webp". */
const char *nd_photo_extension(enum nd_photo_format f);
/* The format for a stored name ("jpeg", …), ND_PHOTO_NONE otherwise. */
enum nd_photo_format nd_photo_format_parse(const char *name);

/* Reads and checks bytes[0..n): the format by its signature, the header by
 * the format's library, the pixel limit, then the whole image decoded (at a
 * small scale) so a truncated or corrupt file is refused here and not when
 * someone looks at it; the EXIF fields. max_bytes: the byte limit (0: the
 * default). ND_EINVAL with a message naming what is wrong. */
int nd_photo_inspect(const void *bytes, size_t n, size_t max_bytes, struct nd_photo_info *info,
		     struct nd_error *err);

/* Decodes bytes (already inspected or not: every check runs again) into
 * RGBA pixels at most max_w × max_h, keeping the aspect ratio: *rgba is
 * malloc'd, 4 bytes a pixel, rows of *w pixels. */
int nd_photo_thumbnail(const void *bytes, size_t n, int max_w, int max_h, uint8_t **rgba, int *w,
		       int *h, struct nd_error *err);

#endif
