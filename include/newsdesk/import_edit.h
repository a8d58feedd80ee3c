/* import_edit.h — an editor's corrections to an imported page before
 * anything is filed (newsdesk import --interactive): merge two adjacent
 * items, split one at a paragraph, move a field's text to another field
 * (re-label: kicker ⇄ headline, a paragraph as the byline…), set a field,
 * the kind or the section, skip an item.
 *
 * Nothing is lost: every character of the page stays in some item (a
 * skipped one is kept, only not filed) or, when the editor types over a
 * field, in `dropped`, shown to the editor; what the editor typed is in
 * `added`. So, blanks aside, as multisets of characters:
 *     page = items + dropped − added
 * (kind and section are labels, not the page's text). No curses, no SQL. */
#ifndef NEWSDESK_IMPORT_EDIT_H
#define NEWSDESK_IMPORT_EDIT_H

#include "newsdesk/buf.h"
#include "newsdesk/error.h"
#include "newsdesk/importer.h"

#include <stdbool.h>
#include <stddef.h>

struct nd_import_edit {
	struct nd_import_page page; /* the items as the editor has them now */
	bool *skipped; /* per item: kept here, not filed */
	struct nd_buf dropped; /* text the editor typed over, one field a line */
	struct nd_buf added; /* text the editor typed, one field a line */
	int edits; /* changes made, so leaving can say what it throws away */
};

/* Takes the page (it is the edit's now; the caller's is emptied). */
int nd_import_edit_init(struct nd_import_edit *ed, struct nd_import_page *page,
			struct nd_error *err);
void nd_import_edit_free(struct nd_import_edit *ed);

/* dst a deep copy of src (an undo step); dst is initialised here. */
int nd_import_edit_copy(struct nd_import_edit *dst, const struct nd_import_edit *src,
			struct nd_error *err);

/* Paragraphs of item i's body (0 for an empty body). */
size_t nd_import_paragraphs(const struct nd_import_item *it);

/* Item i+1 into item i: a field i lacks takes i+1's; i+1's other title
 * lines become paragraphs before its body, its byline (when i has one) a
 * paragraph after; markers and sources joined. */
int nd_import_merge(struct nd_import_edit *ed, size_t i, struct nd_error *err);

/* Item i split before paragraph para (2 … paragraphs, counted from 1): the
 * paragraphs from there on become a new item i+1, in the same section; a
 * first paragraph short enough for a title line becomes its headline. */
int nd_import_split_at(struct nd_import_edit *ed, size_t i, size_t para, struct nd_error *err);

/* Moves the text of field from to field to (kicker, headline, subhead,
 * dateline, byline or body). What to held goes back where from's text came
 * from (a swap). From the body: its first paragraph, or its last for the
 * byline; into the body: before the first paragraph, a byline after the
 * last. */
int nd_import_move(struct nd_import_edit *ed, size_t i, enum nd_import_field from,
		   enum nd_import_field to, struct nd_error *err);

/* Sets a field to text the editor typed: a title line (kicker, headline,
 * subhead, dateline, byline: one line; what it held goes to dropped), the
 * kind (article, photo, brief, note, or their Chinese names) or the
 * section (a label; empty: none). */
int nd_import_set(struct nd_import_edit *ed, size_t i, enum nd_import_field f, const char *text,
		  struct nd_error *err);

/* Skips item i, or takes it back. */
int nd_import_skip(struct nd_import_edit *ed, size_t i, struct nd_error *err);

/* The items to file: a page that borrows the edit's items (do not free
 * it with nd_import_page_free; free(kept->items)). Fails, naming the item,
 * when one has no headline or nothing is left to file. */
int nd_import_kept(const struct nd_import_edit *ed, struct nd_import_page *kept,
		   struct nd_error *err);

/* Why a field is what it is after an editor's change ([editor]). */
extern const struct nd_import_rule nd_import_rule_editor;

#endif
