/* tui_app.h — shared by the files of src/tui/: the application state, the
 * pane operations table and the keymap. No SQL here or below tui/: panes
 * call core functions. */
#ifndef NEWSDESK_TUI_APP_H
#define NEWSDESK_TUI_APP_H

#include "newsdesk/buf.h"
#include "newsdesk/items.h"
#include "newsdesk/journal.h"
#include "newsdesk/tui.h"
#include "newsdesk/workflow.h"

#include <curses.h>
#include <libintl.h>
#include <stdbool.h>
#include <stdint.h>

#define _(s) gettext(s)
#define N_(s) (s)

enum tui_action {
	ACT_NONE,
	ACT_DOWN,
	ACT_UP,
	ACT_PAGE_DOWN,
	ACT_PAGE_UP,
	ACT_TOP,
	ACT_BOTTOM,
	ACT_OPEN,
	ACT_SWITCH,
	ACT_SEARCH,
	ACT_NEXT,
	ACT_PREV,
	ACT_FILTER,
	ACT_SORT,
	ACT_GROW,
	ACT_SHRINK,
	ACT_ZOOM,
	ACT_VERB,
	ACT_NOTE,
	ACT_COMMAND,
	ACT_EDIT,
	ACT_EXTERNAL,
	ACT_REVIEW,
	ACT_RUNDOWN,
	ACT_ASSIGN,
	ACT_HELP,
	ACT_REDRAW,
	ACT_SUSPEND,
	ACT_INTERRUPT,
	ACT_QUIT,
};

/* One row of the keymap: dispatch and the help screen both read it, so
 * the help can never drift from the keys. */
struct tui_key {
	int key; /* a character, or a KEY_* code when function is set */
	bool function;
	const char *label; /* how the help screen writes the key */
	enum tui_action action;
	const char *verb; /* for ACT_VERB: the workflow verb */
	const char *help; /* N_() text */
};

extern const struct tui_key tui_keys[];
extern const size_t tui_key_count;

const struct tui_key *tui_key_find(int key, bool function);

enum tui_focus { FOCUS_LIST, FOCUS_ITEM };
enum tui_zoom { ZOOM_NONE, ZOOM_LIST, ZOOM_ITEM };

struct tui_line {
	char *text; /* already sanitised UTF-8 */
	int attr;
};

struct tui_editor;
struct tui_review;
struct tui_rundown;

struct tui {
	struct nd_store *st;
	const struct nd_actor *actor;
	bool zh;
	bool colors;
	struct nd_workflow wf;

	/* the list */
	struct nd_filter filter;
	char f_state[32], f_section[64], f_reporter[72], f_issue[40];
	int64_t total;
	int64_t top, sel, sel_id;
	struct nd_item *rows;
	size_t nrows;
	struct nd_state_count *counts;
	size_t ncounts;
	char search[256];
	struct nd_match *matches; /* a page of hits: matches[0] is hit match_offset */
	size_t nmatches;
	int64_t match_offset, match_total, match_index;

	/* the item pane */
	int64_t preview_id;
	struct tui_line *lines;
	size_t nlines;
	int lines_width;
	int scroll;

	/* the frame */
	enum tui_focus focus;
	enum tui_zoom zoom;
	int split; /* list pane rows, header included */
	bool help;
	int help_scroll;
	char message[512];
	bool message_error;
	int64_t data_version;
	bool quit;
	struct tui_editor *ed; /* the editor, while an item is open in it */
	struct tui_review *rv; /* the review pane, while open */
	struct tui_rundown *rd; /* the rundown view, while open */
	char last_issue[40];
};

/* Pane operations, as tig's view_ops: the main loop knows only these. */
struct pane_ops {
	const char *name;
	void (*draw)(struct tui *t, int y, int height, int width);
	/* true when the pane handled the action */
	bool (*act)(struct tui *t, enum tui_action action, int height);
};

extern const struct pane_ops tui_list_pane;
extern const struct pane_ops tui_item_pane;
extern const struct pane_ops tui_help_pane;

/* app.c */
void tui_message(struct tui *t, bool error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void tui_reload(struct tui *t, int list_height);
int tui_list_height(const struct tui *t);
int tui_item_height(const struct tui *t);
const char *tui_state_label(const struct tui *t, const char *state);
int tui_state_attr(const struct tui *t, const char *state);

/* draw.c: one row of exactly width columns at (y, x), text sanitised. */
void tui_draw_row(int y, int x, int width, const char *text, int attr);
void tui_draw_text(struct nd_buf *row, const char *text, int cols, bool pad, bool right);

/* prompt.c: reads a line on the bottom row; NULL when cancelled. */
char *tui_prompt(const char *question, const char *initial);
/* yes/no on the bottom row */
bool tui_confirm(const char *question);
/* One of the characters of choices (lower case), or 0 when cancelled. */
int tui_choice(const char *question, const char *choices);

/* signals.c: SIGHUP, SIGTERM and SIGINT set a flag the loop acts on. */
void tui_signals_install(void);
void tui_signals_restore(void);
/* The signal that asks the desk to end (a terminal gone counts as SIGHUP;
 * kind is what get_wch returned), or 0. */
int tui_hangup(int kind);
/* Ctrl-Z: suspends like vim and mutt, and redraws on resume. */
void tui_suspend(void);

/* list.c */
void tui_list_select_id(struct tui *t, int64_t id);
void tui_list_clear(struct tui *t);

/* item.c */
void tui_item_invalidate(struct tui *t);
void tui_item_clear(struct tui *t);

#endif
