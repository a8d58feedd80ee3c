/* doc.h — the text an editor edits: the item's fields as UTF-8 buffers,
 * a cursor that moves by grapheme cluster, a selection, a clipboard, and
 * undo/redo where a whole typed run is one step. Knows nothing of the
 * screen (tui/editor.c lays it out). */
#ifndef NEWSDESK_DOC_H
#define NEWSDESK_DOC_H

#include "newsdesk/buf.h"
#include "newsdesk/filing.h"

#include <stdbool.h>
#include <stddef.h>

enum nd_doc_field {
	ND_F_KICKER,
	ND_F_HEADLINE,
	ND_F_SUBHEAD,
	ND_F_DATELINE,
	ND_F_BYLINE,
	ND_F_BODY, /* the only multi-line field: paragraphs separated by '\n' */
	ND_F_COUNT
};

struct nd_doc_snapshot {
	char *text[ND_F_COUNT];
	int field;
	size_t cur;
};

/* What changed in a field since it was last asked (nd_doc_take_change):
 * bytes [from, old_end) of the text then are [from, new_end) now (a field
 * replaced whole — undo, redo, clean-up — by what differs between its
 * common start and end). */
struct nd_doc_change {
	bool any;
	size_t from, old_end, new_end;
};

struct nd_doc {
	struct nd_buf f[ND_F_COUNT];
	int field; /* where the cursor is */
	size_t cur; /* byte offset in f[field], on a grapheme boundary */
	bool mark_set;
	size_t mark; /* selection from mark to cur, within the cursor's field */
	char *clipboard;
	char *kind, *section; /* carried through unedited */

	struct nd_doc_snapshot *undo, *redo;
	size_t n_undo, n_redo, cap_undo, cap_redo;
	int last_op; /* for coalescing a typed run into one undo step */
	long changes, saved_changes; /* dirty when they differ */
	struct nd_doc_change change[ND_F_COUNT];
};

int nd_doc_init(struct nd_doc *d, const struct nd_story *story);
void nd_doc_free(struct nd_doc *d);
/* The document as a story (malloc'd fields). */
int nd_doc_story(const struct nd_doc *d, struct nd_story *out);
bool nd_doc_dirty(const struct nd_doc *d);
void nd_doc_mark_saved(struct nd_doc *d);

/* The field's changes since the last call, as one range; clears them. */
struct nd_doc_change nd_doc_take_change(struct nd_doc *d, int field);

const char *nd_doc_text(const struct nd_doc *d, int field);
size_t nd_doc_len(const struct nd_doc *d, int field);

/* Editing at the cursor. Text in a one-line field has its newlines turned
 * into spaces; control characters other than '\n' are dropped. */
int nd_doc_insert(struct nd_doc *d, const char *text, size_t n);
/* Enter: splits the paragraph in the body; moves to the next field in a
 * one-line field. */
int nd_doc_newline(struct nd_doc *d);
int nd_doc_backspace(struct nd_doc *d); /* one grapheme, or the selection */
int nd_doc_delete(struct nd_doc *d);

/* Moves (each ends a typed run). */
void nd_doc_left(struct nd_doc *d);
void nd_doc_right(struct nd_doc *d);
void nd_doc_word_left(struct nd_doc *d);
void nd_doc_word_right(struct nd_doc *d);
void nd_doc_paragraph_up(struct nd_doc *d);
void nd_doc_paragraph_down(struct nd_doc *d);
void nd_doc_set_cursor(struct nd_doc *d, int field, size_t off);
void nd_doc_next_field(struct nd_doc *d);
void nd_doc_prev_field(struct nd_doc *d);

/* Selection and clipboard. Cut or copy with no selection takes the
 * cursor's paragraph (the whole field when it has one line). */
void nd_doc_toggle_mark(struct nd_doc *d);
bool nd_doc_selection(const struct nd_doc *d, size_t *from, size_t *to);
int nd_doc_cut(struct nd_doc *d);
int nd_doc_copy(struct nd_doc *d);
int nd_doc_paste(struct nd_doc *d);

/* Finds text after the cursor, across fields, wrapping once; moves there. */
bool nd_doc_find(struct nd_doc *d, const char *text);

/* Replaces the body with new text as one undoable step. */
int nd_doc_replace_body(struct nd_doc *d, const char *body);

int nd_doc_undo(struct nd_doc *d); /* 1 done, 0 nothing to undo, -1 error */
int nd_doc_redo(struct nd_doc *d);

#endif
