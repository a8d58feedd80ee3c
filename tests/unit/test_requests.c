/* test_requests.c — the desk's request table, which dispatch, help and the
 * hints all read, the editor's keys among them: every request is in it
 * once, has help text, a name for `:` and a binding file, and a key in
 * every pane that lists it; no key means two requests in one pane. The
 * key-binding file's parser and what a binding does to dispatch and help.
 * And the shared navigation: counts, pages, ends. */
#include "newsdesk/number.h"
#include "newsdesk/tui_app.h"
#include "tap.h"

#include <string.h>

#include "newsdesk/buf.h"

#include <stdlib.h>

/* every pane kind, as the registry lists them (filled in main) */
static unsigned kinds[32];
static size_t nkinds;

static void table(void)
{
	for (int req = REQ_NONE + 1; req < REQ_COUNT; req++) {
		int rows = 0;
		for (size_t i = 0; i < tui_request_count; i++)
			rows += tui_requests[i].req == (enum tui_req)req;
		ok(rows == 1, "request %d has exactly one row (%d)", req, rows);
	}
	for (size_t i = 0; i < tui_request_count; i++) {
		const struct tui_request *r = &tui_requests[i];
		ok(r->name && r->name[0], "row %zu has a name", i);
		ok(r->help && r->help[0], "'%s' has help text", r->name);
		ok(tui_request_by_name(r->name) == r->req, "':%s' finds it", r->name);
		for (size_t k = 0; k < nkinds; k++) {
			if (!(r->panes & kinds[k]))
				continue;
			ok(r->keys[0] != 0 && r->label,
			   "'%s' has a key (and its label) in pane %#x", r->name, kinds[k]);
			for (int j = 0; j < TUI_MAX_KEYS && r->keys[j]; j++) {
				int key = r->keys[j];
				ok(tui_request_for_code(kinds[k], key) == r->req,
				   "key %#x makes '%s' in pane %#x (not another)", key, r->name,
				   kinds[k]);
				char name[32];
				int back = 0;
				tui_key_name(key, name, sizeof name);
				/* Enter is \n, \r and KEY_ENTER: one name, one request */
				ok(tui_key_parse(name, &back) == 0 &&
				       tui_request_for_code(kinds[k], back) == r->req,
				   "key %#x is named '%s', and a binding file's '%s' is that key",
				   key, name, name);
			}
		}
		if (r->hint)
			ok(r->panes != 0, "'%s' has a hint and is bound somewhere", r->name);
	}
	ok(tui_request_by_name("zzz") == REQ_NONE, "an unknown name is no request");
	ok(tui_request_by_name("") == REQ_NONE, "an empty name is no request");
	is_int(tui_request_for_key(PANE_RUNDOWN, OK, 'P'), REQ_PUBLISH_ISSUE,
	       "P in the rundown publishes the issue");
	is_int(tui_request_for_key(PANE_LIST, OK, 'P'), REQ_PUBLISH, "P in the list, the item");
	is_int(tui_request_for_key(PANE_LIST, OK, 'J'), REQ_NONE, "J is the rundown's only");
}

/* The editor's rows: its CUA keys, the keys get_wch gives, and no row of
 * another pane leaking in (j types a j). */
static void editor(void)
{
	static const struct {
		int kind;
		wint_t ch;
		enum tui_req req;
		const char *what;
	} keys[] = {
		{ OK, TK_CTRL('Z'), REQ_ED_UNDO, "^Z undoes in the editor" },
		{ OK, TK_CTRL('C'), REQ_ED_COPY, "^C copies" },
		{ OK, TK_CTRL('V'), REQ_ED_PASTE, "^V pastes" },
		{ OK, TK_CTRL('S'), REQ_ED_SAVE, "^S saves" },
		{ OK, TK_CTRL('X'), REQ_ED_CUT, "^X cuts" },
		{ OK, 0, REQ_ED_MARK, "Ctrl-Space (get_wch's 0) marks" },
		{ OK, 27, REQ_ED_LEAVE, "Esc alone leaves" },
		{ OK, '\t', REQ_ED_NEXT_FIELD, "Tab is the next field" },
		{ KEY_CODE_YES, KEY_HOME, REQ_ED_LINE_START, "Home: the row's start" },
		{ KEY_CODE_YES, KEY_BTAB, REQ_ED_PREV_FIELD, "Shift-Tab" },
		{ KEY_CODE_YES, TUI_KEY_CLEFT, REQ_ED_WORD_LEFT, "Ctrl-← taught to curses" },
		{ OK, 'j', REQ_NONE, "j types itself" },
		{ OK, '?', REQ_NONE, "? types itself" },
		{ OK, 0x4e2d, REQ_NONE, "中 types itself" },
	};
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
		is_int(tui_request_for_key(PANE_EDITOR, keys[i].kind, keys[i].ch), keys[i].req,
		       keys[i].what);
	is_int(tui_request_for_code(PANE_EDITOR, TK_META('b')), REQ_ED_WORD_LEFT,
	       "Alt-b (Esc b) a word left");
	is_int(tui_request_for_key(PANE_LIST, OK, TK_CTRL('Z')), REQ_SUSPEND,
	       "outside the editor ^Z suspends");
	is_int(tui_request_for_key(PANE_LIST, OK, TK_CTRL('C')), REQ_INTERRUPT,
	       "…and ^C asks to quit");
	ok(tui_request_info(REQ_ED_SAVE)->hint != NULL, "save has a hint in the editor");
}

static void parser(void)
{
	struct nd_buf err = ND_BUF_INIT;
	int code;
	ok(tui_key_parse("^X", &code) == 0 && code == TK_CTRL('X'), "^X");
	ok(tui_key_parse("^x", &code) == 0 && code == TK_CTRL('X'), "^x too");
	ok(tui_key_parse("<Home>", &code) == 0 && code == TK_FN(KEY_HOME), "<Home>");
	ok(tui_key_parse("<home>", &code) == 0 && code == TK_FN(KEY_HOME), "<home>");
	ok(tui_key_parse("KEY_NPAGE", &code) == 0 && code == TK_FN(KEY_NPAGE), "KEY_NPAGE");
	ok(tui_key_parse("<KEY_F(5)>", &code) == 0 && code == TK_FN(KEY_F(5)), "<KEY_F(5)>");
	ok(tui_key_parse("<F12>", &code) == 0 && code == TK_FN(KEY_F(12)), "<F12>");
	ok(tui_key_parse("khome", &code) == 0 && code == TK_FN(KEY_HOME), "terminfo khome");
	ok(tui_key_parse("kLFT5", &code) == 0 && code == TK_FN(TUI_KEY_CLEFT), "kLFT5");
	ok(tui_key_parse("<M-b>", &code) == 0 && code == TK_META('b'), "<M-b>");
	ok(tui_key_parse("^Space", &code) == 0 && code == TK_CTRL_SPACE, "^Space");
	ok(tui_key_parse("x", &code) == 0 && code == 'x', "x");
	ok(tui_key_parse("中", &code) == 0 && code == 0x4e2d, "a Chinese character");
	ok(tui_key_parse("xy", &code) < 0, "two characters are no key");
	ok(tui_key_parse("<Nope>", &code) < 0, "<Nope> is no key");
	ok(tui_key_parse("^1", &code) < 0, "^1 is no key");

	tui_bindings_clear();
	const char *text = "# my keys\n"
			   "bind list x finish\n"
			   "bind generic <F2> help\n"
			   "\n"
			   "  bind editor ^G save   \n"
			   "bind list D none\n"
			   "bind list,item ^X quit\n"
			   "bind list # top   # the key is #, then a comment\n"
			   "bind lst y finish\n"
			   "bind list <Nope> finish\n"
			   "bind list z no-such-request\n"
			   "bind editor z finish\n"
			   "bind list z\n"
			   "unbind list z\n";
	int bad = tui_bindings_parse(text, "keys", &err);
	is_int(bad, 6, "six bad lines");
	const char *e = nd_buf_str(&err);
	ok(strstr(e, "keys:9: no pane 'lst'") != NULL, "the pane named, with its line");
	ok(strstr(e, "keys:10: no key '<Nope>'") != NULL, "the key named, with its line");
	ok(strstr(e, "keys:11: no request 'no-such-request'") != NULL, "the request named");
	ok(strstr(e, "keys:12: 'finish' does nothing") != NULL, "finish is no editor key");
	ok(strstr(e, "keys:13: 'bind' takes three words") != NULL, "a short line");
	ok(strstr(e, "keys:14: 'unbind' is not a command") != NULL, "an unknown command");
	is_int(tui_request_for_key(PANE_LIST, OK, 'x'), REQ_FINISH, "x finishes in the list");
	is_int(tui_request_for_key(PANE_ITEM, OK, 'x'), REQ_NONE, "…not in the item pane");
	is_int(tui_request_for_key(PANE_LIST, OK, 'D'), REQ_NONE, "D does nothing now");
	is_int(tui_request_for_key(PANE_ITEM, OK, 'D'), REQ_FINISH, "…but in the item pane");
	is_int(tui_request_for_key(PANE_REVIEW, KEY_CODE_YES, KEY_F(2)), REQ_HELP,
	       "generic: F2 helps in the review");
	is_int(tui_request_for_key(PANE_EDITOR, KEY_CODE_YES, KEY_F(2)), REQ_NONE,
	       "…not in the editor");
	is_int(tui_request_for_key(PANE_EDITOR, OK, TK_CTRL('G')), REQ_ED_SAVE, "^G saves");
	is_int(tui_request_for_key(PANE_EDITOR, OK, TK_CTRL('S')), REQ_ED_SAVE,
	       "…and ^S still does");
	is_int(tui_request_for_key(PANE_ITEM, OK, TK_CTRL('X')), REQ_QUIT,
	       "a `:`-only request bound to a key");
	is_int(tui_request_for_key(PANE_LIST, OK, '#'), REQ_TOP,
	       "# as the key, and a comment after the request");
	char buf[160];
	const char *label =
	    tui_request_label(tui_request_info(REQ_FINISH), PANE_LIST, buf, sizeof buf);
	is_str(label, "x", "help in the list: finish is x, D is gone");
	label = tui_request_label(tui_request_info(REQ_FINISH), PANE_ITEM, buf, sizeof buf);
	is_str(label, "D", "in the item pane the table's label");
	label = tui_request_label(tui_request_info(REQ_ED_SAVE), PANE_EDITOR, buf, sizeof buf);
	is_str(label, "^S ^G", "save: both keys");
	label = tui_request_label(tui_request_info(REQ_HELP), PANE_PAGER, buf, sizeof buf);
	is_str(label, "? F1 F2", "help: ?, the table's F1 and the bound F2");
	tui_bindings_clear();
	is_int(tui_request_for_key(PANE_LIST, OK, 'D'), REQ_FINISH, "cleared: D finishes again");

	nd_buf_free(&err);
	err = (struct nd_buf)ND_BUF_INIT;
	char big[600];
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	ok(tui_bindings_parse(big, "k", &err) == 1 &&
	       strstr(nd_buf_str(&err), "k:1: line too long"),
	   "a line too long is refused, not cut");
	nd_buf_free(&err);
	err = (struct nd_buf)ND_BUF_INIT;
	ok(tui_bindings_parse("bind list \xff finish\n", "k", &err) == 1 &&
	       strstr(nd_buf_str(&err), "not UTF-8"),
	   "bytes that are not UTF-8");
	nd_buf_free(&err);
	tui_bindings_clear();
}

static void nav(void)
{
	struct tui_nav n = { 0, 0, 100, false };
	ok(tui_nav_request(&n, REQ_DOWN, 5, 10) && n.sel == 5, "5j: five down");
	ok(n.top == 0, "…still on the first page");
	tui_nav_request(&n, REQ_DOWN, 0, 10);
	is_int(n.sel, 6, "j without a count: one");
	tui_nav_request(&n, REQ_HALF_DOWN, 0, 10);
	is_int(n.sel, 11, "^D: half a page");
	is_int(n.top, 2, "…and the view follows");
	tui_nav_request(&n, REQ_PAGE_DOWN, 2, 10);
	is_int(n.sel, 27, "2^F: two pages of 8");
	tui_nav_request(&n, REQ_BOTTOM, 0, 10);
	is_int(n.sel, 99, "G: the last");
	tui_nav_request(&n, REQ_BOTTOM, 42, 10);
	is_int(n.sel, 41, "42G: the 42nd");
	tui_nav_request(&n, REQ_UP, 1000, 10);
	is_int(n.sel, 0, "1000k stops at the first");
	ok(!tui_nav_request(&n, REQ_SORT, 0, 10), "not a movement: left alone");
	struct tui_nav s = { 0, 0, 30, true };
	tui_nav_request(&s, REQ_BOTTOM, 0, 10);
	is_int(s.top, 20, "a scroller's G shows the last page");
	tui_nav_request(&s, REQ_PAGE_UP, 0, 10);
	is_int(s.top, 12, "PgUp scrolls back a page");
	struct tui_nav e = { 0, 0, 0, false };
	tui_nav_request(&e, REQ_DOWN, 3, 10);
	is_int(e.sel, 0, "an empty list stays at 0");
}

static void numbers(void)
{
	long long v;
	ok(nd_parse_number("12", 1, 100, &v) == 0 && v == 12, "12 is a number");
	ok(nd_parse_number("2-07", 1, 100, &v) < 0, "2-07 is not a page");
	ok(nd_parse_number(" 3", 1, 100, &v) < 0, "a leading space is refused");
	ok(nd_parse_number("0", 1, 100, &v) < 0, "below the range is refused");
}

/* The pane registry, walked: every pane is a row with a name, one flag of
 * its own and operations; a binding file names it, :bind lists its keys
 * and help gives them under its title. A pane missing from any of these
 * (as the import and photo panes once were) fails here. */
static void registry(void)
{
	struct nd_actor admin = { 0 };
	admin.user.rank = ND_RANK_ADMIN;
	admin.user.role = "admin";
	admin.user.login = "admin";
	struct tui t;
	memset(&t, 0, sizeof t);
	t.actor = &admin;
	unsigned seen = 0;
	struct nd_buf bind = ND_BUF_INIT;
	tui_bindings_clear();
	tui_bindings_text(&t, &bind);
	for (size_t i = 0; i < tui_pane_count; i++) {
		const struct tui_pane_info *p = &tui_panes[i];
		ok(p->name && p->name[0] && p->ops && p->ops->draw && p->title,
		   "pane '%s' has a name, operations that draw and a help title", p->name);
		ok(p->flag && !(p->flag & (p->flag - 1)) && !(seen & p->flag),
		   "pane '%s' has a flag of its own", p->name);
		seen |= p->flag;
		ok(tui_pane_by_name(p->name) == p && tui_pane_by_flag(p->flag) == p,
		   "'%s' is found by name and by flag", p->name);
		ok(strcmp(tui_pane_name(p->flag), p->name) == 0, "'%s' names itself", p->name);
		ok(p->flag == PANE_EDITOR || (PANE_ALL & p->flag),
		   "'%s' is among the generic panes (the editor apart)", p->name);
		/* a request that works there, bound in a binding file */
		const struct tui_request *r = NULL;
		for (size_t k = 0; k < tui_request_count && !r; k++)
			if (tui_requests[k].panes & p->flag)
				r = &tui_requests[k];
		ok(r != NULL, "some request works in '%s'", p->name);
		if (!r)
			continue;
		char line[128];
		snprintf(line, sizeof line, "bind %s <F9> %s\n", p->name, r->name);
		struct nd_buf errors = ND_BUF_INIT;
		tui_bindings_clear();
		ok(tui_bindings_parse(line, "keys", &errors) == 0, "'bind %s <F9> %s' is read%s%s",
		   p->name, r->name, errors.len ? ": " : "", nd_buf_str(&errors));
		ok(tui_request_for_key(p->flag, KEY_CODE_YES, KEY_F(9)) == r->req,
		   "…and F9 makes '%s' in '%s'", r->name, p->name);
		nd_buf_free(&errors);
		tui_bindings_clear();
		char head[64], row[96];
		snprintf(head, sizeof head, "\n# %s\n", p->name);
		snprintf(row, sizeof row, "bind %s ", p->name);
		ok(strstr(nd_buf_str(&bind), head) && strstr(nd_buf_str(&bind), row),
		   ":bind lists the keys of '%s'", p->name);
		struct nd_buf help = ND_BUF_INIT;
		tui_help_text(&t, p->flag, &help);
		ok(strstr(nd_buf_str(&help), p->title) != NULL, "help in '%s' is titled '%s'",
		   p->name, p->title);
		nd_buf_free(&help);
	}
	nd_buf_free(&bind);
	struct nd_buf errors = ND_BUF_INIT;
	is_int(tui_bindings_parse("bind photo x caption\n", "keys", &errors), 0,
	       "bind photo x caption is read");
	is_int(tui_request_for_key(PANE_PHOTO, OK, 'x'), REQ_CAPTION, "…x captions the photo");
	is_int(tui_bindings_parse("bind import,flatplan <F8> help\n", "keys", &errors), 0,
	       "the import pane and the flat plan take bindings");
	is_int(tui_bindings_parse("bind lst x finish\n", "keys", &errors), 1,
	       "a pane no row names is refused");
	ok(strstr(nd_buf_str(&errors), "photo") && strstr(nd_buf_str(&errors), "import"),
	   "…and the message names every pane: %s", nd_buf_str(&errors));
	nd_buf_free(&errors);
	tui_bindings_clear();
}

int main(void)
{
	for (size_t i = 0; i < tui_pane_count && nkinds < 32; i++)
		kinds[nkinds++] = tui_panes[i].flag;
	table();
	registry();
	editor();
	parser();
	nav();
	numbers();
	return tap_done();
}
