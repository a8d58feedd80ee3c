/* galley_int.h — what galley.c (setting an item's units on the grid and
 * placing its proof marks) hands galley_pdf.c (drawing them). */
#ifndef NEWSDESK_GALLEY_INT_H
#define NEWSDESK_GALLEY_INT_H
#include "newsdesk/buf.h"
#include "newsdesk/galley.h"
#include "newsdesk/grid.h"
#include <stdbool.h>

/* The most half-slots a line is squeezed by to keep the count: 2 in 28
 * (14 字/行) is 7%, what a compositor's tracking hides. */
#define ND_GALLEY_SQUEEZE_MAX 2

/* One unit laid out: its text (titles as stored, the first paragraph with
 * the dateline before it) and where proof offsets start in it. */
struct galley_unit {
	struct nd_buf text;
	bool title;
	const char *field; /* the proof's field name */
	int paragraph; /* the body's line number (1-based); 0 for a field */
	long base; /* characters before the field's or paragraph's own text */
	struct nd_grid grid;
};

struct galley_mark {
	size_t line; /* the item's line (0-based) */
	int x; /* half-slot of the character */
	const char *text;
};

struct galley_set {
	struct galley_unit *units;
	size_t n;
	size_t lines;
	struct galley_mark *marks;
	size_t nmarks;
	char **notes; /* the marks' texts, owned */
};

/* Sets it's units on its grid and places its proof marks. */
int nd_galley_set_item(const struct nd_galley_item *it, struct galley_set *s);
void nd_galley_set_free(struct galley_set *s);

#endif
