/* keys.c — the request table: for every request its name at `:`, the keys
 * that make it in each kind of pane, its help text and its hint. Dispatch
 * (tui_request_for_key), the help pane and the hint line all read these
 * rows, so none can drift from the others. Keys a mutt, tig or vim user
 * guesses right; workflow requests carry their verb. */
#include "newsdesk/tui_app.h"
#include "newsdesk/users.h"

#include <string.h>

/* every pane of the registry but the editor */
#define NAV PANE_ALL
#define DESK (PANE_LIST | PANE_ITEM)
#define TEXT (PANE_REVIEW | PANE_PAGER | PANE_RUNDOWN | PANE_TEXT)
#define ACTS (PANE_LIST | PANE_ITEM | PANE_REVIEW | PANE_RUNDOWN | PANE_FLAT)
/* P publishes the issue in the rundown */
#define ACTS_P (PANE_LIST | PANE_ITEM | PANE_REVIEW)
#define ED ND_RANK_EDITOR
#define EDIT PANE_EDITOR

/* One row per request; kept one line each, so the table reads as a table. */
// clang-format off
const struct tui_request tui_requests[] = {
	{ REQ_DOWN, "down", NULL, NAV, { 'j', TK_FN(KEY_DOWN) }, "j ↓", N_("move down / scroll down (5j: five)"), NULL, 0 },
	{ REQ_UP, "up", NULL, NAV, { 'k', TK_FN(KEY_UP) }, "k ↑", N_("move up / scroll up"), NULL, 0 },
	{ REQ_HALF_DOWN, "half-down", NULL, NAV, { TK_CTRL('D') }, "Ctrl-D", N_("half a page down"), NULL, 0 },
	{ REQ_HALF_UP, "half-up", NULL, NAV, { TK_CTRL('U') }, "Ctrl-U", N_("half a page up"), NULL, 0 },
	{ REQ_PAGE_DOWN, "page-down", NULL, NAV, { TK_FN(KEY_NPAGE), ' ', TK_CTRL('F') }, "PgDn Space Ctrl-F", N_("page down"), NULL, 0 },
	{ REQ_PAGE_UP, "page-up", NULL, NAV, { TK_FN(KEY_PPAGE), TK_CTRL('B') }, "PgUp Ctrl-B", N_("page up"), NULL, 0 },
	{ REQ_TOP, "top", NULL, NAV, { 'g', TK_FN(KEY_HOME) }, "g Home", N_("first item (5g: the fifth)"), NULL, 0 },
	{ REQ_BOTTOM, "bottom", NULL, NAV, { 'G', TK_FN(KEY_END) }, "G End", N_("last item"), NULL, 0 },
	{ REQ_OPEN, "open", NULL, PANE_LIST | PANE_RUNDOWN | PANE_FLAT, { '\n', '\r', TK_FN(KEY_ENTER) }, "Enter", N_("open the item"), N_("open"), 0 },
	{ REQ_SWITCH, "switch", NULL, DESK, { '\t' }, "Tab", N_("switch between the list and the item pane"), NULL, 0 },
	{ REQ_SEARCH, "search", NULL, DESK | TEXT, { '/' }, "/", N_("search (the list: headlines and bodies; a pane of text: its rows); ↑/↓ earlier searches"), N_("search"), 0 },
	{ REQ_NEXT, "next", NULL, DESK | TEXT, { 'n' }, "n", N_("next search match"), NULL, 0 },
	{ REQ_PREV, "previous", NULL, DESK | TEXT, { 'N' }, "N", N_("previous search match"), NULL, 0 },
	{ REQ_FILTER, "filter", NULL, DESK, { 'f' }, "f", N_("filter: state:待编 section:… reporter:… issue:… (empty clears)"), N_("filter"), 0 },
	{ REQ_LIMIT, "limit", NULL, DESK, { 'l' }, "l", N_("limit the list to the items with these words, as / finds them (with the filter; empty clears)"), NULL, 0 },
	{ REQ_SORT, "sort", NULL, DESK, { 's' }, "s", N_("sort: updated, id, filed, chars; after chars, reversed"), N_("sort"), 0 },
	{ REQ_GROW, "grow", NULL, DESK, { '+' }, "+", N_("grow the list pane"), NULL, 0 },
	{ REQ_SHRINK, "shrink", NULL, DESK, { '-' }, "-", N_("shrink the list pane"), NULL, 0 },
	{ REQ_ZOOM, "zoom", NULL, DESK, { 'z' }, "z", N_("zoom the focused pane"), NULL, 0 },
	{ REQ_EDIT, "edit", NULL, DESK, { 'e' }, "e", N_("edit the item in the built-in editor"), NULL, 0 },
	{ REQ_EXTERNAL, "external", NULL, DESK, { 'E' }, "E", N_("edit the item in $EDITOR"), NULL, 0 },
	{ REQ_UNLOCK, "unlock", NULL, 0, { 0 }, NULL, N_("release another editor's edit lock on the item (their draft is kept, and they are told)"), NULL, ND_RANK_CHIEF },
	{ REQ_REVIEW, "review", NULL, DESK | PANE_RUNDOWN | PANE_FLAT, { 'r' }, "r", N_("review: what changed ([ ] pick revisions), proofreading, notes, sign-off"), NULL, 0 },
	{ REQ_RUNDOWN, "rundown", NULL, DESK, { 'p' }, "p", N_("the rundown of an issue"), NULL, ED },
	{ REQ_ASSIGN, "place", NULL, DESK, { 'i' }, "i", N_("place the item in an issue: CODE PAGE [POSITION]"), NULL, ED },
	{ REQ_FINISH, "finish", "finish", ACTS, { 'D' }, "D", N_("mark edited (finish)"), N_("edited"), 0 },
	{ REQ_APPROVE, "approve", "approve", ACTS, { 'a' }, "a", N_("sign off (签发)"), N_("sign off"), 0 },
	{ REQ_RETURN, "return", "return", ACTS, { 'R' }, "R", N_("return to the reporter, with a note"), N_("return"), 0 },
	{ REQ_SPIKE, "spike", "spike", ACTS, { 'S' }, "S", N_("spike, with a note"), N_("spike"), 0 },
	{ REQ_RESTORE, "restore", "restore", ACTS, { 'U' }, "U", N_("restore a spiked item"), NULL, 0 },
	{ REQ_REOPEN, "reopen", "reopen", ACTS, { 'O' }, "O", N_("reopen a signed-off item"), NULL, 0 },
	{ REQ_PUBLISH, "publish", "publish", ACTS_P, { 'P' }, "P", N_("publish (asks first)"), NULL, 0 },
	{ REQ_REFILE, "refile", "refile", ACTS, { 'B' }, "B", N_("refile a returned item"), N_("refile"), 0 },
	{ REQ_NOTE, "note", NULL, ACTS, { 'c' }, "c", N_("add a review note"), N_("note"), ED },
	{ REQ_OLDER, "older", NULL, PANE_REVIEW, { '[' }, "[", N_("an older revision on the left"), N_("revisions"), 0 },
	{ REQ_NEWER, "newer", NULL, PANE_REVIEW, { ']' }, "]", N_("a newer revision on the right"), NULL, 0 },
	{ REQ_MOVE_DOWN, "move-down", NULL, PANE_RUNDOWN, { 'J' }, "J", N_("move the item down (onto the next page at the end)"), N_("move down"), ED },
	{ REQ_MOVE_UP, "move-up", NULL, PANE_RUNDOWN, { 'K' }, "K", N_("move the item up"), N_("move up"), ED },
	{ REQ_TO_PAGE, "to-page", NULL, PANE_RUNDOWN, { 'm' }, "m", N_("move the item to another page"), N_("to page"), ED },
	{ REQ_FLAT, "flat", NULL, PANE_RUNDOWN | PANE_FLAT, { 'F' }, "F", N_("the flat plan, pages as boxes"), N_("flat plan"), 0 },
	{ REQ_PUBLISH_ISSUE, "publish-issue", NULL, PANE_RUNDOWN, { 'P' }, "P", N_("publish the issue's signed-off items (asks first)"), NULL, 0 },
	/* the import review: the page's items corrected before anything is filed */
	{ REQ_IMP_TEXT, "text", NULL, PANE_IMPORT | PANE_TEXT, { '\n', '\r', TK_FN(KEY_ENTER) }, "Enter", N_("the item's whole text, scrolled with j/k; Enter or q: back to the list"), N_("text"), ED },
	{ REQ_IMP_MERGE, "merge", NULL, PANE_IMPORT, { 'm' }, "m", N_("merge the item with the one below it"), N_("merge"), ED },
	{ REQ_IMP_SPLIT, "split", NULL, PANE_IMPORT, { 'x' }, "x", N_("split the item before one of its paragraphs (asks which: ¶2 …)"), N_("split"), ED },
	{ REQ_IMP_SWAP, "swap", NULL, PANE_IMPORT, { 'w' }, "w", N_("swap the kicker and the headline"), N_("swap"), ED },
	{ REQ_IMP_RELABEL, "relabel", NULL, PANE_IMPORT, { 'r' }, "r", N_("move a field's text to another field (¶1 as the headline, the last paragraph as the byline …)"), N_("relabel"), ED },
	{ REQ_IMP_BYLINE, "byline", NULL, PANE_IMPORT, { 'b' }, "b", N_("type the byline (what it held is shown as dropped; empty puts it back in the text)"), NULL, ED },
	{ REQ_IMP_KIND, "kind", NULL, PANE_IMPORT, { 't' }, "t", N_("the kind: article, photo, brief, note in turn"), NULL, ED },
	{ REQ_IMP_SECTION, "section", NULL, PANE_IMPORT, { 's' }, "s", N_("type the section"), NULL, ED },
	{ REQ_IMP_SKIP, "skip", NULL, PANE_IMPORT, { 'd' }, "d", N_("skip the item, or take it back: a skipped item is not filed"), N_("skip"), ED },
	{ REQ_IMP_UNDO, "undo-correction", NULL, PANE_IMPORT, { 'u' }, "u", N_("undo the last correction (the last 16, one at a time)"), N_("undo"), ED },
	{ REQ_IMP_FILE, "file", NULL, PANE_IMPORT, { 'F' }, "F", N_("file every item not skipped, all at once (asks first)"), N_("file"), ED },
	{ REQ_COMMAND, "command", NULL, NAV, { ':' }, ":", N_("a command: a verb (English or 中文), :42 an item, :q, :messages; Tab completes"), NULL, 0 },
	{ REQ_MESSAGES, "messages", NULL, NAV, { 'M' }, "M", N_("the message history"), NULL, 0 },
	{ REQ_HELP, "help", NULL, NAV, { '?', TK_FN(KEY_F(1)) }, "? F1", N_("this help"), N_("help"), 0 },
	{ REQ_REDRAW, "redraw", NULL, NAV, { TK_CTRL('L') }, "Ctrl-L", N_("redraw the screen"), NULL, 0 },
	{ REQ_SUSPEND, "suspend", NULL, NAV, { TK_CTRL('Z') }, "Ctrl-Z", N_("suspend the desk (the shell's fg brings it back)"), NULL, 0 },
	{ REQ_INTERRUPT, "interrupt", NULL, NAV, { TK_CTRL('C') }, "Ctrl-C", N_("quit, after asking"), NULL, 0 },
	{ REQ_BACK, "back", NULL, NAV, { 'q' }, "q", N_("back one pane; in the list, quit"), N_("back"), 0 },
	{ REQ_CLOSE, "close", NULL, PANE_ITEM | PANE_REVIEW | PANE_RUNDOWN | PANE_PAGER | PANE_PHOTO | PANE_FLAT | PANE_TEXT, { 27 }, "Esc", N_("close this pane (never quits)"), NULL, 0 },
	/* photos (issue 22); after the rest, so help's first screen keeps its rows */
	{ REQ_PHOTOS, "photos", NULL, DESK, { 'v' }, "v", N_("view the item's photos, drawn in the terminal (j/k: the next, the previous)"), N_("photos"), 0 },
	{ REQ_CAPTION, "caption", NULL, PANE_PHOTO, { 'C' }, "C", N_("edit the photo's caption"), N_("caption"), 0 },
	/* at `:` only */
	{ REQ_QUIT, "quit", NULL, 0, { 0 }, NULL, N_("quit the desk (:q)"), NULL, 0 },
	{ REQ_DESK, "desk", NULL, 0, { 0 }, NULL, N_("back to the list, closing the panes over it"), NULL, 0 },
	{ REQ_MOUSE, "mouse", NULL, 0, { 0 }, NULL, N_("mouse on or off: a click selects, the wheel scrolls"), NULL, 0 },
	{ REQ_BINDINGS, "bind", NULL, 0, { 0 }, NULL, N_("the keys in force, as the lines of a key-binding file"), NULL, 0 },
	/* the built-in editor: any other key types itself; the CUA keys keep
	 * their word-processor meaning here (^Z ^C ^V ^S) */
	{ REQ_ED_SAVE, "save", NULL, EDIT, { TK_CTRL('S') }, "^S", N_("save as a new revision"), N_("save"), 0 },
	{ REQ_ED_UNDO, "undo", NULL, EDIT, { TK_CTRL('Z') }, "^Z", N_("undo (a typed run is one step)"), N_("undo"), 0 },
	{ REQ_ED_REDO, "redo", NULL, EDIT, { TK_CTRL('R'), TK_CTRL('Y') }, "^R ^Y", N_("redo"), NULL, 0 },
	{ REQ_ED_CLEANUP, "clean-up", NULL, EDIT, { TK_CTRL('K') }, "^K", N_("clean up: each rule its own undo step"), N_("clean up"), 0 },
	{ REQ_ED_FIND, "find", NULL, EDIT, { TK_CTRL('F') }, "^F", N_("find in the item"), N_("find"), 0 },
	{ REQ_ED_MARK, "mark", NULL, EDIT, { TK_CTRL_SPACE }, "^Space", N_("start or end a selection"), NULL, 0 },
	{ REQ_ED_CUT, "cut", NULL, EDIT, { TK_CTRL('X') }, "^X", N_("cut (the paragraph when nothing is selected)"), NULL, 0 },
	{ REQ_ED_COPY, "copy", NULL, EDIT, { TK_CTRL('C') }, "^C", N_("copy (the paragraph when nothing is selected)"), N_("copy"), 0 },
	{ REQ_ED_PASTE, "paste", NULL, EDIT, { TK_CTRL('V') }, "^V", N_("paste"), N_("paste"), 0 },
	{ REQ_ED_LEFT, "left", NULL, EDIT, { TK_FN(KEY_LEFT) }, "←", N_("a character (grapheme) left"), NULL, 0 },
	{ REQ_ED_RIGHT, "right", NULL, EDIT, { TK_FN(KEY_RIGHT) }, "→", N_("a character (grapheme) right"), NULL, 0 },
	{ REQ_ED_LINE_UP, "line-up", NULL, EDIT, { TK_FN(KEY_UP) }, "↑", N_("a row up"), NULL, 0 },
	{ REQ_ED_LINE_DOWN, "line-down", NULL, EDIT, { TK_FN(KEY_DOWN) }, "↓", N_("a row down"), NULL, 0 },
	{ REQ_ED_LINE_START, "line-start", NULL, EDIT, { TK_FN(KEY_HOME), TK_CTRL('A') }, "Home ^A", N_("start of the row"), NULL, 0 },
	{ REQ_ED_LINE_END, "line-end", NULL, EDIT, { TK_FN(KEY_END), TK_CTRL('E') }, "End ^E", N_("end of the row"), NULL, 0 },
	{ REQ_ED_SCREEN_UP, "screen-up", NULL, EDIT, { TK_FN(KEY_PPAGE) }, "PgUp", N_("a page up"), NULL, 0 },
	{ REQ_ED_SCREEN_DOWN, "screen-down", NULL, EDIT, { TK_FN(KEY_NPAGE) }, "PgDn", N_("a page down"), NULL, 0 },
	{ REQ_ED_WORD_LEFT, "word-left", NULL, EDIT, { TK_FN(TUI_KEY_CLEFT), TK_META('b') }, "^← Alt-b", N_("a word left"), NULL, 0 },
	{ REQ_ED_WORD_RIGHT, "word-right", NULL, EDIT, { TK_FN(TUI_KEY_CRIGHT), TK_META('f') }, "^→ Alt-f", N_("a word right"), NULL, 0 },
	{ REQ_ED_PARA_UP, "paragraph-up", NULL, EDIT, { TK_FN(TUI_KEY_CUP) }, "^↑", N_("a paragraph up"), NULL, 0 },
	{ REQ_ED_PARA_DOWN, "paragraph-down", NULL, EDIT, { TK_FN(TUI_KEY_CDOWN) }, "^↓", N_("a paragraph down"), NULL, 0 },
	{ REQ_ED_TEXT_START, "text-start", NULL, EDIT, { TK_FN(TUI_KEY_CHOME) }, "^Home", N_("the start of the item"), NULL, 0 },
	{ REQ_ED_TEXT_END, "text-end", NULL, EDIT, { TK_FN(TUI_KEY_CEND) }, "^End", N_("the end of the body"), NULL, 0 },
	{ REQ_ED_BACKSPACE, "backspace", NULL, EDIT, { TK_FN(KEY_BACKSPACE), 127, TK_CTRL('H') }, "Backspace", N_("delete before the cursor"), NULL, 0 },
	{ REQ_ED_DELETE, "delete", NULL, EDIT, { TK_FN(KEY_DC), TK_CTRL('D') }, "Del ^D", N_("delete at the cursor"), NULL, 0 },
	{ REQ_ED_NEWLINE, "newline", NULL, EDIT, { '\n', '\r', TK_FN(KEY_ENTER) }, "Enter", N_("split the paragraph (next field in one-line fields)"), NULL, 0 },
	{ REQ_ED_NEXT_FIELD, "next-field", NULL, EDIT, { '\t' }, "Tab", N_("the next field"), N_("field"), 0 },
	{ REQ_ED_PREV_FIELD, "previous-field", NULL, EDIT, { TK_FN(KEY_BTAB) }, "Shift-Tab", N_("the previous field"), NULL, 0 },
	{ REQ_ED_LEAVE, "leave", NULL, EDIT, { 27, TK_CTRL('Q') }, "Esc ^Q", N_("leave (asks when there are unsaved changes)"), N_("leave"), 0 },
	{ REQ_ED_HELP, "editor-help", NULL, EDIT, { TK_FN(KEY_F(1)) }, "F1", N_("the editor's keys (q: back to the text)"), N_("help"), 0 },
};
// clang-format on

const size_t tui_request_count = sizeof tui_requests / sizeof *tui_requests;

/* ncurses numbers a terminfo entry's extended keys per terminal; the
 * Ctrl-arrows are known by name and become our own codes. */
static const struct {
	const char *name;
	int code;
} extended[] = {
	{ "kLFT5", TUI_KEY_CLEFT }, { "kRIT5", TUI_KEY_CRIGHT }, { "kUP5", TUI_KEY_CUP },
	{ "kDN5", TUI_KEY_CDOWN },  { "kHOM5", TUI_KEY_CHOME },  { "kEND5", TUI_KEY_CEND },
};

int tui_key_code(int kind, wint_t ch)
{
	if (kind != KEY_CODE_YES)
		return ch == 0 ? TK_CTRL_SPACE : (int)ch;
	if ((int)ch > KEY_MAX) {
		const char *name = keyname((int)ch);
		for (size_t i = 0; name && i < sizeof extended / sizeof *extended; i++)
			if (strcmp(name, extended[i].name) == 0)
				return TK_FN(extended[i].code);
	}
	return TK_FN((int)ch);
}

enum tui_req tui_table_request(unsigned pane, int code)
{
	for (size_t i = 0; i < tui_request_count; i++) {
		if (!(tui_requests[i].panes & pane))
			continue;
		for (int k = 0; k < TUI_MAX_KEYS && tui_requests[i].keys[k]; k++)
			if (tui_requests[i].keys[k] == code)
				return tui_requests[i].req;
	}
	return REQ_NONE;
}

enum tui_req tui_request_for_code(unsigned pane, int code)
{
	enum tui_req req;
	if (tui_binding_for_code(pane, code, &req))
		return req;
	return tui_table_request(pane, code);
}

enum tui_req tui_request_for_key(unsigned pane, int kind, wint_t ch)
{
	return tui_request_for_code(pane, tui_key_code(kind, ch));
}

const struct tui_request *tui_request_info(enum tui_req req)
{
	for (size_t i = 0; i < tui_request_count; i++)
		if (tui_requests[i].req == req)
			return &tui_requests[i];
	return NULL;
}

enum tui_req tui_request_by_name(const char *name)
{
	enum tui_req found = REQ_NONE;
	size_t n = strlen(name);
	if (!n)
		return REQ_NONE;
	for (size_t i = 0; i < tui_request_count; i++)
		if (strcmp(tui_requests[i].name, name) == 0)
			return tui_requests[i].req;
	for (size_t i = 0; i < tui_request_count; i++) {
		if (strncmp(tui_requests[i].name, name, n) == 0) {
			if (found != REQ_NONE)
				return REQ_NONE; /* ambiguous */
			found = tui_requests[i].req;
		}
	}
	return found;
}

/* Sequences a terminal (or tmux in front of it) sends that its terminfo
 * entry may not name: tmux sends ESC [1~ / ESC [4~ for Home and End
 * whatever TERM says, and ESC [1;5D for Ctrl-← where screen-256color has
 * no kLFT5. Each is taught to curses only when nothing owns it already. */
void tui_keys_init(void)
{
	static const struct {
		const char *seq;
		int code;
	} extra[] = {
		{ "\033[1~", KEY_HOME },        { "\033[4~", KEY_END },
		{ "\033[7~", KEY_HOME },        { "\033[8~", KEY_END },
		{ "\033[H", KEY_HOME },         { "\033[F", KEY_END },
		{ "\033OH", KEY_HOME },         { "\033OF", KEY_END },
		{ "\033[1;5D", TUI_KEY_CLEFT }, { "\033[1;5C", TUI_KEY_CRIGHT },
		{ "\033[1;5A", TUI_KEY_CUP },   { "\033[1;5B", TUI_KEY_CDOWN },
		{ "\033[1;5H", TUI_KEY_CHOME }, { "\033[1;5F", TUI_KEY_CEND },
	};
	for (size_t i = 0; i < sizeof extra / sizeof *extra; i++)
		if (key_defined(extra[i].seq) == 0)
			define_key(extra[i].seq, extra[i].code);
}
