/* rows.h — a text of paragraphs (separated by '\n') broken into rows of a
 * width, kept across edits, as an editor lays out what it shows: an edit
 * marks the rows around it as unknown and shifts the rows after it; rows
 * are broken again only where asked (the part on the screen), restarting
 * at a known row start and stopping where they meet the old rows again.
 * One paragraph of 200,000 characters then costs what a screenful costs.
 * The rows tile the text: each row's tile runs from its start to the next
 * row's start (its hanging spaces and its paragraph's '\n' included), and
 * every row, known or not, knows the 字数 of its tile, so the count of the
 * whole is kept by the edits too. */
#ifndef NEWSDESK_ROWS_H
#define NEWSDESK_ROWS_H

#include <stdbool.h>
#include <stddef.h>

struct nd_row {
	size_t start, end; /* the row's text (trailing spaces excluded) */
	size_t next; /* the next row of the paragraph, or the paragraph's end */
	int width; /* columns of [start, end) */
	bool para_end; /* the last row of its paragraph */
	bool known; /* broken from its start by the rules: right when its start is */
	long chars; /* 字数 of the tile */
	bool joins; /* its first character goes on with a run begun before it */
};

struct nd_rows {
	struct nd_row *r;
	size_t n, cap;
	int cols;
	size_t unknown; /* the first row not known; rows before it are right */
	long chars; /* 字数 of the whole text */
};

/* Lays text[0..len) out afresh at cols columns: one unknown row, counted. */
int nd_rows_reset(struct nd_rows *rows, const char *text, size_t len, int cols);
void nd_rows_free(struct nd_rows *rows);
/* text[0..len) is the text after an edit that made bytes [from, old_end)
 * of the text before into [from, new_end). */
int nd_rows_edit(struct nd_rows *rows, const char *text, size_t len, size_t from, size_t old_end,
		 size_t new_end);
/* Breaks rows until every row up to index upto_row, and the row holding
 * byte upto_off, is right. Returns -1 when out of memory. */
int nd_rows_ensure(struct nd_rows *rows, const char *text, size_t len, size_t upto_row,
		   size_t upto_off);
/* The row holding byte off (a row's end belongs to it when it ends its
 * paragraph). */
size_t nd_rows_find(const struct nd_rows *rows, size_t off);

#endif
