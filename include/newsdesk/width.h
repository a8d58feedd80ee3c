/* width.h — display width: the C library's UTF-8 tables whatever the
 * locale's charset, East Asian ambiguous characters (“ ” · … — ─ █) one or
 * two columns as set (vim's 'ambiwidth'); the program's wcwidth, so ncursesw
 * counts the same. Cutting text to a number of columns. Bytes are never
 * columns. */
#ifndef NEWSDESK_WIDTH_H
#define NEWSDESK_WIDTH_H

#include "newsdesk/buf.h"

#include <stdbool.h>

/* How wide East Asian ambiguous characters are: 1 (the default) or 2.
 * Set once at start, before anything is measured or drawn. */
void nd_width_set_ambiguous(int cols);
int nd_width_ambiguous(void);
/* "1" (or "single"), "2" ("double"), "auto" (0); -1 for anything else. */
int nd_width_parse_ambiguous(const char *s);
/* True when Unicode gives cp the East Asian Width "A" (ambiguous). */
bool nd_cp_ambiguous(unsigned cp);

/* wcwidth as C.UTF-8 has it, whatever the locale and the ambiwidth
 * setting (-1: not printable), and iswalnum likewise: for what a character
 * *is* (a half-width letter joins a run of 字数, a word character stays
 * with its word), which must not change with the terminal. */
int nd_wcwidth_unicode(unsigned cp);
bool nd_cp_alnum(unsigned cp);

/* wcwidth's answer with the setting applied: -1 for what is not printable. */
int nd_wcwidth(unsigned cp);

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
