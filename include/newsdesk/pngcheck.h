/* pngcheck.h — a PNG's integrity without decoding it: every chunk's CRC,
 * the image data's zlib stream inflated (into a small window) to exactly
 * the size the header implies, each row's filter byte valid. What a full
 * decode would refuse for damage, at the cost of inflating alone: no
 * unfiltering, no pixel conversion, no image in memory. */
#ifndef NEWSDESK_PNGCHECK_H
#define NEWSDESK_PNGCHECK_H

#include "newsdesk/error.h"

#include <stddef.h>

struct nd_png_header {
	unsigned width, height;
	int depth; /* bits a sample: 1, 2, 4, 8, 16 */
	int color_type; /* 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA */
	int interlace; /* 0 none, 1 Adam7 */
	long long cpu_deadline; /* nd_cpu_ns() past which the check gives up (0: none) */
};

/* This thread's CPU time, in nanoseconds. */
long long nd_cpu_ns(void);

/* 0 when the n bytes at b (a whole PNG file) are intact for header h,
 * else ND_EINVAL naming the damage. */
int nd_png_check(const unsigned char *b, size_t n, const struct nd_png_header *h,
		 struct nd_error *err);

#endif
