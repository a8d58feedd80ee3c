/* html.c — text into HTML (export, the rundown's HTML). */
#include "newsdesk/html.h"

void nd_html_escape(struct nd_buf *b, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '<':
			nd_buf_adds(b, "&lt;");
			break;
		case '>':
			nd_buf_adds(b, "&gt;");
			break;
		case '&':
			nd_buf_adds(b, "&amp;");
			break;
		case '"':
			nd_buf_adds(b, "&quot;");
			break;
		case '\'':
			nd_buf_adds(b, "&#39;");
			break;
		default:
			nd_buf_addc(b, *s);
		}
	}
}
