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

/* The fields an import judges, in the order --dry-run explains them. */
enum nd_import_field {
	ND_IF_KIND,
	ND_IF_SECTION,
	ND_IF_MARKERS,
	ND_IF_KICKER,
	ND_IF_HEADLINE,
	ND_IF_SUBHEAD,
	ND_IF_DATELINE,
	ND_IF_BYLINE,
	ND_IF_BODY,
	ND_IF_COUNT
};

/* A rule of the importer's tables: a stable id (for scripts and tests)
 * and why it decides what it does, in English for gettext (N_). */
struct nd_import_rule {
	const char *id;
	const char *why;
};

struct nd_import_item {
	struct nd_story
	    story; /* kind, section, kicker, headline, subhead, dateline, byline, body */
	const struct nd_import_rule *why[ND_IF_COUNT]; /* the rule that set each field, or NULL */
	size_t byline_name; /* byte offset of the name in story.byline: what precedes it
			       is the writer's organisation and position (its title) */
	char *markers; /* section and banner lines taken before it, raw */
	char *source; /* a 来源：《…》 line */
	bool fragment; /* not a whole article: an editor must look */
	/* The unsure rule that decided something about this item, which an
	 * editor should check first (a fragment's is the fragment rule); NULL
	 * when every rule that shaped it was sure. */
	const struct nd_import_rule *flag;
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

/* Items of the page an unsure rule flagged for an editor. */
size_t nd_import_flagged(const struct nd_import_page *page);

/* The rule of the importer's table with that id, or NULL. */
const struct nd_import_rule *nd_import_rule_find(const char *id);

/* The field's name in English, for gettext (标题 headline, 作者 byline…). */
const char *nd_import_field_name(enum nd_import_field f);

/* True when the line is a section or column marker (新闻速递, 【主席之声】…). */
bool nd_import_is_marker(const char *line);

#endif
