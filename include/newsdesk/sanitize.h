/* sanitize.h — the one gate between stored text and a terminal. Nothing a
 * reporter filed can move the cursor, clear the screen or reorder text. */
#ifndef NEWSDESK_SANITIZE_H
#define NEWSDESK_SANITIZE_H

#include "newsdesk/buf.h"

#include <stddef.h>

enum {
	ND_SAN_NEWLINES = 1, /* keep '\n' (multi-line output); else shown as ↵ */
	ND_SAN_TABS = 2, /* keep '\t'; else shown as a space */
};

/* Appends a terminal-safe copy of s[0..n) to out: C0/C1 controls, DEL, bidi
 * overrides, invisible format characters, invalid UTF-8 and characters the
 * terminal cannot draw (wcwidth < 0) become visible placeholders. */
int nd_sanitize(struct nd_buf *out, const char *s, size_t n, unsigned flags);

/* The placeholder for one code point, or 0 when it is safe to draw as is. */
unsigned nd_sanitize_cp(unsigned cp, unsigned flags);

/* Returns a malloc'd sanitised copy (NULL only on allocation failure). */
char *nd_sanitized(const char *s, unsigned flags);

/* Removes from stored text what must never be stored: C0 controls other than
 * '\n' and '\t', DEL and C1 controls. Invalid UTF-8 must be refused before. */
void nd_strip_controls(char *s);

#endif
