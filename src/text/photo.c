/* photo.c — reading a picture a reporter sent: the format by its own
 * library, never the name; the limits before the cost; the whole image
 * decoded once, at a small scale, so a truncated file is refused at the
 * door. One decoder per format writes rows into a small RGBA thumbnail,
 * which is also what the desk's preview draws. Built as the module
 * nd_photo (meson.build), opened by photo_module.c when a command first
 * needs a picture read, so no other start loads the picture libraries. */
#include "newsdesk/photo.h"
#include "newsdesk/buf.h"
#include "newsdesk/lang.h"
#include "newsdesk/pngcheck.h"
#include "newsdesk/sanitize.h"

#include <ctype.h>
#include <libexif/exif-data.h>
#include <png.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
/* jpeglib.h needs FILE and size_t first */
#include <jerror.h>
#include <jpeglib.h>
#include <webp/decode.h>

/* A side longer than this is refused whatever the pixel count, so one
 * row's buffer stays small. */
#define MAX_SIDE 65535
/* libjpeg's working memory: a progressive JPEG keeps every coefficient
 * (2 bytes a sample: 24 megapixels at 4:2:0 need 72 MB). Checking a photo
 * stays within 64 MB (issue 32); a progressive JPEG past this is refused
 * with a way out (baseline JPEGs, what cameras write, decode in rows). */
#define JPEG_MAX_MEMORY (48L * 1024 * 1024)
/* Validation decodes into a thumbnail of at most this side. */
#define CHECK_SIDE 64
/* An EXIF block larger than this is not read (the format allows 64 KiB). */
#define MAX_EXIF (256 * 1024)

/* The signature says which library to ask; the library then decides. */
static enum nd_photo_format sniff(const unsigned char *b, size_t n)
{
	if (n >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF)
		return ND_PHOTO_JPEG;
	if (n >= 8 && memcmp(b, "\x89PNG\r\n\x1a\n", 8) == 0)
		return ND_PHOTO_PNG;
	if (n >= 12 && memcmp(b, "RIFF", 4) == 0 && memcmp(b + 8, "WEBP", 4) == 0)
		return ND_PHOTO_WEBP;
	return ND_PHOTO_NONE;
}

/* ---- the thumbnail every decoder writes into -------------------------------- */

struct thumb {
	int sw, sh; /* the rows being fed: their width and count */
	int tw, th;
	int next; /* the next thumbnail row to fill */
	uint8_t *px;
};

static int fit(int side, int other, int max_side, int max_other)
{
	/* side scaled like other so both fit; at least 1 */
	long long a = (long long)side * max_other / (other ? other : 1);
	long long s = a < max_side ? a : max_side;
	return s < 1 ? 1 : (int)s;
}

static int thumb_init(struct thumb *t, int sw, int sh, int max_w, int max_h, struct nd_error *err)
{
	t->sw = sw;
	t->sh = sh;
	t->next = 0;
	if (sw <= max_w && sh <= max_h) {
		t->tw = sw;
		t->th = sh;
	} else if ((long long)sw * max_h >= (long long)sh * max_w) {
		t->tw = max_w;
		t->th = fit(sh, sw, max_h, max_w);
	} else {
		t->th = max_h;
		t->tw = fit(sw, sh, max_w, max_h);
	}
	t->px = calloc((size_t)t->tw * (size_t)t->th, 4);
	if (!t->px)
		return nd_fail(err, ND_ENOMEM, _("out of memory decoding the photo"));
	return 0;
}

/* Source row y (RGBA, sw pixels) fills every thumbnail row that samples it. */
static void thumb_row(struct thumb *t, int y, const uint8_t *row)
{
	while (t->next < t->th && (long long)t->next * t->sh / t->th <= y) {
		uint8_t *out = t->px + (size_t)t->next * (size_t)t->tw * 4;
		for (int x = 0; x < t->tw; x++)
			memcpy(out + (size_t)x * 4,
			       row + (size_t)((long long)x * t->sw / t->tw) * 4, 4);
		t->next++;
	}
}

static int check_size(int w, int h, struct nd_error *err)
{
	if (w <= 0 || h <= 0)
		return nd_fail(err, ND_EINVAL, _("the picture has no pixels (%1$d×%2$d)"), w, h);
	if (w > MAX_SIDE || h > MAX_SIDE || (long long)w * h > ND_PHOTO_MAX_PIXELS)
		return nd_fail(
		    err, ND_EINVAL,
		    _("the picture is %1$d×%2$d pixels, over the limit of %3$lld megapixels "
		      "(a decompression bomb, or a scan far too large): refused before "
		      "decoding"),
		    w, h, ND_PHOTO_MAX_PIXELS / 1000000);
	return 0;
}

/* ---- JPEG -------------------------------------------------------------------- */

struct jpeg_ctx {
	struct jpeg_error_mgr pub;
	struct jpeg_progress_mgr progress;
	jmp_buf jump;
	char msg[JMSG_LENGTH_MAX];
	int warnings;
	long long cpu_deadline; /* 0: none */
};

/* The CPU budget of a check (0: none, for previews). */
static long long deadline_of(bool inspect)
{
	return inspect ? nd_cpu_ns() + ND_PHOTO_CHECK_CPU_MS * 1000000LL : 0;
}

static bool past(long long deadline)
{
	return deadline && nd_cpu_ns() > deadline;
}

static void jpeg_fatal(j_common_ptr c)
{
	struct jpeg_ctx *x = (struct jpeg_ctx *)c->err;
	if (c->err->msg_code == JERR_NO_BACKING_STORE)
		snprintf(x->msg, sizeof x->msg,
			 _("a progressive JPEG this large needs more than %ld MB to check: send "
			   "it as a baseline (not progressive) JPEG, as cameras write them"),
			 JPEG_MAX_MEMORY >> 20);
	else
		c->err->format_message(c, x->msg);
	longjmp(x->jump, 1);
}

/* A warning is fatal when it means the data ended early or is damaged
 * throughout: libjpeg would otherwise fill the rest grey. */
static void jpeg_message(j_common_ptr c, int level)
{
	struct jpeg_ctx *x = (struct jpeg_ctx *)c->err;
	if (level >= 0)
		return;
	if (c->err->msg_code == JWRN_JPEG_EOF) {
		snprintf(x->msg, sizeof x->msg, "%s",
			 _("the file ends before the picture does (truncated)"));
		longjmp(x->jump, 1);
	}
	if (++x->warnings > 100) {
		snprintf(x->msg, sizeof x->msg, "%s",
			 _("the picture's data is damaged throughout"));
		longjmp(x->jump, 1);
	}
}

static void jpeg_progress(j_common_ptr c)
{
	j_decompress_ptr d = (j_decompress_ptr)c;
	struct jpeg_ctx *x = (struct jpeg_ctx *)c->err;
	if (past(x->cpu_deadline)) {
		snprintf(x->msg, sizeof x->msg, "%s",
			 _("checking it took more CPU than a photo may"));
		longjmp(x->jump, 1);
	}
	if (c->is_decompressor && d->input_scan_number > ND_PHOTO_MAX_SCANS) {
		snprintf(x->msg, sizeof x->msg,
			 _("the picture has more than %d scans (a progressive-JPEG bomb)"),
			 ND_PHOTO_MAX_SCANS);
		longjmp(x->jump, 1);
	}
}

/* Adobe CMYK JPEGs are stored inverted: the product is the colour. */
static void cmyk_to_rgba(uint8_t *row, int w)
{
	for (int x = 0; x < w; x++) {
		uint8_t *p = row + (size_t)x * 4;
		unsigned k = p[3];
		p[0] = (uint8_t)(p[0] * k / 255);
		p[1] = (uint8_t)(p[1] * k / 255);
		p[2] = (uint8_t)(p[2] * k / 255);
		p[3] = 255;
	}
}

static int jpeg_decode(const unsigned char *b, size_t n, int max_w, int max_h, bool inspect,
		       struct nd_photo_info *info, struct thumb *t, struct nd_error *err)
{
	struct jpeg_decompress_struct d;
	struct jpeg_ctx x = { .cpu_deadline = deadline_of(inspect) };
	uint8_t *volatile row = NULL;
	d.err = jpeg_std_error(&x.pub);
	x.pub.error_exit = jpeg_fatal;
	x.pub.emit_message = jpeg_message;
	x.progress.progress_monitor = jpeg_progress;
	if (setjmp(x.jump)) {
		jpeg_destroy_decompress(&d);
		free(row);
		return nd_fail(err, ND_EINVAL, _("not a readable JPEG: %s"), x.msg);
	}
	jpeg_create_decompress(&d);
	d.progress = &x.progress;
	d.mem->max_memory_to_use = JPEG_MAX_MEMORY;
	jpeg_mem_src(&d, b, (unsigned long)n);
	jpeg_read_header(&d, TRUE);
	info->width = (int)d.image_width;
	info->height = (int)d.image_height;
	if (check_size(info->width, info->height, err) < 0) {
		jpeg_destroy_decompress(&d);
		return err->code;
	}
	/* the smallest of 1/8 … 1/1 that still covers the thumbnail */
	d.scale_num = 1;
	d.scale_denom = 8;
	while (d.scale_denom > 1 && ((int)(d.image_width / d.scale_denom) < max_w &&
				     (int)(d.image_height / d.scale_denom) < max_h))
		d.scale_denom /= 2;
	bool cmyk = d.jpeg_color_space == JCS_CMYK || d.jpeg_color_space == JCS_YCCK;
	d.out_color_space = cmyk ? JCS_CMYK : JCS_EXT_RGBA;
	jpeg_start_decompress(&d);
	if (thumb_init(t, (int)d.output_width, (int)d.output_height, max_w, max_h, err) < 0) {
		jpeg_destroy_decompress(&d);
		return err->code;
	}
	row = malloc((size_t)d.output_width * 4);
	if (!row)
		longjmp(x.jump, 1);
	while (d.output_scanline < d.output_height) {
		JSAMPROW r = row;
		int y = (int)d.output_scanline;
		if (jpeg_read_scanlines(&d, &r, 1) != 1)
			break;
		if (cmyk)
			cmyk_to_rgba(row, (int)d.output_width);
		thumb_row(t, y, row);
	}
	jpeg_finish_decompress(&d);
	jpeg_destroy_decompress(&d);
	free(row);
	return 0;
}

/* ---- PNG --------------------------------------------------------------------- */

struct png_src {
	const unsigned char *b;
	size_t n, at;
	char msg[160];
};

static void png_read_mem(png_structp p, png_bytep out, png_size_t len)
{
	struct png_src *s = png_get_io_ptr(p);
	if (len > s->n - s->at)
		png_error(p, _("the file ends before the picture does (truncated)"));
	memcpy(out, s->b + s->at, len);
	s->at += len;
}

static void png_fatal(png_structp p, png_const_charp msg)
{
	struct png_src *s = png_get_error_ptr(p);
	snprintf(s->msg, sizeof s->msg, "%s", msg);
	png_longjmp(p, 1);
}

static void png_warn(png_structp p, png_const_charp msg)
{
	(void)p;
	(void)msg;
}

static void png_transforms(png_structp p, png_infop in)
{
	int type = png_get_color_type(p, in);
	png_set_expand(p); /* palette, grey < 8 bits, tRNS: to 8-bit channels */
	png_set_strip_16(p);
	if (type == PNG_COLOR_TYPE_GRAY || type == PNG_COLOR_TYPE_GRAY_ALPHA)
		png_set_gray_to_rgb(p);
	png_set_filler(p, 0xFF, PNG_FILLER_AFTER);
}

static int exif_fields(const unsigned char *b, size_t n, struct nd_photo_info *info);

static int png_decode(const unsigned char *b, size_t n, int max_w, int max_h, bool inspect,
		      struct nd_photo_info *info, struct thumb *t, struct nd_error *err)
{
	struct png_src s = { b, n, 0, "" };
	png_structp p = png_create_read_struct(PNG_LIBPNG_VER_STRING, &s, png_fatal, png_warn);
	png_infop in = p ? png_create_info_struct(p) : NULL;
	uint8_t *volatile row = NULL;
	volatile int own = 0; /* err already filled by newsdesk's own check */
	if (!in) {
		png_destroy_read_struct(&p, NULL, NULL);
		return nd_fail(err, ND_ENOMEM, _("out of memory reading the PNG"));
	}
	if (setjmp(png_jmpbuf(p))) {
		png_destroy_read_struct(&p, &in, NULL);
		free(row);
		if (own)
			return own;
		return nd_fail(err, ND_EINVAL, _("not a readable PNG: %s"), s.msg);
	}
	/* a compressed text or colour-profile chunk may not inflate past
	   these: the zip bomb inside an ancillary chunk */
	png_set_user_limits(p, MAX_SIDE, MAX_SIDE);
	png_set_chunk_cache_max(p, 1000);
	png_set_chunk_malloc_max(p, 8 * 1024 * 1024);
	png_set_read_fn(p, &s, png_read_mem);
	png_read_info(p, in);
	info->width = (int)png_get_image_width(p, in);
	info->height = (int)png_get_image_height(p, in);
	if ((own = check_size(info->width, info->height, err)) < 0)
		png_longjmp(p, 1);
	png_bytep exif = NULL;
	png_uint_32 exif_len = 0;
	if (png_get_eXIf_1(p, in, &exif_len, &exif) && exif && exif_len > 0 && exif_len < MAX_EXIF)
		exif_fields(exif, exif_len, info);
	if (inspect) {
		/* checking only: the whole file's integrity without decoding it,
		   in a fraction of the CPU (pngcheck.c) */
		struct nd_png_header h = { png_get_image_width(p, in),
					   png_get_image_height(p, in),
					   png_get_bit_depth(p, in),
					   png_get_color_type(p, in),
					   png_get_interlace_type(p, in) != PNG_INTERLACE_NONE,
					   deadline_of(true) };
		png_destroy_read_struct(&p, &in, NULL);
		return nd_png_check(b, n, &h, err);
	}
	png_transforms(p, in);
	int passes = png_set_interlace_handling(p);
	png_read_update_info(p, in);
	if ((own = thumb_init(t, info->width, info->height, max_w, max_h, err)) < 0)
		png_longjmp(p, 1);
	row = calloc((size_t)info->width, 4);
	if (!row) {
		own = nd_fail(err, ND_ENOMEM, _("out of memory reading the PNG"));
		png_longjmp(p, 1);
	}
	/* every pass is read (a truncated file fails here). libpng wants
	   every row asked for in every pass; the thumbnail takes the last
	   pass, whose odd rows are whole (an even row is shown as the odd row
	   before it, left in the buffer) */
	for (int pass = 0; pass < passes; pass++)
		for (int y = 0; y < info->height; y++) {
			png_read_row(p, row, NULL);
			if (pass == passes - 1 && (passes == 1 || y > 0 || info->height == 1))
				thumb_row(t, y, row);
		}
	png_read_end(p, NULL);
	png_destroy_read_struct(&p, &in, NULL);
	free(row);
	return 0;
}

/* ---- WebP -------------------------------------------------------------------- */

/* The EXIF chunk of a WebP file, walking the RIFF chunks (bounded by n). */
static void webp_exif(const unsigned char *b, size_t n, struct nd_photo_info *info)
{
	size_t at = 12;
	for (int chunks = 0; chunks < 64 && at + 8 <= n; chunks++) {
		uint32_t len = (uint32_t)b[at + 4] | (uint32_t)b[at + 5] << 8 |
			       (uint32_t)b[at + 6] << 16 | (uint32_t)b[at + 7] << 24;
		if (len > n - at - 8)
			return;
		if (memcmp(b + at, "EXIF", 4) == 0) {
			if (len < MAX_EXIF)
				exif_fields(b + at + 8, len, info);
			return;
		}
		at += 8 + (size_t)len + (len & 1);
	}
}

/* The whole file through libwebp's incremental decoder, a slice at a time,
 * so a check can stop at its CPU budget. */
static VP8StatusCode webp_run(const unsigned char *b, size_t n, WebPDecoderConfig *c,
			      long long deadline, bool *over)
{
	WebPIDecoder *idec = WebPIDecode(NULL, 0, c);
	if (!idec)
		return VP8_STATUS_OUT_OF_MEMORY;
	VP8StatusCode st = VP8_STATUS_SUSPENDED;
	for (size_t at = 0; at < n && st == VP8_STATUS_SUSPENDED;) {
		size_t len = n - at < 65536 ? n - at : 65536;
		st = WebPIAppend(idec, b + at, len);
		at += len;
		if (st == VP8_STATUS_SUSPENDED && past(deadline)) {
			*over = true;
			break;
		}
	}
	WebPIDelete(idec);
	return st;
}

static int webp_decode(const unsigned char *b, size_t n, int max_w, int max_h, bool inspect,
		       struct nd_photo_info *info, struct thumb *t, struct nd_error *err)
{
	WebPDecoderConfig c;
	if (!WebPInitDecoderConfig(&c))
		return nd_fail(err, ND_EINVAL,
			       _("the WebP library is not the one newsdesk was built for"));
	if (WebPGetFeatures(b, n, &c.input) != VP8_STATUS_OK)
		return nd_fail(err, ND_EINVAL, _("not a readable WebP: its header is damaged"));
	info->width = c.input.width;
	info->height = c.input.height;
	if (c.input.has_animation)
		return nd_fail(err, ND_EINVAL,
			       _("an animated WebP is not a photo: send one frame"));
	if (check_size(info->width, info->height, err) < 0)
		return err->code;
	webp_exif(b, n, info);
	struct thumb size;
	if (thumb_init(&size, info->width, info->height, max_w, max_h, err) < 0)
		return err->code;
	free(size.px);
	c.options.use_scaling = 1;
	c.options.scaled_width = size.tw;
	c.options.scaled_height = size.th;
	c.output.colorspace = MODE_RGBA;
	bool over = false;
	VP8StatusCode st = webp_run(b, n, &c, deadline_of(inspect), &over);
	if (st != VP8_STATUS_OK) {
		WebPFreeDecBuffer(&c.output);
		return nd_fail(err, ND_EINVAL, _("not a readable WebP: %s"),
			       over ? _("checking it took more CPU than a photo may")
			       : st == VP8_STATUS_NOT_ENOUGH_DATA || st == VP8_STATUS_SUSPENDED
				   ? _("the file ends before the picture does (truncated)")
				   : _("its picture data is damaged"));
	}
	t->sw = t->tw = c.output.width;
	t->sh = t->th = c.output.height;
	t->next = t->th;
	t->px = malloc((size_t)t->tw * (size_t)t->th * 4);
	if (t->px)
		for (int y = 0; y < t->th; y++)
			memcpy(t->px + (size_t)y * (size_t)t->tw * 4,
			       c.output.u.RGBA.rgba + (size_t)y * (size_t)c.output.u.RGBA.stride,
			       (size_t)t->tw * 4);
	WebPFreeDecBuffer(&c.output);
	return t->px ? 0 : nd_fail(err, ND_ENOMEM, _("out of memory decoding the WebP"));
}

/* ---- EXIF -------------------------------------------------------------------- */

/* An EXIF string made safe: sanitised, trimmed, cut whole at size. */
static void exif_copy(char *out, size_t size, const char *value)
{
	struct nd_buf b = ND_BUF_INIT;
	out[0] = '\0';
	while (*value == ' ')
		value++;
	size_t len = strlen(value);
	while (len && (value[len - 1] == ' ' || value[len - 1] == '\0'))
		len--;
	if (nd_sanitize(&b, value, len, 0) < 0 || !b.data) {
		nd_buf_free(&b);
		return;
	}
	size_t cut = b.len < size ? b.len : size - 1;
	while (cut > 0 && cut < b.len && ((unsigned char)b.data[cut] & 0xC0) == 0x80)
		cut--;
	memcpy(out, b.data, cut);
	out[cut] = '\0';
	nd_buf_free(&b);
}

static void exif_get(ExifData *d, ExifIfd ifd, ExifTag tag, char *out, size_t size)
{
	ExifEntry *e = exif_content_get_entry(d->ifd[ifd], tag);
	char v[512];
	if (!e)
		return;
	if (e->format == EXIF_FORMAT_ASCII && e->data) {
		/* the bytes as written (phones write UTF-8 there); libexif's
		   own rendering drops every byte past ASCII */
		size_t n = e->size < sizeof v - 1 ? e->size : sizeof v - 1;
		memcpy(v, e->data, n);
		v[n] = '\0';
	} else if (!exif_entry_get_value(e, v, sizeof v)) {
		return;
	}
	v[sizeof v - 1] = '\0';
	exif_copy(out, size, v);
}

/* b: a JPEG (libexif finds its APP1), or a bare EXIF block (PNG eXIf,
 * WebP EXIF: TIFF data, with or without the "Exif\0\0" prefix). */
static int exif_fields(const unsigned char *b, size_t n, struct nd_photo_info *info)
{
	unsigned char *copy = NULL;
	if (n >= 4 && (memcmp(b, "II*", 3) == 0 || memcmp(b, "MM\0*", 4) == 0)) {
		copy = malloc(n + 6);
		if (!copy)
			return -1;
		memcpy(copy, "Exif\0\0", 6);
		memcpy(copy + 6, b, n);
		b = copy;
		n += 6;
	}
	ExifData *d = exif_data_new();
	if (d) {
		exif_data_unset_option(d, EXIF_DATA_OPTION_FOLLOW_SPECIFICATION);
		exif_data_load_data(d, b, (unsigned)n);
		exif_get(d, EXIF_IFD_EXIF, EXIF_TAG_DATE_TIME_ORIGINAL, info->date,
			 sizeof info->date);
		if (!info->date[0])
			exif_get(d, EXIF_IFD_0, EXIF_TAG_DATE_TIME, info->date, sizeof info->date);
		char make[64] = "", model[64] = "";
		exif_get(d, EXIF_IFD_0, EXIF_TAG_MAKE, make, sizeof make);
		exif_get(d, EXIF_IFD_0, EXIF_TAG_MODEL, model, sizeof model);
		/* "Canon" "Canon EOS R5": the model alone says both */
		if (make[0] && strncasecmp(model, make, strlen(make)) != 0)
			snprintf(info->camera, sizeof info->camera, "%s %s", make, model);
		else
			snprintf(info->camera, sizeof info->camera, "%s", model[0] ? model : make);
		exif_get(d, EXIF_IFD_0, EXIF_TAG_IMAGE_DESCRIPTION, info->caption,
			 sizeof info->caption);
		exif_data_unref(d);
	}
	free(copy);
	return 0;
}

/* ---- the entry points -------------------------------------------------------- */

static int decode(const void *bytes, size_t n, size_t max_bytes, int max_w, int max_h, bool inspect,
		  struct nd_photo_info *info, struct thumb *t, struct nd_error *err)
{
	const unsigned char *b = bytes;
	memset(info, 0, sizeof *info);
	memset(t, 0, sizeof *t);
	if (!max_bytes)
		max_bytes = ND_PHOTO_MAX_BYTES;
	if (n > max_bytes)
		return nd_fail(
		    err, ND_EINVAL,
		    _("the photo is %1$zu bytes, over the limit of %2$zu bytes (%3$zu MiB)"), n,
		    max_bytes, max_bytes >> 20);
	if (n == 0)
		return nd_fail(err, ND_EINVAL, _("the photo is empty (0 bytes)"));
	info->format = sniff(b, n);
	int rc;
	switch (info->format) {
	case ND_PHOTO_JPEG:
		rc = jpeg_decode(b, n, max_w, max_h, inspect, info, t, err);
		if (rc == 0)
			exif_fields(b, n, info);
		break;
	case ND_PHOTO_PNG:
		rc = png_decode(b, n, max_w, max_h, inspect, info, t, err);
		break;
	case ND_PHOTO_WEBP:
		rc = webp_decode(b, n, max_w, max_h, inspect, info, t, err);
		break;
	default:
		return nd_fail(err, ND_EINVAL,
			       _("not a photo newsdesk accepts: only JPEG, PNG and WebP pictures "
				 "(the file's own bytes say what it is, not its name)"));
	}
	if (rc < 0) {
		free(t->px);
		t->px = NULL;
	}
	return rc;
}

int nd_photo_inspect(const void *bytes, size_t n, size_t max_bytes, struct nd_photo_info *info,
		     struct nd_error *err)
{
	struct thumb t;
	int rc = decode(bytes, n, max_bytes, CHECK_SIDE, CHECK_SIDE, true, info, &t, err);
	free(t.px);
	return rc;
}

int nd_photo_thumbnail(const void *bytes, size_t n, int max_w, int max_h, uint8_t **rgba, int *w,
		       int *h, struct nd_error *err)
{
	struct nd_photo_info info;
	struct thumb t;
	*rgba = NULL;
	if (max_w < 1 || max_h < 1)
		return nd_fail(err, ND_EINVAL, _("no room to draw the photo"));
	int rc = decode(bytes, n, SIZE_MAX, max_w, max_h, false, &info, &t, err);
	if (rc < 0)
		return rc;
	*rgba = t.px;
	*w = t.tw;
	*h = t.th;
	return 0;
}
