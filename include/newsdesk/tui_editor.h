/* tui_editor.h — the built-in editor pane over one item. */
#ifndef NEWSDESK_TUI_EDITOR_H
#define NEWSDESK_TUI_EDITOR_H

#include "newsdesk/doc.h"
#include "newsdesk/rows.h"
#include "newsdesk/tui_app.h"
#include "newsdesk/tui_draftsave.h"
#include "newsdesk/wrap.h"

#include <stdint.h>
#include <time.h>

/* One laid-out row of the editor. */
struct ed_line {
	int field; /* ND_F_…, or -1 for a divider */
	size_t start, end; /* byte range in the field's text */
	size_t next; /* where the next row of the same paragraph starts */
	bool para_end; /* the last row of its paragraph */
	int width;
};

struct tui_editor {
	int64_t id;
	int base_rev;
	bool conflict_pending; /* a newer revision exists; the user was told */
	struct nd_doc doc;
	struct ed_line *head; /* the one-line fields' rows and the divider */
	size_t nhead, cap_head;
	struct nd_rows rows; /* the body's rows, kept across edits */
	int layout_width;
	long head_chars, body_chars, field_chars;
	int top;
	int goal_col;
	bool have_goal;
	time_t last_renew;
	/* autosave: a key that may have changed the text sets unsynced; the
	 * draft is written 2 s after that first change it does not hold yet
	 * (pending_ms), however the typing goes on */
	bool unsynced;
	int64_t pending_ms;
	struct tui_draftsave *saver; /* writes the draft off the key path */
	char search[256];
	bool lines_prev_para_end; /* while drawing: the row above ended a paragraph */
	bool hung; /* the desk hung up: lock and draft dealt with */
	bool at_row_end; /* ^E put the cursor at the end of row end_row */
	size_t end_row;
};

extern const struct pane_ops tui_editor_pane;
/* Pushes the editor on item id (takes the lock); a refusal is a message. */
bool tui_editor_open(struct tui *t, int64_t id);
/* Draws the editor in rows [y, y+height). */
void tui_editor_draw(struct tui *t, int y, int height, int width);
/* Handles one key; returns false when the editor closed. */
bool tui_editor_key(struct tui *t, int kind, wint_t ch, int height);
/* Milliseconds until the next autosave is due; -1 when nothing waits. */
int tui_editor_autosave_due(const struct tui *t);
/* Writes the draft when it is due (force: now). */
void tui_editor_autosave(struct tui *t, bool force);
/* The terminal went away or a signal asks us to end: keep the unsaved
 * text as a draft, release the lock (logging that a draft exists) and
 * close, touching nothing of the terminal. */
void tui_editor_hangup(struct tui *t);
/* draftview.c: before E, the user's own unfinished draft of item id
 * (the $EDITOR file, else the desk's), offered as `newsdesk edit ID` does:
 * true to go on (ND_EDIT_RECOVER in *flags to start from it), false when
 * the user chose not to open the item. */
bool tui_external_offer(struct tui *t, int64_t id, unsigned *flags);
/* :unlock — a chief releases another editor's lock on item id, asked
 * first; the holder's draft is kept and the holder told next time. */
void tui_unlock(struct tui *t, int64_t id);
/* notices.c: the user's notices (a released or taken lock), as messages
 * when the desk starts. */
void tui_notices_show(struct tui *t);
/* draftview.c: an item that has the user's own draft. Returns 'r' to
 * recover it, 'x' when it was discarded (asked first), 0 to not open. */
struct nd_draft;
int tui_draft_offer(struct tui *t, const struct nd_draft *d, const struct nd_story *current);
/* edview.c: the layout (the document's changes taken in; the body's rows
 * broken only as far as asked), the rows by index (head, divider, body),
 * the cursor's visual row, moving by rows with a goal column. */
void tui_ed_layout(struct tui_editor *ed, int width);
void tui_ed_ensure(struct tui_editor *ed, size_t row);
void tui_ed_prepare(struct tui_editor *ed);
void tui_ed_layout_free(struct tui_editor *ed);
size_t tui_ed_nlines(const struct tui_editor *ed);
struct ed_line tui_ed_line(const struct tui_editor *ed, size_t i);
size_t tui_ed_cursor_row(const struct tui_editor *ed);
void tui_ed_vertical(struct tui_editor *ed, int rows);

#endif
