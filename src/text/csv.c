/* csv.c — CSV cells: quoted when they hold , " CR or LF, and never
 * read as a formula by a spreadsheet. */
#include "newsdesk/csv.h"

#include <string.h>

void nd_csv_cell(struct nd_buf *out, const char *s, bool last)
{
	s = s ? s : "";
	bool formula = s[0] && strchr("=+-@\t\r", s[0]);
	if (strpbrk(s, ",\"\r\n")) {
		nd_buf_adds(out, formula ? "\"'" : "\"");
		for (; *s; s++) {
			if (*s == '"')
				nd_buf_addc(out, '"');
			nd_buf_addc(out, *s);
		}
		nd_buf_addc(out, '"');
	} else {
		if (formula)
			nd_buf_addc(out, '\'');
		nd_buf_adds(out, s);
	}
	nd_buf_adds(out, last ? "\r\n" : ",");
}
