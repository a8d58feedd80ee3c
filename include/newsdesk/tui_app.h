/* tui_app.h — shared by the files of src/tui/: the application state, the
 * pane operations table and the keymap. No SQL here or below tui/: panes
 * call core functions. */
#ifndef NEWSDESK_TUI_APP_H
#define NEWSDESK_TUI_APP_H

#include "newsdesk/buf.h"
#include "newsdesk/items.h"
#include "newsdesk/journal.h"
#include "newsdesk/lang.h"
#include "newsdesk/replica.h"
#include "newsdesk/tui.h"
#include "newsdesk/workflow.h"

#include <curses.h>
#include <libintl.h>
#include <stdbool.h>
#include <stdint.h>
#include <wchar.h>

/* Every request a key can make, as tig's enum request: the one table in
 * keys.c gives each its name (for `:`), its keys per pane, its help text
 * and its hint, so dispatch, help and hints read the same rows. */
enum tui_req {
	REQ_NONE,
	/* navigation, shared by every pane that lists or scrolls (nav.c) */
	REQ_DOWN,
	REQ_UP,
	REQ_HALF_DOWN,
	REQ_HALF_UP,
	REQ_PAGE_DOWN,
	REQ_PAGE_UP,
	REQ_TOP,
	REQ_BOTTOM,
	/* the desk */
	REQ_OPEN,
	REQ_SWITCH,
	REQ_SEARCH,
	REQ_NEXT,
	REQ_PREV,
	REQ_FILTER,
	REQ_LIMIT,
	REQ_SORT,
	REQ_GROW,
	REQ_SHRINK,
	REQ_ZOOM,
	REQ_EDIT,
	REQ_EXTERNAL,
	REQ_UNLOCK,
	REQ_REVIEW,
	REQ_RUNDOWN,
	REQ_ASSIGN,
	/* the workflow: each carries its verb in the table */
	REQ_FINISH,
	REQ_APPROVE,
	REQ_RETURN,
	REQ_SPIKE,
	REQ_RESTORE,
	REQ_REOPEN,
	REQ_PUBLISH,
	REQ_REFILE,
	REQ_NOTE,
	/* the review pane */
	REQ_OLDER,
	REQ_NEWER,
	/* the rundown */
	REQ_MOVE_DOWN,
	REQ_MOVE_UP,
	REQ_TO_PAGE,
	REQ_FLAT,
	REQ_PUBLISH_ISSUE,
	/* the import review (import --interactive) */
	REQ_IMP_TEXT,
	REQ_IMP_MERGE,
	REQ_IMP_SPLIT,
	REQ_IMP_SWAP,
	REQ_IMP_RELABEL,
	REQ_IMP_BYLINE,
	REQ_IMP_KIND,
	REQ_IMP_SECTION,
	REQ_IMP_SKIP,
	REQ_IMP_UNDO,
	REQ_IMP_FILE,
	/* photos (issue 22) */
	REQ_PHOTOS,
	REQ_CAPTION,
	/* everywhere */
	REQ_COMMAND,
	REQ_MESSAGES,
	REQ_HELP,
	REQ_REDRAW,
	REQ_SUSPEND,
	REQ_INTERRUPT,
	REQ_BACK,
	REQ_CLOSE,
	REQ_QUIT,
	REQ_DESK,
	REQ_MOUSE,
	REQ_BINDINGS,
	/* the built-in editor (editor.c): CUA keys, as in the word processor
	 * an editor types in all day */
	REQ_ED_LEFT,
	REQ_ED_RIGHT,
	REQ_ED_LINE_UP,
	REQ_ED_LINE_DOWN,
	REQ_ED_LINE_START,
	REQ_ED_LINE_END,
	REQ_ED_SCREEN_UP,
	REQ_ED_SCREEN_DOWN,
	REQ_ED_WORD_LEFT,
	REQ_ED_WORD_RIGHT,
	REQ_ED_PARA_UP,
	REQ_ED_PARA_DOWN,
	REQ_ED_TEXT_START,
	REQ_ED_TEXT_END,
	REQ_ED_BACKSPACE,
	REQ_ED_DELETE,
	REQ_ED_NEWLINE,
	REQ_ED_NEXT_FIELD,
	REQ_ED_PREV_FIELD,
	REQ_ED_SAVE,
	REQ_ED_UNDO,
	REQ_ED_REDO,
	REQ_ED_CLEANUP,
	REQ_ED_FIND,
	REQ_ED_MARK,
	REQ_ED_CUT,
	REQ_ED_COPY,
	REQ_ED_PASTE,
	REQ_ED_LEAVE,
	REQ_ED_HELP,
	REQ_COUNT
};

/* Pane kinds, as bits: a request row says in which panes its keys work.
 * Each is one row of the pane registry (panes.c), which names it. */
enum {
	PANE_LIST = 1u << 0, /* the desk, the list focused */
	PANE_ITEM = 1u << 1, /* an item pane (the desk's or one opened alone) */
	PANE_REVIEW = 1u << 2,
	PANE_RUNDOWN = 1u << 3,
	PANE_PAGER = 1u << 4, /* help and the message history */
	PANE_EDITOR = 1u << 5, /* keys that are not requests insert themselves */
	PANE_IMPORT = 1u << 6, /* an imported page's items, before filing */
	PANE_PHOTO = 1u << 7, /* an item's photos, previewed (photoview.c) */
	PANE_FLAT = 1u << 8, /* the rundown's pages as boxes (rundown.c) */
	PANE_TEXT = 1u << 9, /* an imported item's whole text (importview.c) */
	PANE_LAST = PANE_TEXT,
	/* every pane but the editor, whose keys insert themselves */
	PANE_ALL = ((PANE_LAST << 1) - 1) & ~PANE_EDITOR,
};

/* A function key (KEY_*) in a request's key list; characters are themselves. */
#define TK_FN(k) (0x200000 | (k))
#define TK_CTRL(c) ((c)&0x1F)
#define TK_META(c) (0x400000 | (c)) /* Alt-c: Esc, then c */
#define TK_CTRL_SPACE 0x800000 /* get_wch's 0, which cannot end a key list */
#define TUI_MAX_KEYS 6

/* Key codes for sequences the terminal's terminfo does not name (keys.c). */
enum {
	TUI_KEY_CLEFT = KEY_MAX + 1,
	TUI_KEY_CRIGHT,
	TUI_KEY_CUP,
	TUI_KEY_CDOWN,
	TUI_KEY_CHOME,
	TUI_KEY_CEND,
};
/* Teaches curses the sequences of Home, End and the Ctrl-arrows that the
 * terminfo entry lacks but tmux and screen send. After newterm. */
void tui_keys_init(void);

struct tui_request {
	enum tui_req req;
	const char *name; /* for `:` and a key-binding file */
	const char *verb; /* the workflow verb, for workflow requests */
	unsigned panes; /* PANE_* bits where its keys work */
	int keys[TUI_MAX_KEYS]; /* 0-terminated */
	const char *label; /* how help writes the keys */
	const char *help; /* N_() */
	const char *hint; /* N_() short word for the hint line, or NULL */
	int min_rank; /* hidden from (and refused to) lower ranks; 0: anyone */
};

extern const struct tui_request tui_requests[];
extern const size_t tui_request_count;

/* The request key (kind and ch from get_wch) makes in pane, or REQ_NONE:
 * the user's bindings first (bindings.c), then the table. */
enum tui_req tui_request_for_key(unsigned pane, int kind, wint_t ch);
/* The same for a key code as the table writes it (TK_FN, TK_META …). */
enum tui_req tui_request_for_code(unsigned pane, int code);
/* get_wch's (kind, ch) as a key code of the table; the terminal's own
 * numbers for Ctrl-arrows (kLFT5 …) become TUI_KEY_*. */
int tui_key_code(int kind, wint_t ch);
/* The table's request for code in pane, without the user's bindings. */
enum tui_req tui_table_request(unsigned pane, int code);
const struct tui_request *tui_request_info(enum tui_req req);
/* A request by its name at `:` (unique prefixes too), or REQ_NONE. */
enum tui_req tui_request_by_name(const char *name);

/* bindings.c: the user's key-binding file, lines `bind PANE KEY REQUEST`
 * (PANE list, item, review, rundown, pager, editor, or generic for every
 * pane but the editor, comma-separated; KEY a character, ^X, <Home>, an
 * ncurses name KEY_HOME or a terminfo name khome; REQUEST a name of the
 * table or none). A binding comes before the table in its panes. */
/* Parses text (source names it in errors) and adds its bindings; each bad
 * line is one line "SOURCE:LINE: what is wrong" in errors (may be NULL).
 * Returns the number of bad lines. */
int tui_bindings_parse(const char *text, const char *source, struct nd_buf *errors);
/* Reads path (NULL: $XDG_CONFIG_HOME/newsdesk/keys, silently absent, and
 * never in the restricted SSH context) through the files module. */
int tui_bindings_load(const char *path, struct nd_buf *errors);
void tui_bindings_clear(void);
/* The file the bindings came from, or NULL. */
const char *tui_bindings_source(void);
/* The user's binding of code in pane: 1 and *req (REQ_NONE: unbound),
 * or 0 when the user did not bind it. */
int tui_binding_for_code(unsigned pane, int code, enum tui_req *req);
/* A key's name as help writes it (j, ^D, PgDn, Alt-b). */
void tui_key_name(int code, char *out, size_t size);
/* Parses a key's name as the binding file writes it; 0 or -1. */
int tui_key_parse(const char *word, int *code);
/* The keys that make r in pane kind (the table's and the user's), into
 * codes; returns how many. */
size_t tui_request_keys(const struct tui_request *r, unsigned kind, int *codes, size_t max);
/* A pane kind's name in a binding file (list, editor …), from the registry. */
const char *tui_pane_name(unsigned kind);
/* The keys r makes in pane kind as help writes them, the user's bindings
 * applied; "" when none. */
const char *tui_request_label(const struct tui_request *r, unsigned kind, char *buf, size_t size);

struct tui_line {
	char *text; /* already sanitised UTF-8 */
	int attr;
};

/* Shared navigation (nav.c): one cursor over total rows of which height
 * show. A scroller (no cursor: the item, review and help panes) moves top. */
struct tui_nav {
	int64_t sel, top, total;
	bool scroller;
};
/* Applies a movement request count times; false when req is not one. */
bool tui_nav_request(struct tui_nav *n, enum tui_req req, long count, int height);
struct tui;
/* / n N over a pane's rows (row(data, i) gives row i's text): / asks,
 * n and N go on; the row found becomes the top. False when req is not one. */
bool tui_nav_find(struct tui *t, struct tui_nav *n, enum tui_req req,
		  const char *(*row)(const void *data, size_t i), const void *data);

/* An item laid out for reading: the desk's preview or a pane of its own. */
struct tui_itemview {
	int64_t id, built_id;
	struct nd_item item; /* the item as built (item.id 0: none) */
	struct tui_line *lines;
	size_t nlines;
	int width;
	int scroll;
	const char *hit; /* the search text to highlight, or NULL */
};

struct tui;
struct nd_tui_options;

/* Pane operations, as tig's view_ops: the main loop and the frame know only
 * these, and the registry (panes.c) names each pane and its flag. Each pane
 * keeps its own state in data. */
struct pane_ops {
	/* loads the pane after it is pushed; false: it is closed at once */
	bool (*open)(struct tui *t, void *data);
	void (*draw)(struct tui *t, void *data, int y, int height, int width);
	/* REQ_NONE when handled, else the request for the generic handler */
	enum tui_req (*request)(struct tui *t, void *data, enum tui_req req, long count,
				int height);
	/* a pane that takes every key (the editor): false when it closed itself */
	bool (*key)(struct tui *t, void *data, int kind, wint_t ch, int height);
	/* may the pane be left (q, :desk, quitting)? It may ask first; false
	 * keeps it on the stack. NULL: always. */
	bool (*close)(struct tui *t, void *data);
	/* frees the pane's data once it is off the stack */
	void (*free)(struct tui *t, void *data);
	/* the store changed (another process or this one): reload what is shown
	 * (called as (*ops->refresh)(…): curses has a refresh macro) */
	void (*refresh)(struct tui *t, void *data);
	/* no key waits (typing: between keys, only what the clock makes due,
	 * as a draft's autosave): work left over. Returns the milliseconds
	 * until it wants to be called again, -1: not at all; sets *changed
	 * when the screen may show something new */
	int (*idle)(struct tui *t, void *data, bool typing, bool *changed);
	/* the terminal's size changed */
	void (*resize)(struct tui *t, void *data);
	/* row i of what the pane shows, for / n N over it (NULL past the end) */
	const char *(*grep)(const void *data, size_t i);
	/* the desk ends on a signal: keep what cannot be lost, touching
	 * nothing of the terminal */
	void (*hangup)(struct tui *t, void *data);
	/* a mouse event the pane takes (the wheel scrolls any pane) */
	void (*mouse)(struct tui *t, void *data, const MEVENT *ev);
	/* the item this pane is about (the list: its selection; an item or a
	 * review: its own), 0: none; *row (may be NULL) gets the item's row
	 * when the pane holds one. A request or a `:verb` acts on it. */
	int64_t (*about)(const struct tui *t, const void *data, const struct nd_item **row);
	/* the search text the pane's item is read with (hits highlighted), or NULL */
	const char *(*hit)(const struct tui *t, const void *data);
	/* a verb no request carries (`:`), on the pane's item; NULL: the
	 * loop runs it on about()'s item */
	void (*verb)(struct tui *t, void *data, const char *verb);
	/* `:42`: show item id; false when the pane cannot (a filter hides it) */
	bool (*select)(struct tui *t, void *data, int64_t id);
	/* what the pane adds to the title line (a filter, a sort) */
	void (*title)(const struct tui *t, const void *data, struct nd_buf *left);
	/* at the desk's start, in the registry's order: opens the pane when
	 * the command line asks for it (the list always; the import review
	 * for import --interactive). False: the desk cannot start. */
	bool (*start)(struct tui *t, const struct nd_tui_options *opt);
	bool cursor; /* the pane shows the terminal's cursor (where one types) */
};

struct tui_pane {
	const struct pane_ops *ops;
	void *data;
	/* shares the screen with the pane below it (tig's split: the list
	 * above, the item below), else it has the screen alone */
	bool split;
	int was_focus; /* the focus when it was pushed, given back when popped */
	int y, height; /* where it was last drawn (a click finds its pane) */
};

/* The pane registry (panes.c), as tig's VIEW_INFO: every pane once. */
struct tui_pane_info {
	const char *name; /* in a binding file and :bind */
	unsigned flag; /* PANE_* of the request table */
	const struct pane_ops *ops;
	const char *title; /* N_() heading of its keys in help */
};
extern const struct tui_pane_info tui_panes[];
extern const size_t tui_pane_count;
const struct tui_pane_info *tui_pane_by_name(const char *name);
const struct tui_pane_info *tui_pane_by_flag(unsigned flag);
const struct tui_pane_info *tui_pane_by_ops(const struct pane_ops *ops);
/* The pane kind of p (its registry flag): its keys. */
unsigned tui_pane_keys(const struct tui *t, const struct tui_pane *p);
/* Every pane's start, in the registry's order (the desk's first panes). */
bool tui_panes_start(struct tui *t, const struct nd_tui_options *opt);
/* "list, item, …": every pane's name, for a message. */
void tui_pane_names(char *out, size_t size);

#define TUI_STACK 8
#define TUI_MESSAGES 100

/* The list pane's state (list.c, desk.c): its window of rows, selection,
 * filter, limit and search. It is the list pane's data, not the
 * application's; the item pane beside it has its own. */
struct tui_list {
	struct nd_filter filter;
	char f_state[32], f_section[64], f_reporter[72], f_issue[40];
	int64_t total; /* -1: not counted yet (a text limit's count waits for idle time) */
	bool total_stale; /* counted before another process's commit: recounted when idle */
	bool at_end; /* the window holds the list's last row */
	bool interrupted; /* an idle count gave way to a key */
	/* While a text limit's total is counted (beside the desk), positions
	 * count from the start, the end unknown until a window meets it; after
	 * G they count back from the end, as if the list held TUI_LIST_FAR
	 * rows (far), and move to the start's count when the total comes. */
	bool far;
	/* top and sel are positions; after another process's commit the window
	 * stays where it was by the key of its first row (rows[0]), so a
	 * reload reads only the window, wherever it is */
	int64_t top, sel, sel_id;
	struct nd_item *rows;
	size_t nrows;
	char limit[256]; /* l: the list limited to the items the search finds for it */
	char search[256];
	struct nd_match *matches; /* a page of hits: matches[0] is hit match_offset */
	size_t nmatches;
	/* match_total -1: the first hits are shown, the total is counted when idle */
	int64_t match_offset, match_total, match_index;
	struct tui_counter *counter; /* the total being counted beside the desk */
	struct tui_counter *total_counter; /* the list's under a text limit */
	int y, height; /* where it was last drawn, its header included */
};

struct tui {
	struct nd_store *st;
	const struct nd_actor *actor;
	bool colors;
	struct nd_workflow wf;

	/* the title's counts by state */
	struct nd_state_count *counts;
	size_t ncounts;
	char find[256]; /* / inside a pane of text (item, review, help, rundown) */

	/* the frame */
	char message[512];
	bool message_error;
	char *history[TUI_MESSAGES]; /* the message history, oldest first */
	size_t nhistory;
	char *searches[TUI_MESSAGES]; /* prompt history (↑/↓), oldest first */
	size_t nsearches;
	int64_t data_version;
	int64_t changes; /* the connection's change count when panes last reloaded */
	bool quit;
	bool mouse; /* :mouse — click selects, the wheel scrolls */
	struct tui_pane stack[TUI_STACK]; /* [0] is the pane the desk starts on */
	int depth;
	int focus; /* the pane keys go to: the top, or the one below a split top */
	int split; /* rows of the upper pane of a split, header included */
	char last_issue[40];

	/* the replica's state in the title, for admins: read at most every
	 * few seconds (frame.c), never on each redraw */
	struct nd_replica_status replica;
	int64_t replica_ms;
};

/* A new list pane's state (list.c); freed by its pane's free. */
struct tui_list *tui_list_new(void);

/* The pane stack (app.c). push calls open and closes again on failure. */
bool tui_pane_push(struct tui *t, const struct pane_ops *ops, void *data);
void tui_pane_pop(struct tui *t);
/* The topmost pane of kind ops, or NULL. */
void *tui_pane_find(const struct tui *t, const struct pane_ops *ops);
const struct tui_pane *tui_pane_top(const struct tui *t);
/* The pane keys go to (the top, or the upper pane of a split). */
const struct tui_pane *tui_pane_focused(const struct tui *t);
/* Is data the focused pane's? */
bool tui_pane_has_focus(const struct tui *t, const void *data);
/* Pushes a pane split with the one below it (focus: on it, else on the
 * one below). */
bool tui_pane_split(struct tui *t, const struct pane_ops *ops, void *data, bool focus);
/* The focus to the pane below a split top (true), or to the top. */
void tui_pane_focus_below(struct tui *t, bool below);
/* The pane under data's on the stack, or NULL. */
const struct tui_pane *tui_pane_below(const struct tui *t, const void *data);

extern const struct pane_ops tui_list_pane;
extern const struct pane_ops tui_item_pane;
extern const struct pane_ops tui_pager_pane;
extern const struct pane_ops tui_photo_pane;
extern const struct pane_ops tui_text_pane;

/* pager.c: help (for the pane it was opened from) and the message history. */
bool tui_help_open(struct tui *t, unsigned for_kind);
bool tui_messages_open(struct tui *t);
/* A whole text, scrolled (the text pane: an imported item's). */
bool tui_text_open(struct tui *t, const char *title, const char *text);
/* :bind — every key in force, pane by pane, as binding-file lines. */
bool tui_bindings_open(struct tui *t);
/* The texts of help (for a pane kind, then the editor's keys) and :bind. */
void tui_help_text(struct tui *t, unsigned for_kind, struct nd_buf *b);
void tui_bindings_text(struct tui *t, struct nd_buf *b);

/* item.c */
void tui_itemview_draw(struct tui *t, struct tui_itemview *iv, int y, int height, int width);
bool tui_itemview_request(struct tui_itemview *iv, enum tui_req req, long count, int height);
void tui_itemview_invalidate(struct tui_itemview *iv);
void tui_itemview_clear(struct tui_itemview *iv);
/* an item of its own on the stack (from the rundown) */
bool tui_item_open(struct tui *t, int64_t id);
/* the item pane split beside the pane on top, following its item (the
 * list's selection); focus: the keys go to it */
bool tui_item_split(struct tui *t, bool focus);

/* actions.c: what requests do to an item, from any pane. */
/* Runs verb on item id; true when it moved. */
bool tui_run_verb(struct tui *t, int64_t id, const char *verb);
void tui_add_note(struct tui *t, int64_t id);
/* command.c: `:` — a request by name, a verb by English or Chinese name,
 * :q, :N. Returns the request to make; a verb no request carries comes
 * back in *verb with REQ_NONE. */
enum tui_req tui_command(struct tui *t, const char **verb);
struct tui_list;
void tui_filter_prompt(struct tui *t, struct tui_list *l);
void tui_limit_prompt(struct tui *t, struct tui_list *l);
/* The search's total, counted in idle time after / showed its first hits. */
void tui_search_count(struct tui *t, struct tui_list *l);
void tui_sort_cycle(struct tui *t, struct tui_list *l);
void tui_search_prompt(struct tui *t, struct tui_list *l);
void tui_search_jump(struct tui *t, struct tui_list *l, int dir);
void tui_rundown_prompt(struct tui *t);
void tui_assign(struct tui *t, int64_t id);
void tui_external(struct tui *t, int64_t id);
void tui_default_issue(struct tui *t, char *out, size_t size);
/* May role do verb at all (the workflow's min_rank)? For hints and keys. */
bool tui_may(const struct tui *t, const struct tui_request *r);

/* app.c: a desk without a terminal yet (the bench starts one too) */
int tui_init(struct tui *t, struct nd_store *st, const struct nd_actor *actor,
	     struct nd_error *err);
void tui_done(struct tui *t);
/* The main loop until the user quits (0) or a signal ends it (its number). */
struct nd_tui_options;
int tui_loop(struct tui *t, const struct nd_tui_options *opt);

/* frame.c: the title, hint and message lines and the layout. */
int tui_available(void);
/* The terminal is smaller than the desk can be drawn in. */
bool tui_too_small(void);
const char *tui_sort_name(int sort);
void tui_frame_draw(struct tui *t);
/* Idle work of the title (the replica's state, read every few seconds);
 * true when the title would now say something else. */
bool tui_title_idle(struct tui *t);
/* The last frame drawn again, as it is now (a prompt's resize). */
void tui_frame_redraw(void);
void tui_setup_colors(struct tui *t);
/* The rows of the upper pane of a split, header included. */
int tui_split_height(const struct tui *t);

/* app.c */
void tui_message(struct tui *t, bool error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void tui_messages_free(struct tui *t);
const char *tui_state_label(const struct tui *t, const char *state);
int tui_state_attr(const struct tui *t, const char *state);

/* wire.c: refresh(), a row's cells that moved (a character typed or
 * deleted mid-paragraph) sent as the terminal's insert/delete-character. */
void tui_refresh(void);

/* draw.c: one row of exactly width columns at (y, x), text sanitised. */
void tui_draw_row(int y, int x, int width, const char *text, int attr);
void tui_draw_text(struct nd_buf *row, const char *text, int cols, bool pad, bool right);
/* Writes laid-out UTF-8 at (y, x) as wide characters, which ncursesw turns
 * into the terminal's charset; what the charset cannot show is '?' in each
 * of its columns. Every string the desk draws goes through here. */
void tui_put(int y, int x, const char *utf8);
/* Line drawing and bars, or their one-column ASCII stand-ins where the
 * box characters are not one column (ambiwidth 2) or the terminal's
 * charset cannot show them, so a grid keeps its geometry. */
enum tui_glyph { GL_HLINE, GL_VLINE, GL_TL, GL_TR, GL_BL, GL_BR, GL_FULL, GL_LIGHT };
const char *tui_glyph(enum tui_glyph g);
/* Appends horizontal rule to b until it is cols columns wide. */
void tui_rule(struct nd_buf *b, int cols);

/* prompt.c: reads a line on the bottom row; NULL when cancelled. The
 * initial text is shown selected: Enter keeps it, typing replaces it,
 * Backspace (or Del) clears it whole, an arrow keeps it for editing. ↑/↓
 * step through t's prompt history; complete (may be NULL) fills in on Tab.
 * While the window is too small, no key answers a prompt unseen. */
char *tui_prompt(struct tui *t, const char *question, const char *initial,
		 char *(*complete)(struct tui *t, const char *text));
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

/* list.c: the list's window of rows, read from the store. */
/* Work done when no key is waiting: the list's total after another
 * process's commit or a new limit, the search's total. True when some is
 * left (the loop then polls again at once). */
bool tui_list_idle(struct tui *t, struct tui_list *l);
bool tui_list_idle_pending(const struct tui_list *l);
/* A total is being counted beside the desk (tui_counter.h): the loop
 * looks at it again soon. */
bool tui_list_counting(const struct tui_list *l);
/* The rows the list holds as far as navigation knows: its total, else the
 * end a window met, else TUI_LIST_FAR (G goes to the end). */
#define TUI_LIST_FAR ((int64_t)1 << 40)
int64_t tui_list_extent(const struct tui_list *l);
/* The id of the row after the selection (0: none), read from its key. */
int64_t tui_list_next_id(struct tui *t, struct tui_list *l);
void tui_list_draw(struct tui *t, struct tui_list *l, int y, int height, int width);
bool tui_list_request(struct tui *t, struct tui_list *l, enum tui_req req, long count);
void tui_list_clear(struct tui_list *l);
/* The filter, sort or limit changed: the window is read anew (keep: the
 * selected item stays selected where the new list holds it) and the list
 * counted again. */
void tui_list_reset(struct tui_list *l, bool keep);
/* The window read again for the rows the list shows (l->height). */
void tui_list_reload(struct tui *t, struct tui_list *l);
const struct nd_item *tui_list_selected(const struct tui_list *l);

#endif
