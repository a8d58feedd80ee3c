/* csv.h — the one way a CSV cell is written (RFC 4180), with spreadsheet
 * formula injection neutralised (OWASP): a cell starting with = + - @, a tab
 * or a carriage return gets a leading ', so =HYPERLINK(…) in a headline is
 * text in the sheet, never a live formula. */
#ifndef NEWSDESK_CSV_H
#define NEWSDESK_CSV_H

#include "newsdesk/buf.h"

#include <stdbool.h>

/* Appends s (NULL: empty) as one cell, then ',' or, when last, CRLF. */
void nd_csv_cell(struct nd_buf *out, const char *s, bool last);

#endif
