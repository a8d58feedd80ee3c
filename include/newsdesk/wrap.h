/* wrap.h — soft-wrapping a paragraph to a number of columns, by the
 * terminal's wcwidth and the Chinese line-breaking rules (禁则): no line
 * starts with a closing mark (，。、；：？！）》」』”’…), no line ends with an
 * opening mark (（《「『“‘), —— and …… are never split, no line starts with
 * a dash (——, GB/T 15834—2011: clreq strict), Latin words and numbers are not
 * cut, a number keeps its unit (2024年, 3.5万元, 12%, 38℃), a URL or e-mail
 * address moves to the next line whole when it fits there, and a wide
 * character never splits at the edge. % ℃ ‰ and dashes never hang. */
#ifndef NEWSDESK_WRAP_H
#define NEWSDESK_WRAP_H

#include <stddef.h>

#define ND_WRAP_HANG 4 /* columns two hanging full-width marks may need */

struct nd_wrap_line {
	size_t start, end; /* byte range in the paragraph; trailing spaces excluded */
	int width; /* columns of [start, end) */
};

/* Wraps s[0..n) to cols columns (cols >= 1). Up to two closing marks may
 * hang past cols at a line's end, as typesetters hang punctuation: keep a
 * margin of ND_WRAP_HANG columns to the right of the measure. *lines is malloc'd; a
 * paragraph always yields at least one (possibly empty) line. Returns the
 * number of lines, or -1 on allocation failure. */
long nd_wrap(const char *s, size_t n, int cols, struct nd_wrap_line **lines);

/* 1 when no line may start with cp; 2 when no line may end with it. */
int nd_wrap_class(unsigned cp);

#endif
