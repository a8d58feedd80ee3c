/* html.h — text into HTML: the one escaper every HTML output uses. */
#ifndef NEWSDESK_HTML_H
#define NEWSDESK_HTML_H

#include "newsdesk/buf.h"

/* Appends s (may be NULL) with < > & " ' as entities, so stored text is
 * inert in an element or a quoted attribute. */
void nd_html_escape(struct nd_buf *b, const char *s);

#endif
