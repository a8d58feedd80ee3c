/* importer.h — splitting a page dump (text copied out of a print layout)
 * into items, by the conventions of Chinese print: section markers,
 * kicker/headline runs, datelines, author lines, bylines and photo credits,
 * in-body subheads; paragraphs a page or column break split are rejoined,
 * and a continuation the layout displaced is joined back to its article
 * when exactly one fits, else kept as a fragment flagged for an editor.
 * Nothing is dropped: every line ends up in exactly one item. */
#ifndef NEWSDESK_IMPORTER_H
#define NEWSDESK_IMPORTER_H

#include "newsdesk/error.h"
#include "newsdesk/filing.h"

#include <stdbool.h>
#include <stddef.h>

struct nd_import_item {
	struct nd_story story; /* kind, section, kicker, headline, dateline, byline, body */
	char *markers; /* section and banner lines taken before it, raw */
	char *source; /* a 来源：《…》 line */
	bool fragment; /* not a whole article: an editor must look */
	int repairs; /* paragraphs rejoined */
	bool displaced; /* a displaced continuation was joined to it */
};

struct nd_import_page {
	struct nd_import_item *items;
	size_t n;
};

/* Splits UTF-8 page text (line ends normalised) into items. */
int nd_import_split(const char *text, struct nd_import_page *page, struct nd_error *err);
void nd_import_page_free(struct nd_import_page *page);

/* True when the line is a section or column marker (新闻速递, 【主席之声】…). */
bool nd_import_is_marker(const char *line);

#endif
