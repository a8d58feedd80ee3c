/* galley.h — galley proofs (校样): items set on the publication's grid of
 * 字/行 (grid.h), one numbered line per counted line, in a CJK serif face,
 * with the item's id, revision, state and counts in the header and open
 * proofreading warnings as marks in the margin; an issue's proofs page by
 * page in rundown order, each page's budget and fill at its head. The
 * layout is newsdesk's, the glyphs are Pango's and the PDF is Cairo's. */
#ifndef NEWSDESK_GALLEY_H
#define NEWSDESK_GALLEY_H
#include "newsdesk/error.h"
#include "newsdesk/filing.h"
#include "newsdesk/proof.h"
#include <stddef.h>
#include <stdint.h>

struct nd_galley_item {
	int64_t id;
	int rev;
	const char *state_label;
	long chars; /* 字数 */
	long layout_lines, layout_chars; /* 版面字数 (-1: not known) */
	int cpl; /* 字/行 it is set at */
	const struct nd_story *story;
	const struct nd_proof_report *proof; /* NULL: none */
};

/* A page of an issue (版): its items are items[first .. first+count). */
struct nd_galley_page {
	int page;
	const char *section;
	long budget; /* 版面字数; -1: none */
	long fill; /* 版面字数 of its items */
	size_t first, count;
};

struct nd_galley_doc {
	const char *title; /* the publication or the title */
	const char *printed; /* when, as shown */
	const struct nd_galley_item *items;
	size_t nitems;
	const struct nd_galley_page *pages; /* NULL: the items alone */
	size_t npages;
};

/* Where the PDF's bytes go: 0, or -1 to stop. */
typedef int (*nd_galley_write_fn)(void *ctx, const unsigned char *data, size_t n);

/* The font family proofs are set in (Noto Serif CJK SC, from Debian's
 * fonts-noto-cjk). */
#define ND_GALLEY_FONT "Noto Serif CJK SC"

/* Renders the proofs as PDF. Returns 0, or a negative code with err set
 * (the font missing, the writer failing, out of memory). */
int nd_galley_render(const struct nd_galley_doc *d, nd_galley_write_fn write, void *ctx,
		     struct nd_error *err);

#endif
