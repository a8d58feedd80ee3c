/* width.h — display width by the C library's wcwidth (what ncursesw uses),
 * and cutting text to a number of columns. Bytes are never columns. */
#ifndef NEWSDESK_WIDTH_H
#define NEWSDESK_WIDTH_H

#include "newsdesk/buf.h"

#include <stdbool.h>

/* Columns one (already sanitised) code point takes: 0, 1 or 2. */
int nd_cp_width(unsigned cp);

/* Columns s takes once sanitised for a single line. */
int nd_text_width(const char *s);

enum nd_align { ND_ALIGN_LEFT, ND_ALIGN_RIGHT };

/* Appends s, sanitised for one line, cut to at most cols columns (ending in
 * "…" when cut, never splitting a character) and, when pad, padded with
 * spaces to exactly cols columns on the side align says. Returns the
 * columns appended, or -1 on allocation failure. */
int nd_fit(struct nd_buf *out, const char *s, int cols, bool pad, enum nd_align align);

#endif
