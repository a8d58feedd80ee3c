/* pngcheck.c — checking a PNG whole without decoding its pixels (see
 * pngcheck.h). Validating a reporter's 80-megapixel PNG by a full decode
 * spent most of its CPU unfiltering and converting rows nobody looks at;
 * inflating alone proves the same damage. */
#include "newsdesk/pngcheck.h"
#include "newsdesk/lang.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

long long nd_cpu_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static int channels(int color_type)
{
	static const int by_type[] = { 1, 0, 3, 1, 2, 0, 4 };
	return color_type >= 0 && color_type <= 6 ? by_type[color_type] : 0;
}

/* The rows of the image data in order: each pass's (Adam7: seven). */
struct rows {
	const struct nd_png_header *h;
	int pass, passes;
	uint64_t left; /* rows left in this pass */
	uint64_t row_bytes; /* bytes a row of this pass, its filter byte included */
};

static const int adam7[7][4] = { { 0, 0, 8, 8 }, { 4, 0, 8, 8 }, { 0, 4, 4, 8 }, { 2, 0, 4, 4 },
				 { 0, 2, 2, 4 }, { 1, 0, 2, 2 }, { 0, 1, 1, 2 } };

/* Moves to the next pass with rows; false when there is none. */
static bool next_pass(struct rows *r)
{
	while (++r->pass < r->passes) {
		uint64_t w = r->h->width, hh = r->h->height;
		if (r->h->interlace) {
			const int *a = adam7[r->pass];
			w = w > (unsigned)a[0] ? (w - a[0] + a[2] - 1) / a[2] : 0;
			hh = hh > (unsigned)a[1] ? (hh - a[1] + a[3] - 1) / a[3] : 0;
		}
		if (w == 0 || hh == 0)
			continue;
		r->left = hh;
		r->row_bytes = 1 + (w * (uint64_t)channels(r->h->color_type) * r->h->depth + 7) / 8;
		return true;
	}
	return false;
}

struct inflater {
	z_stream z;
	struct rows rows;
	uint64_t to_filter; /* bytes until the next row's filter byte */
	bool done; /* every row seen */
	bool ended; /* the zlib stream ended */
};

/* Feeds one IDAT chunk's data: 0, or ND_EINVAL. */
static int feed(struct inflater *f, const unsigned char *data, size_t len, struct nd_error *err)
{
	unsigned char window[65536];
	f->z.next_in = (unsigned char *)data;
	f->z.avail_in = (uInt)len;
	while (f->z.avail_in > 0 && !f->ended) {
		if (f->rows.h->cpu_deadline && nd_cpu_ns() > f->rows.h->cpu_deadline)
			return nd_fail(err, ND_EINVAL, _("not a readable PNG: %s"),
				       _("checking it took more CPU than a photo may"));
		f->z.next_out = window;
		f->z.avail_out = sizeof window;
		int zr = inflate(&f->z, Z_NO_FLUSH);
		if (zr != Z_OK && zr != Z_STREAM_END && zr != Z_BUF_ERROR)
			return nd_fail(err, ND_EINVAL, _("not a readable PNG: %s"),
				       f->z.msg ? f->z.msg : _("the image data is damaged"));
		f->ended = zr == Z_STREAM_END;
		size_t got = sizeof window - f->z.avail_out;
		for (size_t at = 0; at < got;) {
			if (f->done)
				return nd_fail(err, ND_EINVAL, _("not a readable PNG: %s"),
					       _("more image data than the picture's size"));
			if (f->to_filter == 0) {
				if (window[at] > 4)
					return nd_fail(err, ND_EINVAL, _("not a readable PNG: %s"),
						       _("a row has an unknown filter"));
				f->to_filter = f->rows.row_bytes;
			}
			uint64_t take = got - at < f->to_filter ? got - at : f->to_filter;
			at += (size_t)take;
			f->to_filter -= take;
			if (f->to_filter == 0 && --f->rows.left == 0 && !next_pass(&f->rows))
				f->done = true;
		}
		if (zr == Z_BUF_ERROR && f->z.avail_in == 0)
			break;
	}
	return 0;
}

int nd_png_check(const unsigned char *b, size_t n, const struct nd_png_header *h,
		 struct nd_error *err)
{
	if (!channels(h->color_type) || !h->width || !h->height)
		return nd_fail(err, ND_EINVAL, _("not a readable PNG: %s"),
			       _("the header names no known colour type"));
	struct inflater f = { .rows = { .h = h, .pass = -1, .passes = h->interlace ? 7 : 1 } };
	if (!next_pass(&f.rows) || inflateInit(&f.z) != Z_OK)
		return nd_fail(err, ND_ENOMEM, _("out of memory reading the PNG"));
	int rc = 0;
	bool iend = false, in_idat = false, idat_over = false;
	for (size_t at = 8; rc == 0 && !iend;) {
		if (n - at < 12) {
			rc = nd_fail(err, ND_EINVAL, _("not a readable PNG: %s"),
				     _("the file ends before the picture does (truncated)"));
			break;
		}
		uint32_t len = be32(b + at);
		const unsigned char *type = b + at + 4;
		if (len > 0x7FFFFFFFu || len > n - at - 12) {
			rc = nd_fail(err, ND_EINVAL, _("not a readable PNG: %s"),
				     _("the file ends before the picture does (truncated)"));
			break;
		}
		if ((uint32_t)crc32(0, type, 4 + len) != be32(type + 4 + len)) {
			rc = nd_fail(err, ND_EINVAL, _("not a readable PNG: %s"),
				     _("a chunk's checksum does not match (the file is damaged)"));
			break;
		}
		bool idat = memcmp(type, "IDAT", 4) == 0;
		if (idat && idat_over)
			rc = nd_fail(err, ND_EINVAL, _("not a readable PNG: %s"),
				     _("the image data is split by other chunks"));
		else if (idat)
			rc = feed(&f, type + 4, len, err);
		idat_over |= in_idat && !idat;
		in_idat = idat;
		iend = memcmp(type, "IEND", 4) == 0;
		at += 12 + (size_t)len;
	}
	if (rc == 0 && (!f.done || !f.ended))
		rc = nd_fail(err, ND_EINVAL, _("not a readable PNG: %s"),
			     _("the image data ends before the picture does (truncated)"));
	inflateEnd(&f.z);
	return rc;
}
